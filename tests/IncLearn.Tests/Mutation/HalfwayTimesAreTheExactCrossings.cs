namespace IncLearn.Tests.Mutation;

/// <summary>Issue 25: <see cref="Measurements.HalfwayTime(SpectralTrajectory, int, double, int)"/> and its closed-form twin find the
/// exact time at which eq. (12) reaches σ_Y/2, t = log((σ_Y − ασ₀)/(ασ₀))/(2σ_Y) (solve ασ₀σ_Y e/(σ_Y + ασ₀(e − 1)) = σ_Y/2 for
/// e = e^{2σ_Y t}), to the documented 1e-12 relative also when t is small; the grid's ends, a crossing at t = 0, tMax on both
/// sides of the crossing and every argument rule.</summary>
public class HalfwayTimesAreTheExactCrossings
{
    // Diagonal target (Φ a permutation), one fast mode (σ = 2000: its crossing is at t ≈ 0.005), K = 3 < n = 4.
    private static readonly Target Y = Target.FromSpectrum([2000, 3.5, 0.9], 4);
    private static readonly double[] Sigma0 = [0.8, 1.7, 2.6, 1.1];
    private const double Alpha = 1e-6;
    private static readonly Initialization Start = Initialization.Spectral(Y, Sigma0, Alpha);

    private static double Exact(int i) => Math.Log((Y.SigmaY[i] - Alpha * Sigma0[i]) / (Alpha * Sigma0[i])) / (2 * Y.SigmaY[i]);

    [Fact]
    public void BothFindTheCrossingOfEquation12()
    {
        var trajectory = new SpectralTrajectory(Y, Start);
        var cf = new ClosedFormSolution(Y, Start);
        for (int i = 0; i < 3; i++)
        {
            double exact = Exact(i);
            Assert.Equal(exact, Measurements.HalfwayTime(trajectory, i, 20, 50), 1e-11 * exact);
            Assert.Equal(exact, Measurements.HalfwayTime(cf, i, 20, 50), 1e-11 * exact);
        }
        Assert.InRange(Exact(0), 0.005, 0.006);
        Assert.Equal(double.PositiveInfinity, Measurements.HalfwayTime(trajectory, 3, 20, 50)); // σ_Y = 0: nothing to reach
    }

    [Fact]
    public void TheLastGridPointCountsAndTMaxIsWhereTheSearchStops()
    {
        var trajectory = new SpectralTrajectory(Y, Start);
        var cf = new ClosedFormSolution(Y, Start);
        double exact = Exact(1);
        // One grid interval: the crossing inside (0, tMax) is found at its single grid point.
        Assert.Equal(exact, Measurements.HalfwayTime(trajectory, 1, 2 * exact, 1), 1e-11 * exact);
        Assert.Equal(exact, Measurements.HalfwayTime(cf, 1, 2 * exact, 1), 1e-11 * exact);
        // tMax just after the crossing (it lies in the last grid interval) and just before it.
        Assert.Equal(exact, Measurements.HalfwayTime(trajectory, 1, exact * (1 + 1e-6), 7), 1e-11 * exact);
        Assert.Equal(double.PositiveInfinity, Measurements.HalfwayTime(trajectory, 1, exact * (1 - 1e-6), 7));
        Assert.Equal(double.PositiveInfinity, Measurements.HalfwayTime(cf, 1, exact * (1 - 1e-6), 7));
    }

    [Fact]
    public void AModeThatStartsAtHalfItsValueCrossesAtZero()
    {
        // α = 1, σ₀ = 1, σ_Y = 2: σ_W(0) = ασ₀ = 1 = σ_Y/2 exactly, so the crossing is t = 0 itself (reached, not approached).
        var y = Target.FromSpectrum([2, 0.7], 2);
        var start = Initialization.Spectral(y, [1, 0.3], 1);
        Assert.Equal(1.0, new SpectralTrajectory(y, start).Sigma(0, 0));
        Assert.Equal(0.0, Measurements.HalfwayTime(new SpectralTrajectory(y, start), 0, 5, 10));
        // Starting above σ_Y/2 (ασ₀ = 1.6 > 1): also 0, in the closed form too.
        var above = Initialization.Spectral(y, [1.6, 0.3], 1);
        Assert.Equal(0.0, Measurements.HalfwayTime(new SpectralTrajectory(y, above), 0, 5, 10));
        Assert.Equal(0.0, Measurements.HalfwayTime(new ClosedFormSolution(y, above), 0, 5, 10));
    }

    [Fact]
    public void ArgumentsAreCheckedOnBothSidesOfTheirRules()
    {
        var trajectory = new SpectralTrajectory(Y, Start);
        var cf = new ClosedFormSolution(Y, Start);
        void Refused(string parameter, Func<double> call) => Assert.Equal(parameter, Assert.Throws<ArgumentOutOfRangeException>(() => call()).ParamName);
        foreach (double tMax in new[] { 0, -1, double.NaN, double.PositiveInfinity })
        {
            Refused("tMax", () => Measurements.HalfwayTime(trajectory, 1, tMax, 10));
            Refused("tMax", () => Measurements.HalfwayTime(cf, 1, tMax, 10));
        }
        Refused("gridPoints", () => Measurements.HalfwayTime(trajectory, 1, 5, 0));
        Refused("gridPoints", () => Measurements.HalfwayTime(cf, 1, 5, 0));
        // Modes: [0, n) for the trajectory (zero modes included), [0, K) for the closed form.
        Refused("mode", () => Measurements.HalfwayTime(trajectory, -1, 5, 10));
        Refused("mode", () => Measurements.HalfwayTime(trajectory, 4, 5, 10));
        Refused("mode", () => Measurements.HalfwayTime(cf, -1, 5, 10));
        Refused("mode", () => Measurements.HalfwayTime(cf, 3, 5, 10));
        Assert.Equal(Exact(2), Measurements.HalfwayTime(cf, 2, 20, 10), 1e-11 * Exact(2));
        Assert.Equal(Exact(0), Measurements.HalfwayTime(trajectory, 0, 20, 10), 1e-11 * Exact(0));
        Assert.Equal("trajectory", Assert.Throws<ArgumentNullException>(() => Measurements.HalfwayTime((SpectralTrajectory)null!, 0, 5)).ParamName);
        Assert.Equal("solution", Assert.Throws<ArgumentNullException>(() => Measurements.HalfwayTime((ClosedFormSolution)null!, 0, 5)).ParamName);
    }
}
