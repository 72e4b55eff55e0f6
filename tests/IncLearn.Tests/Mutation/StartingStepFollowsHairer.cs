namespace IncLearn.Tests.Mutation;

/// <summary>
/// Issue 25: the starting step of both Dormand–Prince pairs against Hairer, Nørsett &amp; Wanner's rule (Solving ODEs I,
/// §II.4), derived by hand for linear and constant right-hand sides, one case per branch: the main rule, a zero state, a tiny
/// derivative, a derivative at rounding level (both with a cap above and below 1000), a non-finite probe and a zero derivative.
/// A wrong starting step is invisible to accuracy tests (the controller recovers), so these read the step itself.
/// </summary>
public class StartingStepFollowsHairer
{
    /// <summary>RMS of x/(atol + rtol·|y|): the scaled norm of the rule.</summary>
    private static double ScaledRms(double[] x, double[] y, double rtol, double atol) =>
        Math.Sqrt(x.Select((v, i) => Math.Pow(v / (atol + rtol * Math.Abs(y[i])), 2)).Sum() / x.Length);

    private static (double Step, int Evaluations, List<double> Times) Start(Action<double, double[], double[]> f, double t0, double[] y,
        double rtol, double atol, double firstInterval, int order)
    {
        var times = new List<double>();
        var f0 = new double[y.Length];
        f(t0, y, f0);
        int evals = 0;
        double h = DormandPrince45.StartingStep((t, v, d) => { times.Add(t); f(t, v, d); }, t0, y, f0, rtol, atol, firstInterval,
            new double[y.Length], new double[y.Length], order, ref evals);
        return (h, evals, times);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(8)]
    public void LinearProblemTakesTheSmallerOfTheTwoEstimates(int order)
    {
        // y' = Λy, Λ = diag(−3, 1.7), y₀ = (2, −0.5), from t₀ = 1.5: h₀ = 0.01·d₀/d₁; one Euler step y₁ = y₀ + h₀f₀ gives
        // f₁ − f₀ = h₀Λ²y₀, so d₂ = ‖Λ²y₀‖/h₀·h₀; h₁ = (0.01/max(d₁, d₂))^{1/order}; the step is min(100h₀, h₁, interval).
        double[] lambda = [-3, 1.7], y0 = [2, -0.5];
        const double rtol = 2e-3, atol = 5e-7;
        var (h, evals, times) = Start((_, y, d) => { d[0] = lambda[0] * y[0]; d[1] = lambda[1] * y[1]; }, 1.5, y0, rtol, atol, 10, order);
        double d0 = ScaledRms(y0, y0, rtol, atol);
        double d1 = ScaledRms([lambda[0] * y0[0], lambda[1] * y0[1]], y0, rtol, atol);
        double d2 = ScaledRms([lambda[0] * lambda[0] * y0[0], lambda[1] * lambda[1] * y0[1]], y0, rtol, atol);
        double h0 = 0.01 * d0 / d1;
        double h1 = Math.Pow(0.01 / Math.Max(d1, d2), 1.0 / order);
        Assert.True(h1 < 100 * h0); // the second estimate decides here
        Assert.Equal(h1, h, 1e-12 * h1);
        Assert.Equal(1, evals);
        Assert.Equal(1.5 + h0, Assert.Single(times), 1e-14);
    }

    [Fact]
    public void AZeroStateStartsAtAMillionthOfTheInterval()
    {
        // d₀ = 0: h₀ = 1e-6·interval = 2.5e-6; f is constant, so d₂ = 0 and h₁ = (0.01/d₁)^{1/5} ≈ 0.08 > 100h₀.
        var (h, evals, _) = Start((_, _, d) => { d[0] = 0.3; d[1] = -0.2; }, 0, [0, 0], 1e-3, 1e-4, 2.5, 5);
        Assert.Equal(2.5e-4, h, 1e-18);
        Assert.Equal(1, evals);
    }

    [Fact]
    public void ATinyDerivativeAloneAlsoStartsAtAMillionthOfTheInterval()
    {
        // d₀ = 500 but d₁ ≈ 3.5e-7 < 1e-5: h₀ = 1e-6·2.5, and 100h₀ = 2.5e-4 is below h₁ ≈ 7.8 and the interval.
        var (h, _, _) = Start((_, _, d) => { d[0] = 1e-9; d[1] = 0; }, 0, [1, 1], 1e-3, 1e-3, 2.5, 5);
        Assert.Equal(2.5e-4, h, 1e-18);
    }

    [Theory]
    [InlineData(5000, 5e-6)] // h₀ = 5e-3: h₁ = h₀·1e-3 = 5e-6 exceeds 1e-6
    [InlineData(3, 1e-6)] // h₀ = 3e-6: h₁ = max(1e-6, 3e-9)
    public void ADerivativeAtRoundingLevelTakesTheFloorRule(double interval, double expected)
    {
        // d₁ ≈ 6.7e-19 and d₂ = 0 (constant f): max(d₁, d₂) ≤ 1e-15, so h₁ = max(1e-6, 1e-3·h₀) with h₀ = 1e-6·interval.
        var (h, _, _) = Start((_, _, d) => d[0] = 1e-18, 0, [1], 0.5, 1, interval, 5);
        Assert.Equal(expected, h, 1e-6 * expected);
    }

    [Fact]
    public void ANonFiniteProbeTakesAThousandthOfTheFirstEstimate()
    {
        // f is finite at t₀ and infinite after it: d₂ = ∞, so h₁ = 1e-3·h₀ with h₀ = 0.01·d₀/d₁ = 0.01 (f₀ = y₀).
        double t0 = 0.75;
        var (h, _, _) = Start((t, _, d) => d[0] = t > t0 ? double.PositiveInfinity : 1, t0, [1], 1e-3, 1e-6, 10, 5);
        Assert.Equal(1e-5, h, 1e-19);
    }

    [Theory]
    [InlineData(2.5, 2.5)]
    [InlineData(0, 1.0)] // no positive interval (every output at the start time): one time unit
    public void AZeroDerivativeStartsWithTheWholeInterval(double interval, double expected)
    {
        var (h, evals, _) = Start((_, _, d) => d[0] = 0, 0, [1.5], 1e-6, 1e-9, interval, 5);
        Assert.Equal(expected, h);
        Assert.Equal(0, evals); // no Euler probe
    }
}
