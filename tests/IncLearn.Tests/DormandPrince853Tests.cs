namespace IncLearn.Tests;

/// <summary>DOP853: order 8 steps with a 7th-order dense output at the output times, and the same rules as DP45.</summary>
public class DormandPrince853Tests
{
    /// <summary>A rotation y'' = −y: every output time inside a step comes from the dense output; the exact solution is (cos, −sin).</summary>
    [Fact]
    public void DenseOutputFollowsTheExactSolution()
    {
        var times = Enumerable.Range(0, 301).Select(j => 0.1 * j).ToArray();
        var result = DormandPrince853.Integrate((_, y, dy) => { dy[0] = y[1]; dy[1] = -y[0]; }, [1.0, 0.0], times, 1e-11, 1e-13);
        Assert.Equal(times.Length, result.States.Count);
        Assert.True(result.Statistics.Accepted < 150, $"{result.Statistics.Accepted} steps: the outputs must not force the steps");
        for (int j = 0; j < times.Length; j++)
        {
            Assert.Equal(Math.Cos(times[j]), result.States[j][0], 1e-9);
            Assert.Equal(-Math.Sin(times[j]), result.States[j][1], 1e-9);
        }
    }

    [Fact]
    public void NeedsFewerEvaluationsThanDormandPrince45AtTightTolerance()
    {
        void F(double _, double[] y, double[] dy) { dy[0] = y[1]; dy[1] = -y[0]; }
        var dop = DormandPrince853.Integrate(F, [1.0, 0.0], [20.0], 1e-11, 1e-13);
        var dp45 = DormandPrince45.Integrate(F, [1.0, 0.0], [20.0], 1e-11, 1e-13);
        Assert.True(dop.Statistics.Evaluations < dp45.Statistics.Evaluations / 2, $"{dop.Statistics.Evaluations} vs {dp45.Statistics.Evaluations}");
        Assert.Equal(Math.Cos(20), dop.States[0][0], 1e-9);
    }

    [Fact]
    public void GradientFlowMatchesTheClosedForm()
    {
        var y = Target.FromSpectrum([3, 2, 1], 4, seed: 5);
        var init = Initialization.RandomGaussian(4, 3, 1e-4, 6);
        var times = new[] { 0.0, 1, 2.5, 4, 6, 9 };
        var flow = GradientFlowIntegrator.Integrate(y, init, times, rtol: 1e-11, method: OdeMethod.DormandPrince853);
        var closed = new ClosedFormSolution(y, init).On(times);
        for (int j = 0; j < times.Length; j++)
            Assert.True((flow.W[j] - closed[j]).FrobeniusNorm() <= 1e-8 * closed[j].FrobeniusNorm(), $"t = {times[j]}");
    }

    [Fact]
    public void SameRulesAsDormandPrince45()
    {
        Assert.Equal("rtol", Assert.Throws<ArgumentOutOfRangeException>(() => DormandPrince853.Integrate((_, s, ds) => ds[0] = -s[0], [1.0], [1.0], 2, 1e-8)).ParamName);
        Assert.Equal("outputTimes", Assert.Throws<ArgumentException>(() => DormandPrince853.Integrate((_, s, ds) => ds[0] = -s[0], [1.0], [2.0, 1.0], 1e-8, 1e-8)).ParamName);
        Assert.Throws<InvalidOperationException>(() => DormandPrince853.Integrate((_, s, ds) => ds[0] = -s[0], [1.0], [50.0], 1e-12, 1e-14, maxSteps: 3));
        // Blow-up in finite time (y' = y², y(0) = 1 at t = 1): the step size collapses and the integrator says so.
        Assert.Throws<InvalidOperationException>(() => DormandPrince853.Integrate((_, s, ds) => ds[0] = s[0] * s[0], [1.0], [2.0], 1e-8, 1e-8));
        var atZero = DormandPrince853.Integrate((_, s, ds) => ds[0] = -s[0], [1.0], [0.0, 0.0], 1e-8, 1e-8);
        Assert.Equal([1.0, 1.0], atZero.States.Select(s => s[0]));
        var y = Target.FromSpectrum([3, 2, 1], 3);
        Assert.Equal("method", Assert.Throws<ArgumentOutOfRangeException>(() =>
            GradientFlowIntegrator.Integrate(y, Initialization.RandomGaussian(3, 3, 1e-3, 1), [1.0], method: (OdeMethod)7)).ParamName);
    }
}
