using MathNet.Numerics.LinearAlgebra;

using static IncLearn.Tests.Mutation.TheoremInputs;

namespace IncLearn.Tests.Mutation;

/// <summary>
/// Issue 25: the constants, bounds and windows of Theorems 3 and 4 for non-degenerate inputs — σ_{i,0} ≠ 1 with different
/// maxima over all modes and over the first K, unequal gaps, n ≠ K, a non-orthogonal Ū₀ — checked against the paper's
/// formulas, so that a sign or a dropped term (invisible when every σ_{i,0} = 1, log 1 = 0) changes a number a test reads.
/// </summary>
public class TheoremConstantsFollowTheInitialShape
{
    private static Theorem3 T3() => new(Y, Sigma0, Epsilon);

    [Fact]
    public void Theorem3ConstantsAreTheFormulasOfThePaper()
    {
        var th = T3();
        Assert.Equal(Math.Log(Epsilon / 2.5), th.LogSmallC, 1e-14);
        Assert.Equal(Math.Log(81.0 / (Epsilon * 0.7)), th.LogLargeC, 1e-13);
        Assert.Equal(Epsilon / 2.5, th.SmallC, 1e-15);
        Assert.Equal(81.0 / (Epsilon * 0.7), th.LargeC, 1e-10);
        Assert.Equal(th.LogSmallC, th.LogAlphaDirectBound);
        Assert.Equal(4.0 / 9, th.Rho, 1e-14); // max(4/9, 1.5/4): the first ratio, not the last
        Assert.Equal(Y.SigmaY[2], th.EpsilonUpperBound);
        Assert.Equal("σ_K", th.EpsilonRule);
        Assert.Equal("Theorem 3", th.Name);
        Assert.Equal(Sigma0, th.Sigma0);
        Assert.Equal(Epsilon, th.Epsilon);
    }

    [Fact]
    public void TheLargestAlphaIsTheRatioSupremumMinusTheStrictMargin()
    {
        var th = T3();
        double sup = -(th.Rho * th.LogLargeC - th.LogSmallC) / (1 - th.Rho);
        Assert.Equal(sup, th.LogAlphaRatioSupremum, 1e-12);
        // Here the ratio condition binds (sup = −7.5 < log c_ε = −2.1), and the margin is relative to |sup| > 1.
        Assert.True(sup < th.LogSmallC);
        Assert.Equal(sup - IncrementalLearningTheorem.StrictMargin * Math.Abs(sup), th.LogAlphaMax, 1e-13);
        Assert.True(th.LogAlphaMax < sup);
        Assert.Equal(th.LogAlphaMax / Math.Log(10), th.Log10AlphaMax, 1e-14);
        Assert.Equal(Math.Exp(th.LogAlphaMax), th.AlphaMax, 1e-18);
        Assert.True(th.HypothesesHold(th.LogAlphaMax));
        Assert.False(th.HypothesesHold(sup + 1e-6)); // strict: just above the supremum the ratio condition fails
    }

    [Fact]
    public void WindowsAreEq16WithTheShapesConstants()
    {
        var th = T3();
        double la = th.LogAlphaMax - 0.37;
        var w = th.Windows(la);
        Assert.Equal(3, w.Count);
        for (int k = 0; k < 3; k++)
        {
            Assert.Equal(k + 1, w[k].K);
            Assert.Equal((th.LogLargeC - la) / (2 * Y.SigmaY[k]), w[k].Start, 1e-12);
        }
        Assert.Equal((th.LogSmallC - la) / (2 * Y.SigmaY[1]), w[0].End, 1e-12);
        Assert.Equal((th.LogSmallC - la) / (2 * Y.SigmaY[2]), w[1].End, 1e-12);
        Assert.True(double.IsPositiveInfinity(w[2].End));
        Assert.All(w, x => Assert.True(x.IsNonEmpty));
    }

    [Fact]
    public void HypothesesReportBothSidesOfEachInequality()
    {
        var th = T3();
        double la = th.LogAlphaMax - 0.37;
        var h = th.Hypotheses(la);
        Assert.Equal(4, h.Count);
        Assert.Equal(5.0 / 9, h[0].Left!.Value, 1e-12); // smallest relative gap: (9 − 4)/9 < (4 − 1.5)/4
        Assert.Equal(IncrementalLearningTheorem.DistinctnessTolerance, h[0].Right);
        Assert.Equal((Epsilon, Y.SigmaY[2]), (h[1].Left!.Value, h[1].Right!.Value));
        Assert.Equal(la / Math.Log(10), h[2].Left!.Value, 1e-14);
        Assert.Equal(th.LogSmallC / Math.Log(10), h[2].Right!.Value, 1e-14);
        double x = -la;
        Assert.Equal((x + th.LogSmallC) / (x + th.LogLargeC), h[3].Left!.Value, 1e-14);
        Assert.Equal(th.Rho, h[3].Right);
        Assert.All(h, y => Assert.True(y.Holds, y.Name));
        // Above c_ε the direct bound fails and only it.
        var above = th.Hypotheses(th.LogSmallC + 0.01);
        Assert.False(above[2].Holds);
        Assert.True(above[2].Left > above[2].Right);
    }

    [Fact]
    public void AboveLargeCTheRatioHypothesisFailsThoughBothLogsAreNegative()
    {
        var th = T3();
        // x + log C_ε < 0 and x + log c_ε < 0: their ratio is positive and above ρ, but the windows start before 0.
        double la = th.LogLargeC + 1;
        var ratio = th.Hypotheses(la)[3];
        Assert.True(ratio.Left > th.Rho);
        Assert.False(ratio.Holds);
    }

    [Fact]
    public void GuardsAcceptTheirBoundaryAndRefuseJustBeyondIt()
    {
        // ε = σ_K is allowed, the next double is not; a tiny ε is allowed, 0 is not.
        double sK = Y.SigmaY[2];
        Assert.Equal(sK, new Theorem3(Y, Sigma0, sK).Epsilon);
        Assert.Equal("epsilon", Assert.Throws<ArgumentOutOfRangeException>(() => new Theorem3(Y, Sigma0, Math.BitIncrement(sK))).ParamName);
        Assert.Equal(1e-300, new Theorem3(Y, Sigma0, 1e-300).Epsilon);
        Assert.Equal("epsilon", Assert.Throws<ArgumentOutOfRangeException>(() => new Theorem3(Y, Sigma0, 0)).ParamName);
        // σ_{i,0} = 0 is refused on the last non-zero mode (i = K − 1) and accepted on the zero mode (i = K).
        Assert.Equal("sigma0", Assert.Throws<ArgumentException>(() => new Theorem3(Y, [2.5, 0.7, 0, 0.4], Epsilon)).ParamName);
        Assert.Equal(0, new Theorem3(Y, [2.5, 0.7, 1.3, 0], Epsilon).Sigma0[3]);
        // Distinct singular values: a relative gap of 2e-9 passes, 0.5e-9 does not (tolerance 1e-9).
        var close = Target.FromMatrix(Matrix<double>.Build.DenseOfDiagonalArray([1, 1 - 2e-9, 0.5]));
        Assert.Equal(1 - 2e-9, new Theorem3(close, [1.0, 1.0, 1.0], 0.1).Target.SigmaY[1]);
        var equal = Target.FromMatrix(Matrix<double>.Build.DenseOfDiagonalArray([0.5, 1, 1 - 0.5e-9]));
        var e = Assert.Throws<ArgumentException>(() => new Theorem3(equal, [1.0, 1.0, 1.0], 0.1));
        Assert.Equal("target", e.ParamName);
        Assert.Contains("σ_1", e.Message); // the pair (σ_1, σ_2) of the sorted spectrum
        Assert.Equal("target", Assert.Throws<ArgumentException>(() => new Theorem3(Target.FromMatrix(Matrix<double>.Build.Dense(2, 2)), [1.0, 1.0], 0.1)).ParamName);
        Assert.Throws<ArgumentNullException>(() => new Theorem3(null!, Sigma0, Epsilon));
        Assert.Throws<ArgumentNullException>(() => new Theorem3(Y, null!, Epsilon));
    }

    [Fact]
    public void WithOneModeThereIsNoRatioCondition()
    {
        var one = Target.FromSpectrum([3.5], 2, seed: 1);
        var th = new Theorem3(one, [0.6, 1.8], 0.2);
        Assert.Equal(0, th.Rho);
        Assert.True(double.IsPositiveInfinity(th.LogAlphaRatioSupremum));
        Assert.Equal(th.LogSmallC, th.LogAlphaMax); // no margin subtracted from +∞, the direct bound decides
        Assert.Equal(Math.Log(0.2 / 1.8), th.LogSmallC, 1e-14);
        Assert.Equal(Math.Log(3.5 * 3.5 / (0.2 * 0.6)), th.LogLargeC, 1e-13);
        var h = th.Hypotheses(th.LogAlphaMax);
        Assert.Null(h[0].Left);
        Assert.Null(h[^1].Left);
        Assert.True(h[^1].Holds);
        Assert.Single(th.Windows(-5));
    }

    [Fact]
    public void Theorem4ConstantsUseMOfANonOrthogonalShape()
    {
        var th = new Theorem4(Y, Shape, Epsilon);
        var w0 = Y.Phi.Transpose() * Shape * Shape.Transpose() * Y.Phi;
        var eig = w0.Evd().EigenValues.Select(c => c.Real).ToArray();
        double lmin = eig.Min(), lmax = eig.Max();
        Assert.Equal(1 / lmin, th.NormV, 1e-10 * th.NormV);
        Assert.Equal(lmax, th.NormVInverse, 1e-12 * lmax);
        Assert.Equal(Math.Max(1 / lmin, lmax), th.M, 1e-10 * th.M);
        Assert.Equal(th.M, th.ActualM);
        double logM = Math.Log(th.M);
        Assert.Equal(Math.Log(Epsilon) - Math.Log(16) - 2 * logM, th.LogSmallC, 1e-13);
        Assert.Equal(Math.Log(16) + 2 * Math.Log(9) + 2 * logM - Math.Log(Epsilon), th.LogLargeC, 1e-13);
        Assert.Equal(th.LogSmallC - logM, th.LogAlphaDirectBound, 1e-13);
        Assert.True((th.V * th.W0Tilde - Matrix<double>.Build.DenseIdentity(4)).L2Norm() < 1e-12);
        Assert.True((th.W0Tilde - w0).L2Norm() < 1e-12 * w0.L2Norm());
        Assert.Equal("Theorem 4", th.Name);
        Assert.Equal(Math.Min(Y.SigmaY[2], 1), th.EpsilonUpperBound);
        Assert.Equal(5, th.Hypotheses(th.LogAlphaMax).Count); // no M-bound hypothesis without an override
        Assert.Equal(lmin, th.Hypotheses(th.LogAlphaMax)[1].Left!.Value, 1e-12 * lmax);
    }

    [Fact]
    public void Theorem4WithABoundOnMReportsWhetherTheShapeIsCovered()
    {
        var shape = Initialization.RandomGaussian(4, 7, 1, seed: 12).Shape;
        double actual = new Theorem4(Y, shape, Epsilon).M;
        var covered = new Theorem4(Y, shape, Epsilon, actual * 1.7);
        Assert.Equal(actual * 1.7, covered.M);
        Assert.Equal(actual, covered.ActualM, 1e-12 * actual);
        Assert.Equal(Math.Log(Epsilon) - Math.Log(16) - 2 * Math.Log(actual * 1.7), covered.LogSmallC, 1e-13);
        var bound = covered.Hypotheses(covered.LogAlphaMax).Single(h => h.Name.StartsWith("max(‖V‖", StringComparison.Ordinal));
        Assert.True(bound.Holds);
        Assert.Equal((actual, actual * 1.7), (bound.Left!.Value, bound.Right!.Value));
        var notCovered = new Theorem4(Y, shape, Epsilon, Math.Max(1, actual * 0.6));
        Assert.False(notCovered.HypothesesHold(notCovered.LogAlphaMax));
        // M_δ = 1 is the smallest allowed bound; below it, or infinite, is refused.
        Assert.Equal(1, new Theorem4(Y, shape, Epsilon, 1.0).M);
        Assert.Equal("mOverride", Assert.Throws<ArgumentOutOfRangeException>(() => new Theorem4(Y, shape, Epsilon, Math.BitDecrement(1.0))).ParamName);
        // ε ≤ min(σ_K, 1): with σ_K > 1 the bound is 1.
        var big = Target.FromSpectrum([9, 4], 4, seed: 5);
        var wide = Initialization.RandomGaussian(4, 6, 1, seed: 3).Shape;
        Assert.Equal(1.0, new Theorem4(big, wide, 1.0).EpsilonUpperBound);
        Assert.Equal("epsilon", Assert.Throws<ArgumentOutOfRangeException>(() => new Theorem4(big, wide, 1.01)).ParamName);
        Assert.Equal("shape", Assert.Throws<ArgumentException>(() => new Theorem4(Y, Matrix<double>.Build.Random(3, 4, 1), Epsilon)).ParamName);
        Assert.Equal("shape", Assert.Throws<ArgumentException>(() => new Theorem4(Y, Matrix<double>.Build.Random(4, 3, 1), Epsilon)).ParamName);
    }

    [Fact]
    public void VerificationSamplesEachWindowAndTheTimesAroundIt()
    {
        var th = T3();
        double la = th.LogAlphaMax - 0.37;
        var v = th.Verify(la, 5);
        Assert.Equal(la, v.LogAlpha);
        Assert.Equal(la / Math.Log(10), v.Log10Alpha, 1e-14);
        var w = th.Windows(la);
        for (int k = 0; k < 3; k++)
        {
            Assert.Equal(w[k], v.Windows[k].Window);
            Assert.Equal(5, v.Windows[k].Samples);
        }
        Assert.Equal(w[0].End, v.Windows[0].SampledEnd);
        // I_K is sampled up to its start + max(start, 10/σ_K).
        Assert.Equal(w[2].Start + Math.Max(w[2].Start, 10 / 1.5), v.Windows[2].SampledEnd, 1e-9);
        Assert.True(v.Holds);
        Assert.InRange(v.MaxRatio, 0, 1);
        Assert.Equal(v.Windows.Max(c => c.MaxRatioInside), v.MaxRatio);
        // The ratios just outside I_1 are ‖W(t) − Ŷ_1‖₂/ε at Start − 10 % and End + 10 % of its length, W from the closed form.
        var cf = new ClosedFormSolution(Y, th.InitializationAtLogAlpha(la));
        double length = w[0].End - w[0].Start;
        double Ratio(double t) => Numerics.SymmetricSpectralNorm(cf.At(t) - Y.BestRankK(1)) / Epsilon;
        Assert.Equal(Ratio(w[0].Start - 0.1 * length), v.Windows[0].RatioBefore, 1e-9);
        Assert.Equal(Ratio(w[0].End + 0.1 * length), v.Windows[0].RatioAfter, 1e-9);
        Assert.True(double.IsNaN(v.Windows[2].RatioAfter));
        var report = th.Report(la, 3);
        Assert.Equal(la / Math.Log(10), report.Log10Alpha, 1e-14);
        Assert.Equal(3, report.Verification!.Windows[0].Samples);
        Assert.Null(th.Report(la, 0).Verification);
        Assert.Same(th, report.Theorem);
    }

    [Fact]
    public void WindowAndCheckBoundariesAreInclusive()
    {
        Assert.True(new IncrementalWindow(1, 2.0, 2.0).IsNonEmpty);
        Assert.False(new IncrementalWindow(1, 2.0, Math.BitDecrement(2.0)).IsNonEmpty);
        var window = new IncrementalWindow(1, 1.0, 3.0);
        Assert.True(new WindowCheck(window, 3.0, 4, 1.0, 2.0, 2.0).Holds);
        Assert.False(new WindowCheck(window, 3.0, 4, Math.BitIncrement(1.0), 2.0, 2.0).Holds);
    }
}
