using MathNet.Numerics.LinearAlgebra;

namespace IncLearn.Tests;

public class CorollaryTests
{
    [Theory]
    [InlineData(1e-2)]
    [InlineData(1e-8)]
    [InlineData(1e-200)]
    public void PropositionOneEqualsCorollaryTwoUnderSpectralInit(double alpha)
    {
        var y = Target.FromSpectrum([10, 6, 3, 1], 6, seed: 3);
        var init = Initialization.Spectral(y, [1, 2, 0.5, 1, 3, 1], alpha);
        var cf = new ClosedFormSolution(y, init);
        var sc = new SpectralTrajectory(y, init);
        double tEnd = 2 * sc.TransitionTime(3);
        for (int j = 0; j <= 60; j++)
        {
            double t = tEnd * j / 60;
            var rot = cf.RotatedAt(t);
            var s = sc.At(t);
            for (int i = 0; i < 6; i++)
                for (int k = 0; k < 6; k++)
                    if (i == k) Assert.True(Math.Abs(rot[i, i] - s[i]) <= 1e-12 * s[i], $"t={t}, i={i}: {rot[i, i]} vs {s[i]}");
                    // 1e-12·‖Y‖: the two stable evaluations agree to a few thousand rounding errors.
                    else Assert.True(Math.Abs(rot[i, k]) <= 1e-12 * y.SigmaY[0], $"t={t}: off-diagonal {rot[i, k]}");
        }
    }

    [Fact]
    public void ZeroModeFollowsEquation13AndTransitionTimeIsTheHalfwayTime()
    {
        Assert.Equal(1e-3 / (1 + 2e-3 * 5), SpectralTrajectory.Evaluate(0, 1, Math.Log(1e-3), 5), 15);
        // At t_i = log(σ/(ασ₀))/(2σ): σ_W = σ/(2 − ασ₀/σ), so exactly half up to O(α).
        double sigma = 4, logAlpha = Math.Log(1e-6);
        double t = (Math.Log(sigma) - logAlpha) / (2 * sigma);
        Assert.Equal(sigma / (2 - 1e-6 / sigma), SpectralTrajectory.Evaluate(sigma, 1, logAlpha, t), 12);
    }
}

public class OverflowAndLimitTests
{
    [Theory]
    [InlineData(1e-300, 6)]
    [InlineData(1e-300, 12)]
    [InlineData(1e-3, 6)]
    public void FiniteSymmetricPsdAndConvergesToYForFullRankStarts(double alpha, int r)
    {
        var y = Target.FromSpectrum([10, 6, 3, 1], 6, seed: 4);
        var cf = new ClosedFormSolution(y, Initialization.RandomGaussian(6, r, alpha, 8));
        foreach (double t in new[] { 0, 1e-3, 1, 10, 35, 36, 100, 400, 1e3, 1e4, 1e6 })
        {
            var w = cf.At(t);
            Assert.True(w.Enumerate().All(double.IsFinite), $"t = {t}");
            Assert.True((w - w.Transpose()).InfinityNorm() == 0, "symmetric");
            double minEig = w.Evd(Symmetricity.Symmetric).EigenValues.Min(c => c.Real);
            Assert.True(minEig >= -1e-12 * y.SigmaY[0], $"t = {t}: λ_min = {minEig}");
        }
        // W(1e6) − Y: the non-zero modes are converged; the two null-space modes of Y hold ≈ 1/(2t) = 5e-7 (eq. (13)),
        // so the limit is checked at t = 1e14 where that is 5e-15: 1e-10 relative leaves room for rounding only.
        Assert.True((cf.At(1e14) - y.Y).FrobeniusNorm() <= 1e-10 * y.Y.FrobeniusNorm());
        Assert.True((cf.Limit() - y.Y).FrobeniusNorm() <= 1e-12 * y.Y.FrobeniusNorm());
        Assert.True((cf.At(1e6) - cf.Limit()).FrobeniusNorm() <= 1e-6 * y.Y.FrobeniusNorm());
    }

    [Fact]
    public void FullRankTargetConvergesWithinRoundingAtLargeT()
    {
        var y = Target.FromSpectrum([5, 4, 2], 3, seed: 2);
        var cf = new ClosedFormSolution(y, Initialization.RandomGaussian(3, 3, 1e-300, 1));
        foreach (double t in new[] { 1e3, 1e6 })
            Assert.True((cf.At(t) - y.Y).FrobeniusNorm() <= 1e-10 * y.Y.FrobeniusNorm(), $"t = {t}");
    }

    [Fact]
    public void RankDeficientLimitMatchesTheIntegrator()
    {
        var y = Target.FromSpectrum([4, 3, 2, 1], 5, seed: 6);
        var init = Initialization.RandomGaussian(5, 2, 1e-4, 9);
        var cf = new ClosedFormSolution(y, init);
        Assert.False(cf.IsInitialInvertible);
        var flow = GradientFlowIntegrator.Integrate(y, init, [40.0], rtol: 1e-11);
        double rel = (cf.Limit() - flow.W[0]).FrobeniusNorm() / flow.W[0].FrobeniusNorm();
        // At t = 40 the slowest learned mode has converged to ≈ e^{−2·3·40}; the integrator's error (~1e-10) dominates.
        Assert.True(rel <= 1e-8, $"relative difference {rel}");
        foreach (double t in new[] { 100, 1e3, 1e6 })
        {
            var w = cf.At(t);
            Assert.True(w.Enumerate().All(double.IsFinite));
            Assert.True((w - cf.Limit()).FrobeniusNorm() <= 1e-10 * y.Y.FrobeniusNorm(), $"t = {t}");
        }
    }

    [Fact]
    public void PrintedFormulaLosesAccuracyAndOverflowsWhileStableFormDoesNot()
    {
        var y = Target.FromSpectrum([10, 6, 3, 1], 6, seed: 7);
        var cf = new ClosedFormSolution(y, Initialization.RandomGaussian(6, 6, 1e-6, 1));
        double Err(double t) => (cf.AsPrintedAt(t) - cf.At(t)).FrobeniusNorm() / cf.At(t).FrobeniusNorm();
        Assert.True(Err(0.1) <= 1e-8, "early on the printed formula is fine");
        Assert.True(Enumerable.Range(1, 8).Select(j => 0.5 * j).Any(t => Err(t) > 1e-8), "it loses accuracy by t = 4");
        Assert.False(cf.AsPrintedAt(40).Enumerate().All(double.IsFinite), "2σ₁t = 800 > 709 overflows");
        Assert.True(cf.At(40).Enumerate().All(double.IsFinite));
    }
}

public class GradientDescentTests
{
    [Fact]
    public void GradientDescentApproachesTheFlowLinearlyInEta()
    {
        var y = Target.FromSpectrum([3, 2, 1], 3, seed: 1);
        var init = Initialization.RandomGaussian(3, 3, 1e-2, 2);
        double[] times = [2.0];
        var flow = new ClosedFormSolution(y, init).At(2.0);
        double Error(double eta) => (GradientDescent.Run(y, init, eta, times).W[0] - flow).FrobeniusNorm();
        double e1 = Error(0.004), e2 = Error(0.002), e3 = Error(0.001);
        // First order: halving η halves the error. 1.6–2.4 allows the O(η²) remainder at these η.
        Assert.InRange(e1 / e2, 1.6, 2.4);
        Assert.InRange(e2 / e3, 1.6, 2.4);
        Assert.True(e3 < e1);
    }
}

public class BadInputTests
{
    [Fact]
    public void TargetRejectsBadMatrices()
    {
        var notSquare = Assert.Throws<ArgumentException>(() => Target.FromMatrix(Matrix<double>.Build.Dense(2, 3)));
        Assert.Equal("y", notSquare.ParamName);
        Assert.Contains("2×3", notSquare.Message);
        var asym = Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 0.5 }, { 0.4, 1.0 } });
        var e = Assert.Throws<ArgumentException>(() => Target.FromMatrix(asym));
        Assert.Contains("symmetric", e.Message);
        Assert.Contains("|Y[0,1] − Y[1,0]| = 0.1", e.Message);
        var nan = Matrix<double>.Build.DenseIdentity(2); nan[1, 0] = double.NaN;
        Assert.Contains("Y[1,0] = NaN", Assert.Throws<ArgumentException>(() => Target.FromMatrix(nan)).Message);
        var indefinite = Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 0 }, { 0, -0.5 } });
        var neg = Assert.Throws<ArgumentException>(() => Target.FromMatrix(indefinite));
        Assert.Contains("positive semi-definite", neg.Message);
        Assert.Contains("-0.5", neg.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void InitializationRejectsBadAlpha(double alpha)
    {
        var e = Assert.Throws<ArgumentException>(() => Initialization.RandomGaussian(3, 3, alpha, 1));
        Assert.Equal("alpha", e.ParamName);
        Assert.Contains("alpha must be a finite number > 0", e.Message);
    }

    [Fact]
    public void SolversRejectBadArguments()
    {
        var y = Target.FromSpectrum([2, 1], 3);
        var e = Assert.Throws<ArgumentException>(() => new ClosedFormSolution(y, Initialization.RandomGaussian(4, 4, 1e-3, 1)));
        Assert.Equal("initialization", e.ParamName);
        Assert.Contains("4 rows", e.Message);
        var cf = new ClosedFormSolution(y, Initialization.RandomGaussian(3, 3, 1e-3, 1));
        Assert.Equal("t", Assert.Throws<ArgumentOutOfRangeException>(() => cf.At(-1)).ParamName);
        Assert.Equal("t", Assert.Throws<ArgumentOutOfRangeException>(() => cf.At(double.NaN)).ParamName);
        Assert.Equal("eta", Assert.Throws<ArgumentOutOfRangeException>(() => GradientDescent.Run(y, Initialization.RandomGaussian(3, 3, 1e-3, 1), 0, [1.0])).ParamName);
        Assert.Equal("rtol", Assert.Throws<ArgumentOutOfRangeException>(() => GradientFlowIntegrator.Integrate(y, Initialization.RandomGaussian(3, 3, 1e-3, 1), [1.0], rtol: 2)).ParamName);
        var spectral = Assert.Throws<ArgumentException>(() => Initialization.Spectral(y, [1, 1], 1e-3));
        Assert.Contains("n = 3", spectral.Message);
    }
}
