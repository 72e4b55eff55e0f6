namespace IncLearn.Tests.Mutation;

/// <summary>
/// Issue 25, the edges of the Dormand–Prince step control that the scipy comparison does not reach (survivors of the run of
/// DormandPrince45 alone, bench/MUTATION.md): the first step capped by the first output interval after a start time other
/// than 0, a right-hand side that turns non-finite, atol = 0 with a component that is exactly 0, and the Euler probe of the
/// starting step on a nonlinear problem (on a linear one both probe directions give the same ‖f₁ − f₀‖).
/// </summary>
public class DormandPrinceEdgesOfTheStepControl
{
    // f ≡ 0 makes the starting step the first output interval after the start (here 1e-3, the output at the start itself does
    // not count) and every error 0, so each later step grows tenfold: 1e-3, 1e-2, 0.1, 1, then the rest. The fifth-order pair
    // lands on 5.001 (one step) and keeps h across it, then needs four to 6; the eighth-order pair steps toward 6 only, with
    // its dense output at 5.001. A first step of 1 (the interval taken from 0, or from the output at the start) gives 2 and 1.
    [Theory]
    [InlineData(false, 5)]
    [InlineData(true, 4)]
    public void TheFirstStepIsTheFirstOutputIntervalAfterTheStartTime(bool eighthOrder, int accepted)
    {
        foreach (double start in new[] { 5.0, 0.0 })
        {
            var result = EitherPair.Integrate(eighthOrder, (_, _, d) => d[0] = 0, [1.0], [start, start + 1e-3, start + 1], 1e-6, 1e-9, maxSteps: 10_000, startTime: start);
            Assert.Equal(new StepStatistics(accepted, 0, 1 + (eighthOrder ? 12 : 6) * accepted), result.Statistics);
        }
    }

    // f is NaN after t = 0.5: every trial step that reaches past 0.5 has a NaN error and is retried at a tenth of its size, so
    // the steps close in on 0.5 until they fall below the rounding of t, and the integrator says so there. A controller that
    // computed the next step from the NaN error (or grew it) would never get below rounding and run into the step cap instead.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ARightHandSideThatTurnsNonFiniteStopsAtThatTimeBelowRounding(bool eighthOrder)
    {
        var e = Assert.Throws<InvalidOperationException>(() =>
            EitherPair.Integrate(eighthOrder, (t, y, d) => d[0] = t > 0.5 ? double.NaN : -y[0], [1.0], [1.0], 1e-8, 1e-10, maxSteps: 10_000));
        Assert.Contains("below rounding", e.Message);
        Assert.Contains("at t = 0.5", e.Message);
    }

    // atol = 0 is allowed with rtol > 0; a component that is exactly 0 (and stays 0) then has the scale 0. It contributes
    // nothing to the norms (0/0 would make them NaN): the other component decays as e^{−t} to rtol.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AZeroComponentWithAtolZeroDoesNotEnterTheNorms(bool eighthOrder)
    {
        var result = EitherPair.Integrate(eighthOrder, (_, y, d) => { d[0] = 0; d[1] = -y[1]; }, [0.0, 2.0], [1.0], 1e-9, 0, maxSteps: 10_000);
        Assert.Equal(0.0, result.States[0][0]);
        Assert.Equal(2 * Math.Exp(-1), result.States[0][1], 1e-8);
        Assert.Equal(0, result.Statistics.Rejected);
    }

    // The starting step with atol = 0 and a zero component: d₀ and d₁ are RMS over both components with the zero one left
    // out of the sum (y = (0, 2), f₀ = (0, −2)): d₀ = d₁ = (2/(2·rtol))/√2, h₀ = 0.01·d₀/d₁ = 0.01; the probe gives
    // f₁ − f₀ = (0, 2h₀), d₂ = (2h₀/(2·rtol))/√2/h₀, and the step is min(100h₀, (0.01/max(d₁, d₂))^{1/5}).
    [Fact]
    public void TheStartingStepLeavesAZeroComponentOutWhenAtolIsZero()
    {
        const double rtol = 1e-3;
        int evals = 0;
        double h = DormandPrince45.StartingStep((_, y, d) => { d[0] = 0; d[1] = -y[1]; }, 0, [0.0, 2.0], [0.0, -2.0], rtol, 0, 10,
            new double[2], new double[2], order: 5, ref evals);
        double d1 = 1 / rtol / Math.Sqrt(2), h0 = 0.01, d2 = 1 / rtol / Math.Sqrt(2);
        double expected = Math.Min(100 * h0, Math.Pow(0.01 / Math.Max(d1, d2), 1.0 / 5));
        Assert.Equal(expected, h, 1e-12 * expected);
    }

    // y' = y², y₀ = 1.2: f is nonlinear, so the probe y₁ = y₀ + h₀f₀ (forward, as Hairer's rule says) gives
    // f₁ − f₀ = 2y₀f₀h₀ + f₀²h₀², about 1 % more than a backward probe would; d₂ > d₁ and the second estimate decides.
    [Theory]
    [InlineData(5)]
    [InlineData(8)]
    public void TheEulerProbeGoesForwardOnANonlinearProblem(int order)
    {
        const double y0 = 1.2, rtol = 1e-3, atol = 1e-6;
        double f0 = y0 * y0, sc = atol + rtol * y0;
        int evals = 0;
        double h = DormandPrince45.StartingStep((_, y, d) => d[0] = y[0] * y[0], 0, [y0], [f0], rtol, atol, 10,
            new double[1], new double[1], order, ref evals);
        double d0 = y0 / sc, d1 = f0 / sc, h0 = 0.01 * d0 / d1;
        double y1 = y0 + h0 * f0;
        double d2 = Math.Abs(y1 * y1 - f0) / sc / h0;
        double h1 = Math.Pow(0.01 / Math.Max(d1, d2), 1.0 / order);
        Assert.True(d2 > d1 && h1 < 100 * h0);
        Assert.Equal(h1, h, 1e-12 * h1);
    }

    // A given initial step is taken as it is (f ≡ 0 would otherwise start with the whole interval, one step): 1e-3, then
    // tenfold growth, 1e-2 and 0.1, and the rest to 1.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AGivenInitialStepIsTheFirstStep(bool eighthOrder)
    {
        var result = EitherPair.Integrate(eighthOrder, (_, _, d) => d[0] = 0, [1.0], [1.0], 1e-6, 1e-9, initialStep: 1e-3);
        Assert.Equal(4, result.Statistics.Accepted);
    }

    // From 0.2, one step of 0.9 − 0.2 ends at 0.2 + (0.9 − 0.2) = 0.8999999999999999: the last step must land on 0.9 itself
    // (one step), not one rounding short of it (and then a second step of 1.1e-16).
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TheLastStepLandsOnTheOutputExactlyFromAStartTime(bool eighthOrder)
    {
        Assert.NotEqual(0.9, 0.2 + (0.9 - 0.2));
        var result = EitherPair.Integrate(eighthOrder, (_, _, d) => d[0] = 0, [1.0], [0.9], 1e-6, 1e-9, initialStep: 10, startTime: 0.2);
        Assert.Equal(new StepStatistics(1, 0, eighthOrder ? 13 : 7), result.Statistics);
    }

    // y = 1e5 against atol = 1e-300 (rtol = 0): the scaled norm d₀ overflows (1e305 squared), so d₀/d₁ is not finite and h₀
    // falls back to 1e-6 of the interval (1e-5); the step is 100h₀ = 1e-3, not h₁ = (0.01/d₁)^{1/5} ≈ 2.5 with d₁ = 1e-4
    // (f is constant, so d₂ = 0). A finite d₀ and d₁ ≥ 1e-5 cannot overflow the ratio: both are at most √(max double).
    [Fact]
    public void AStateThatOverflowsTheScaledNormTakesTheMillionthRule()
    {
        int evals = 0;
        double h = DormandPrince45.StartingStep((_, _, d) => d[0] = 1e-304, 0, [1e5], [1e-304], 0, 1e-300, 10,
            new double[1], new double[1], order: 5, ref evals);
        Assert.Equal(1e-3, h, 1e-15);
    }
}
