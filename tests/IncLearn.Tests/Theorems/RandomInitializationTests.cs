namespace IncLearn.Tests.Theorems;

public class RandomInitializationTests
{
    [Fact]
    public void MonteCarloMeansMatchTheFiniteNExpectationWithin5Percent()
    {
        // n = 10, r = 4n, 2,000 trials (the case). The Monte Carlo standard error of the means is ≈ 0.3 %, and the
        // Tracy–Widom centring is accurate to O(n^{-2/3}) ≈ a few %: 5 % separates "right formula" from "wrong formula"
        // (the Marchenko–Pastur edges themselves are off by ≈ 9 % and 25 % at this size).
        var remark = new RandomInitialization(10, 40, seed: 99);
        var s = remark.Sample(2000);
        var (eMin, eMax) = remark.FiniteNExpectation;
        double meanMax = s.LambdaMax.Average(), meanMin = s.LambdaMin.Average();
        Assert.True(Math.Abs(meanMax - eMax) <= 0.05 * eMax, $"mean λ_max {meanMax:F3} vs {eMax:F3}");
        Assert.True(Math.Abs(meanMin - eMin) <= 0.05 * eMin, $"mean λ_min {meanMin:F3} vs {eMin:F3}");
        var (lo, hi) = remark.MarchenkoPasturEdges;
        Assert.True(lo < meanMin && meanMax < hi, "finite-n extremes lie inside the MP edges on average");
    }

    [Fact]
    public void BoundsHoldAndTheProbabilityIsAtLeastOneMinusDelta()
    {
        var y = Target.FromSpectrum([10, 6, 3, 1], 6, 7);
        const double delta = 0.1;
        var remark = new RandomInitialization(6, 12, seed: 5);
        var s = remark.Sample(1000);
        var q = RandomInitialization.Quantile(s.M, 1 - delta);
        Assert.True(q.Lower <= q.Value && q.Value <= q.Upper);
        // The non-asymptotic bound holds with probability ≥ 1 − δ, so it must exceed the empirical quantile.
        Assert.True(remark.MBound(delta) >= q.Upper, $"bound {remark.MBound(delta)} vs M_δ {q.Value}");
        double fracBelowLMaxBound = s.LambdaMax.Count(l => l <= remark.LambdaMaxBound(delta)) / (double)s.LambdaMax.Length;
        Assert.True(fracBelowLMaxBound >= 1 - delta / 2);
        var (p, se) = remark.ProbabilityTheorem4Holds(y, 0.1, q.Value, trials: 40, samplesPerWindow: 30);
        Assert.True(p >= 1 - delta - 3 * se, $"P = {p} ± {se}");
    }

    [Fact]
    public void RLessThanNIsRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new RandomInitialization(6, 3, 1));
        Assert.Equal("r", e.ParamName);
        Assert.Contains("r ≥ n", e.Message);
    }
}
