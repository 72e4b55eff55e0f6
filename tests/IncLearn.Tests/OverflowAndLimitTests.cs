using MathNet.Numerics.LinearAlgebra;

namespace IncLearn.Tests;

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
