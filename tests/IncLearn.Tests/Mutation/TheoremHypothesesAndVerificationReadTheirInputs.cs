using MathNet.Numerics.LinearAlgebra;

using static IncLearn.Tests.Mutation.TheoremInputs;

namespace IncLearn.Tests.Mutation;

/// <summary>
/// Issue 25: what the theorems' hypotheses say (the notebooks' theorem cards print these texts and sides), the edges of
/// their guards on both sides with σ ≠ 1, and the verification's samples, each against a value computed here from the
/// closed form and the paper's formulas.
/// </summary>
public class TheoremHypothesesAndVerificationReadTheirInputs
{
    private const string RatioName = "(−log α + log c_ε)/(−log α + log C_ε) > ρ";

    [Fact]
    public void Theorem3HypothesesNameTheirInequalitiesAndSayWhy()
    {
        var th = new Theorem3(Y, Sigma0, Epsilon);
        var h = th.Hypotheses(th.LogAlphaMax - 0.37);
        Assert.Equal(["distinct non-zero singular values", "0 < ε ≤ σ_K", "α ≤ c_ε", RatioName], h.Select(x => x.Name));
        Assert.Equal([">", "≤", "≤", ">"], h.Select(x => x.Relation));
        double minGap = (Y.SigmaY[0] - Y.SigmaY[1]) / Y.SigmaY[0];
        Assert.Equal($"smallest relative gap (σ_k − σ_{{k+1}})/σ_k = {minGap:G4}", h[0].Why);
        Assert.Equal("the tolerance cannot be finer than the smallest singular value to learn", h[1].Why);
        Assert.Equal("compared in log10: log10 α vs log10 c_ε", h[2].Why);
        Assert.Equal("the windows I_k are non-empty only when the transitions are separated: ρ = max σ_{k+1}/σ_k", h[3].Why);
        // Only α and its bound are shown as powers of ten (they can lie below the double range).
        Assert.Equal([false, false, true, false], h.Select(x => x.SidesAreLog10));
    }

    [Fact]
    public void WithOneModeTheGapAndRatioHypothesesHaveNoSides()
    {
        var th = new Theorem3(Target.FromSpectrum([3.5], 2, seed: 1), [0.6, 1.8], 0.2);
        var h = th.Hypotheses(th.LogAlphaMax);
        Assert.Equal(("distinct non-zero singular values", true, (double?)null, (double?)null), (h[0].Name, h[0].Holds, h[0].Left, h[0].Right));
        Assert.Equal("K = 1: a single non-zero singular value", h[0].Why);
        Assert.Equal((RatioName, true, (double?)null, (double?)null), (h[3].Name, h[3].Holds, h[3].Left, h[3].Right));
        Assert.Equal("K = 1: no ratio condition", h[3].Why);
        Assert.Equal((">", ">"), (h[0].Relation, h[3].Relation));
    }

    [Fact]
    public void Theorem4HypothesesNameTheBoundOnMAndTheInvertibility()
    {
        var th = new Theorem4(Y, Shape, Epsilon);
        var h = th.Hypotheses(th.LogAlphaMax - 0.37);
        Assert.Equal(["distinct non-zero singular values", "W̃₀ invertible", "0 < ε ≤ min(σ_K, 1)", "α ≤ c_ε/M", RatioName], h.Select(x => x.Name));
        Assert.Equal((true, ">", 0.0), (h[1].Holds, h[1].Relation, h[1].Right!.Value));
        Assert.Equal(1 / th.NormV, h[1].Left!.Value);
        Assert.Equal("λ_min(W̃₀) > 0, so V = W̃₀⁻¹ exists", h[1].Why);
        Assert.Equal("compared in log10: log10 α vs log10 c_ε/M", h[3].Why);
        Assert.True(h[3].SidesAreLog10);

        var bounded = new Theorem4(Y, Shape, Epsilon, th.ActualM * 1.7);
        var m = bounded.Hypotheses(bounded.LogAlphaMax)[2];
        Assert.Equal(("max(‖V‖, ‖V⁻¹‖) ≤ M used in c_ε, C_ε", "≤"), (m.Name, m.Relation));
        Assert.Equal("the constants use a bound M (e.g. M_δ of Remark III-C1); the theorem covers this shape only if its own M is below it", m.Why);
    }

    [Fact]
    public void GuardsHoldAtTheirBoundaryWithUnitFreeValues()
    {
        // ε = σ_K exactly: the ε hypothesis holds (≤, not <).
        var atSigmaK = new Theorem3(Y, Sigma0, Y.SigmaY[2]).Hypotheses(-20)[1];
        Assert.Equal(atSigmaK.Left, atSigmaK.Right);
        Assert.True(atSigmaK.Holds);
        // α at the direct bound c_ε exactly holds, the next double above does not (one mode: no ratio condition binds).
        var one = new Theorem3(Target.FromSpectrum([3.5], 2, seed: 1), [0.6, 1.8], 0.2);
        Assert.True(one.Hypotheses(one.LogAlphaDirectBound)[2].Holds);
        Assert.False(one.Hypotheses(Math.BitIncrement(one.LogAlphaDirectBound))[2].Holds);
        // Distinctness is relative to σ_k ≠ 1: at σ_1 = 4 a gap of 2e-9 (0.5e-9 relative) is a repeat; at σ_1 = 0.25 a gap
        // of 5e-10 (2e-9 relative) is distinct — an absolute tolerance, or one divided by σ_k, turns both around.
        var repeatedAtFour = Target.FromMatrix(Matrix<double>.Build.DenseOfDiagonalArray([4, 4 - 2e-9, 1]));
        Assert.Equal("target", Assert.Throws<ArgumentException>(() => new Theorem3(repeatedAtFour, [1.0, 1.0, 1.0], 0.5)).ParamName);
        var distinctAtQuarter = Target.FromMatrix(Matrix<double>.Build.DenseOfDiagonalArray([0.25, 0.25 - 5e-10, 0.1]));
        Assert.Equal(0.25 - 5e-10, new Theorem3(distinctAtQuarter, [1.0, 1.0, 1.0], 0.05).Target.SigmaY[1]);
    }

    [Fact]
    public void WhenCIsBelowOneTheRatioFailsBeforeItsDenominatorTurnsNegative()
    {
        // σ_Y = (0.09, 0.04, 0.015) and σ_{i,0} ≈ 100 give C_ε < 1 (log C_ε ≈ −3.26). At α = 1 both logs of the ratio are
        // negative, their quotient (≈ 3.5) exceeds ρ, but −log α + log C_ε < 0: the windows start before t = 0.
        var small = Target.FromSpectrum([0.09, 0.04, 0.015], 4, seed: 5);
        var th = new Theorem3(small, [250, 70, 130, 40], 0.003);
        Assert.True(th.LogLargeC < 0);
        var ratio = th.Hypotheses(0)[3];
        Assert.True(ratio.Left > th.Rho);
        Assert.False(ratio.Holds);
        Assert.True(th.Windows(0)[0].Start < 0);
    }

    [Fact]
    public void ReportAndVerifyCheckLogAlphaFirst()
    {
        var th = new Theorem3(Y, Sigma0, Epsilon);
        Assert.Equal("logAlpha", Assert.Throws<ArgumentOutOfRangeException>(() => th.Report(double.NaN, -1)).ParamName);
        Assert.Equal("logAlpha", Assert.Throws<ArgumentOutOfRangeException>(() => th.Verify(double.NaN, 1)).ParamName);
        Assert.Equal("shape", Assert.Throws<ArgumentNullException>(() => new Theorem4(Y, null!, Epsilon)).ParamName);
    }

    [Fact]
    public void VerifyReturnsTheLargestSampledDistance()
    {
        var th = new Theorem3(Y, Sigma0, Epsilon);
        double la = th.LogAlphaMax - 0.37;
        var v = th.Verify(la, 5);
        var cf = new ClosedFormSolution(Y, th.InitializationAtLogAlpha(la));
        for (int k = 1; k <= 3; k++)
        {
            var c = v.Windows[k - 1];
            double expected = Enumerable.Range(0, 5)
                .Select(i => Ratio(cf, k, c.Window.Start + (c.SampledEnd - c.Window.Start) * i / 4)).Max();
            Assert.Equal(expected, c.MaxRatioInside, 1e-9 * expected);
        }
    }

    [Fact]
    public void AShortWindowIsFlankedAtATenthOfAThousandthOfItsStart()
    {
        // At the largest admissible α, I_1 is about 6e-10 long: the times outside it are 0.1·1e-3·start away.
        var th = new Theorem3(Y, Sigma0, Epsilon);
        var v = th.Verify(th.LogAlphaMax, 3);
        var w = v.Windows[0].Window;
        Assert.True(w.End - w.Start < 1e-3 * w.Start);
        var cf = new ClosedFormSolution(Y, th.InitializationAtLogAlpha(th.LogAlphaMax));
        Assert.Equal(Ratio(cf, 1, w.Start - 1e-4 * w.Start), v.Windows[0].RatioBefore, 1e-9);
        Assert.Equal(Ratio(cf, 1, w.End + 1e-4 * w.Start), v.Windows[0].RatioAfter, 1e-9);
    }

    [Fact]
    public void AboveCTheWindowsAreSampledFromTimeZero()
    {
        // log α = log C_ε + 1: every window starts before 0. I_1 and I_2 are empty; I_K is sampled on [0, its sampled end],
        // and no ratio is taken at a negative time.
        var th = new Theorem3(Y, Sigma0, Epsilon);
        double la = th.LogLargeC + 1;
        var v = th.Verify(la, 4);
        Assert.Equal([0, 0, 4], v.Windows.Select(c => c.Samples));
        Assert.All(v.Windows, c => Assert.True(c.Window.Start < 0));
        Assert.All(v.Windows, c => Assert.True(double.IsNaN(c.RatioBefore)));
        var last = v.Windows[2];
        var cf = new ClosedFormSolution(Y, th.InitializationAtLogAlpha(la));
        double expected = Enumerable.Range(0, 4).Select(i => Ratio(cf, 3, last.SampledEnd * i / 3)).Max();
        Assert.Equal(expected, last.MaxRatioInside, 1e-9 * expected);
        Assert.False(v.Holds);
    }

    private static double Ratio(ClosedFormSolution cf, int k, double t) =>
        Numerics.SymmetricSpectralNorm(cf.At(t) - cf.Target.BestRankK(k)) / Epsilon;
}
