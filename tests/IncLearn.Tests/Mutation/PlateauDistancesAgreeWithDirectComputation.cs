using MathNet.Numerics.LinearAlgebra;

namespace IncLearn.Tests.Mutation;

/// <summary>Issue 25: the distances behind <see cref="Measurements"/> against direct matrix computations: ‖W(t) − Ŷ_k‖₂ from
/// W(t), Ŷ_k and an SVD; the row-norm lower bound from W̃(t) = ΦᵀW(t)Φ; the grid minima on the documented grid; the refined
/// plateau errors against a zooming grid search (a different algorithm from the golden section); the rank-deficient measurements
/// against the closed form.</summary>
public class PlateauDistancesAgreeWithDirectComputation
{
    private static readonly Target Y = Target.FromSpectrum([7, 3.5, 1.2], 5, seed: 4);
    private static readonly Initialization Start = Initialization.RandomGaussian(5, 7, 3e-5, seed: 6);

    private static double Norm2(Matrix<double> a) => a.Svd(computeVectors: false).S.Maximum();

    [Fact]
    public void ErrorsToBestRankKAreSpectralNormsOfWMinusYk()
    {
        var cf = new ClosedFormSolution(Y, Start);
        double[] times = [2.4, 0, double.PositiveInfinity, 0.6, 1.1]; // unsorted, with 0 and ∞
        var errors = Measurements.ErrorsToBestRankK(cf, times);
        Assert.Equal(3, errors.Length);
        for (int k = 1; k <= 3; k++)
        {
            Assert.Equal(times.Length, errors[k - 1].Length);
            for (int j = 0; j < times.Length; j++)
            {
                double expected = Norm2(cf.At(times[j]) - Y.BestRankK(k));
                Assert.Equal(expected, errors[k - 1][j], 1e-11);
            }
        }
        Assert.Equal("solution", Assert.Throws<ArgumentNullException>(() => Measurements.ErrorsToBestRankK(null!, times)).ParamName);
        Assert.Equal("times", Assert.Throws<ArgumentException>(() => Measurements.ErrorsToBestRankK(cf, [1, double.NaN])).ParamName);
    }

    [Fact]
    public void TheLowerBoundIsTheLargestRowNormOfTheRotatedDifference()
    {
        var cf = new ClosedFormSolution(Y, Start);
        var distance = new BestRankKDistance(cf);
        foreach (double t in new[] { 0, 0.7, 1.9, 4.0 })
        {
            distance.Evaluate(t);
            var rotated = cf.RotatedAt(t);
            for (int k = 0; k <= 3; k++)
            {
                var diff = rotated.Clone();
                for (int i = 0; i < k; i++) diff[i, i] -= Y.Eigenvalues[i];
                double rows = Enumerable.Range(0, 5).Max(i => diff.Row(i).L2Norm());
                Assert.Equal(rows, distance.LowerBound(k), 1e-12);
                Assert.Equal(Norm2(diff), distance.To(k), 1e-12);
                Assert.True(distance.LowerBound(k) <= distance.To(k) * (1 + 1e-12));
            }
        }
    }

    // The documented grid: 0 … 1.5·max(0, log(σ_K/(α‖W̄₀‖₂))/(2σ_K)) + 10/σ_K, gridPoints intervals.
    private static double[] Grid(Target y, Initialization init, int gridPoints)
    {
        double sK = y.SigmaY[y.K - 1];
        double transition = (Math.Log(sK / init.ShapeGram.L2Norm()) - init.LogAlpha) / (2 * sK);
        double tEnd = 1.5 * Math.Max(0, transition) + 10 / sK;
        return Enumerable.Range(0, gridPoints + 1).Select(j => tEnd * j / gridPoints).ToArray();
    }

    [Theory]
    [InlineData(3e-5)]
    [InlineData(30.0)] // α so large that the estimated transition is negative: the grid is 10/σ_K long
    public void GridMinimaAreTheMinimaOverTheDocumentedGrid(double alpha)
    {
        var init = Start.WithAlpha(alpha);
        var cf = new ClosedFormSolution(Y, init);
        var errors = Measurements.ErrorsToBestRankK(cf, Grid(Y, init, 40));
        var exact = new PlateauSearch(Y, init, 40).GridMinima(double.NegativeInfinity);
        for (int k = 0; k < 3; k++) Assert.Equal(errors[k].Min(), exact[k], 1e-12);
        // With a threshold between the minima, a rank is left alone once at or below it: its answer is at or below the threshold,
        // the others are still the exact grid minima.
        double threshold = 0.5 * (exact[0] + exact[1]);
        var partial = new PlateauSearch(Y, init, 40).GridMinima(threshold);
        Assert.Equal(exact[0], partial[0], 1e-12);
        Assert.InRange(partial[1], exact[1], threshold);
        Assert.InRange(partial[2], exact[2], threshold);
    }

    // Zooming grid search around the global grid minimum: 8 rounds of 400 points, each on the two intervals around the last
    // minimum — a different algorithm from the golden section.
    private static double Zoom(ClosedFormSolution cf, int k, double tEnd)
    {
        double lo = 0, hi = tEnd, best = double.PositiveInfinity;
        for (int round = 0; round < 8; round++)
        {
            var times = Enumerable.Range(0, 401).Select(j => lo + (hi - lo) * j / 400).ToArray();
            var e = Measurements.ErrorsToBestRankK(cf, times)[k];
            int arg = Array.IndexOf(e, e.Min());
            best = Math.Min(best, e[arg]);
            (lo, hi) = (times[Math.Max(arg - 1, 0)], times[Math.Min(arg + 1, 400)]);
        }
        return best;
    }

    [Fact]
    public void PlateauErrorsAreTheMinimaOfEachPlateau()
    {
        var cf = new ClosedFormSolution(Y, Start);
        var errors = Measurements.PlateauErrors(Y, Start, 40);
        Assert.Equal(3, errors.Length);
        // Ranks 1 and 2: an interior minimum (a kink of the spectral norm), found to 1e-9 by both searches.
        for (int k = 0; k < 2; k++)
        {
            double zoom = Zoom(cf, k, 6);
            Assert.Equal(zoom, errors[k], 1e-9 * zoom);
        }
        // Rank K: W(t) → Y = Ŷ_K, the error keeps falling; at the grid's end it is far below every plateau's.
        Assert.InRange(errors[2], 0, 1e-3);
        // The refinement makes a coarse grid enough: 10 intervals (grid minimum 0.98 for rank 1) give the minima of 40.
        var coarse = Measurements.PlateauErrors(Y, Start, 10);
        for (int k = 0; k < 2; k++) Assert.Equal(errors[k], coarse[k], 1e-9 * errors[k]);
        var search = new PlateauSearch(Y, Start, 10);
        var grid = search.GridMinima(double.NegativeInfinity);
        Assert.True(grid[0] > errors[0] * (1 + 1e-3), $"{grid[0]} vs {errors[0]}");
        Assert.Equal(errors[0], search.Refine(0, grid[0]), 1e-9 * errors[0]); // the golden section around the coarse minimum
        // VisitsEveryPlateau at ε between the refined error and the coarse grid's minimum: the refinement decides.
        double between = 0.5 * (errors[0] + grid[0]);
        Assert.InRange(between, errors[1], Y.SigmaY[2]);
        Assert.True(Measurements.VisitsEveryPlateau(Y, Start, between, 10));
        Assert.False(Measurements.VisitsEveryPlateau(Y, Start, errors[0] * (1 - 1e-6), 10));
    }

    [Fact]
    public void PlateauSearchRefusesWhatItCannotSearch()
    {
        Assert.Equal("target", Assert.Throws<ArgumentNullException>(() => Measurements.PlateauErrors(null!, Start, 10)).ParamName);
        Assert.Equal("initialization", Assert.Throws<ArgumentNullException>(() => Measurements.PlateauErrors(Y, null!, 10)).ParamName);
        Assert.Equal("gridPoints", Assert.Throws<ArgumentOutOfRangeException>(() => Measurements.PlateauErrors(Y, Start, 0)).ParamName);
        Assert.Equal(3, Measurements.PlateauErrors(Y, Start, 1).Length);
        var zero = Target.FromMatrix(Matrix<double>.Build.Dense(5, 5));
        Assert.Equal("target", Assert.Throws<ArgumentException>(() => Measurements.PlateauErrors(zero, Start, 10)).ParamName);
        // A null initialization is named before the target's Y = 0 is looked at.
        Assert.Equal("initialization", Assert.Throws<ArgumentNullException>(() => Measurements.PlateauErrors(zero, null!, 10)).ParamName);
        // Y = 0 reaches the same refusal through VisitsEveryPlateau (the ε rule has no σ_K to check there).
        Assert.Equal("target", Assert.Throws<ArgumentException>(() => Measurements.VisitsEveryPlateau(zero, Start, 0.1, 10)).ParamName);
        Assert.Equal("target", Assert.Throws<ArgumentNullException>(() => Measurements.VisitsEveryPlateau(null!, Start, 0.1, 10)).ParamName);
    }

    [Fact]
    public void RankDeficientMeasurementsAreThoseOfTheClosedForm()
    {
        var init = Initialization.RandomGaussian(5, 2, 2e-4, seed: 8); // r = 2 < K = 3
        var cf = new ClosedFormSolution(Y, init);
        var rd = Measurements.RankDeficient(Y, init, 30);
        Assert.Equal((2, 2), (rd.Rank, rd.LearnableRank));
        Assert.Equal(31, rd.Times.Length);
        Assert.Equal(0, rd.Times[0]);
        double sK = Y.SigmaY[2];
        double tEnd = 2 * Math.Max(0, (Math.Log(sK / init.ShapeGram.L2Norm()) - init.LogAlpha) / (2 * sK)) + 10 / sK;
        Assert.Equal(tEnd, rd.Times[^1], 1e-12 * tEnd);
        Assert.Equal(tEnd / 30 * 7, rd.Times[7], 1e-12 * tEnd);
        var best = Y.BestRankK(2);
        foreach (int j in new[] { 0, 9, 30 })
        {
            var rotated = cf.RotatedAt(rd.Times[j]);
            for (int i = 0; i < 3; i++) Assert.Equal(rotated[i, i], rd.Components[i][j], 1e-12);
            Assert.Equal(Norm2(cf.At(rd.Times[j]) - best), rd.ErrorToBestRank[j], 1e-11);
        }
        for (int i = 0; i < 3; i++) Assert.Equal(Measurements.HalfwayTime(cf, i, tEnd, 30), rd.HalfwayTimes[i]);
        Assert.Equal([0, 1], rd.LearningOrder);
        Assert.Equal(Norm2(cf.Limit() - best), rd.LimitErrorToBestRank, 1e-12);
        var limit = Y.Phi.Transpose() * cf.Limit() * Y.Phi;
        Assert.Equal(3, rd.LimitComponents.Length);
        for (int i = 0; i < 3; i++) Assert.Equal(limit[i, i], rd.LimitComponents[i], 1e-12);
        // r ≥ K learns the K modes; α so large that the estimated transition is negative: the grid is 10/σ_K long.
        var full = Measurements.RankDeficient(Y, Initialization.RandomGaussian(5, 4, 30, seed: 8), 2);
        Assert.Equal(3, full.LearnableRank);
        Assert.Equal(10 / sK, full.Times[^1], 1e-12);
        Assert.Equal(3, full.Times.Length);
        Assert.Equal("gridPoints", Assert.Throws<ArgumentOutOfRangeException>(() => Measurements.RankDeficient(Y, init, 1)).ParamName);
        Assert.Equal("target", Assert.Throws<ArgumentNullException>(() => Measurements.RankDeficient(null!, init)).ParamName);
        Assert.Equal("initialization", Assert.Throws<ArgumentNullException>(() => Measurements.RankDeficient(Y, null!)).ParamName);
    }

    [Fact]
    public void LargestWorkingAlphaReportsBothEndsOfItsBracket()
    {
        // A shape of size 1e-3 (‖W̄₀‖ ≈ 1e-5): α = 1 is already a small initialization, so the answer is 0 (α = 1 works).
        var small = new Theorem4(Y, Start.Shape * 1e-3, 0.5);
        Assert.Equal(0.0, Measurements.LargestWorkingLog10Alpha(small, 40));
        // On a one-interval grid even the theorem's α misses a plateau by ε = 0.05: no working α in the bracket, NaN.
        var strict = new Theorem4(Y, Start.Shape, 0.05);
        Assert.False(Measurements.VisitsEveryPlateau(Y, strict.InitializationAtLogAlpha(strict.LogAlphaMax), 0.05, 1));
        Assert.Equal(double.NaN, Measurements.LargestWorkingLog10Alpha(strict, 1));
        Assert.Equal("theorem", Assert.Throws<ArgumentNullException>(() => Measurements.LargestWorkingLog10Alpha(null!)).ParamName);
        Assert.Equal("gridPoints", Assert.Throws<ArgumentOutOfRangeException>(() => Measurements.LargestWorkingLog10Alpha(strict, 0)).ParamName);
    }
}
