namespace IncLearn.Tests;

/// <summary>Both Dormand–Prince integrators start where the caller says y0 holds (startTime), not at the first output time,
/// and refuse output times before the start.</summary>
public class IntegratorStartTimeTests
{
    // y' = t·y has y(t) = y(t₀)·exp((t² − t₀²)/2): the answer depends on the start time, not only on the interval's length.
    private static void TimeDependent(double t, double[] y, double[] dy) => dy[0] = t * y[0];

    private static OdeResult Run(bool dop853, double[] y0, double[] times, double startTime)
        => dop853
            ? DormandPrince853.Integrate(TimeDependent, y0, times, 1e-12, 1e-14, startTime: startTime)
            : DormandPrince45.Integrate(TimeDependent, y0, times, 1e-12, 1e-14, startTime: startTime);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Integrates_from_the_given_start_time(bool dop853)
    {
        double t0 = 1.5, t1 = 2.0;
        var result = Run(dop853, [1.0], [t0, t1], t0);
        Assert.Equal(1.0, result.States[0][0]);                                    // the state at startTime is y0 itself
        Assert.Equal(Math.Exp((t1 * t1 - t0 * t0) / 2), result.States[1][0], 1e-9);
        // From 0 for the same output times the answer is exp(t1²/2) — the misreading this parameter exists to prevent.
        Assert.True(Math.Abs(result.States[1][0] - Math.Exp(t1 * t1 / 2)) > 1);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Continuing_interval_by_interval_matches_one_call(bool dop853)
    {
        var grid = Enumerable.Range(0, 11).Select(j => 0.2 * j).ToArray();
        var once = Run(dop853, [1.0], grid, 0).States;
        var state = new[] { 1.0 };
        for (int j = 1; j < grid.Length; j++)
        {
            state = Run(dop853, state, [grid[j]], grid[j - 1]).States[^1];
            Assert.Equal(once[j][0], state[0], 1e-9 * once[j][0]);
        }
        Assert.Equal(Math.Exp(grid[^1] * grid[^1] / 2), state[0], 1e-9 * state[0]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_default_start_is_zero(bool dop853)
    {
        var result = Run(dop853, [1.0], [2.0], 0);
        var byDefault = dop853
            ? DormandPrince853.Integrate(TimeDependent, [1.0], [2.0], 1e-12, 1e-14)
            : DormandPrince45.Integrate(TimeDependent, [1.0], [2.0], 1e-12, 1e-14);
        Assert.Equal(result.States[0][0], byDefault.States[0][0]);
        Assert.Equal(Math.Exp(2.0), byDefault.States[0][0], 1e-9 * Math.Exp(2.0));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Rejects_an_output_time_before_the_start(bool dop853)
    {
        var e = Assert.Throws<ArgumentException>(() => Run(dop853, [1.0], [1.0, 2.0], 1.5));
        Assert.Equal("outputTimes", e.ParamName);
        Assert.Contains("startTime = 1.5", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, -1.0)]
    [InlineData(true, -1.0)]
    [InlineData(false, double.NaN)]
    [InlineData(true, double.PositiveInfinity)]
    public void Rejects_a_start_time_that_is_not_a_finite_non_negative_number(bool dop853, double startTime)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Run(dop853, [1.0], [2.0], startTime));
        Assert.Equal("startTime", e.ParamName);
    }
}
