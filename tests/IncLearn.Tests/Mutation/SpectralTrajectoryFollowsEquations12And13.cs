namespace IncLearn.Tests.Mutation;

/// <summary>Issue 25: <see cref="SpectralTrajectory"/> against Corollary 2 written out directly, eq. (12)
/// σ_W = ασ₀σ_Y e^{2σ_Y t} / (σ_Y + ασ₀(e^{2σ_Y t} − 1)) and eq. (13) σ_W = ασ₀/(1 + 2ασ₀t), at moderate α, σ₀ ≠ 1 and times
/// where the direct form is accurate; every guard of <see cref="SpectralTrajectory.Evaluate"/> on both sides of its boundary.</summary>
public class SpectralTrajectoryFollowsEquations12And13
{
    private static double Eq12(double sy, double s0, double alpha, double t)
    {
        double e = Math.Exp(2 * sy * t);
        return alpha * s0 * sy * e / (sy + alpha * s0 * (e - 1));
    }

    private static double Eq13(double s0, double alpha, double t) => alpha * s0 / (1 + 2 * alpha * s0 * t);

    [Theory]
    [InlineData(2.3, 1.7, 0.03, 0.0)]
    [InlineData(2.3, 1.7, 0.03, 0.35)]
    [InlineData(2.3, 1.7, 0.03, 0.8)]
    [InlineData(2.3, 1.7, 0.03, 2.9)]
    [InlineData(0.45, 3.1, 0.0072, 4.4)]
    [InlineData(6.5, 0.25, 1.8, 0.11)] // ασ₀ = 0.45 < σ_Y: rising
    [InlineData(0.8, 2.6, 1.3, 0.7)] // ασ₀ = 3.38 > σ_Y: falling towards σ_Y
    public void ANonZeroModeIsEquation12(double sigmaY, double sigma0, double alpha, double t)
    {
        double expected = Eq12(sigmaY, sigma0, alpha, t);
        Assert.Equal(expected, SpectralTrajectory.Evaluate(sigmaY, sigma0, Math.Log(alpha), t), expected * 1e-13);
    }

    [Theory]
    [InlineData(1.7, 0.03, 0.0)]
    [InlineData(1.7, 0.03, 2.9)]
    [InlineData(3.1, 0.0072, 40)]
    [InlineData(0.25, 1.8, 0.11)]
    public void AZeroModeIsEquation13(double sigma0, double alpha, double t)
    {
        double expected = Eq13(sigma0, alpha, t);
        Assert.Equal(expected, SpectralTrajectory.Evaluate(0, sigma0, Math.Log(alpha), t), expected * 1e-13);
    }

    [Fact]
    public void LimitsAndAZeroSigma0()
    {
        double la = Math.Log(0.03);
        Assert.Equal(2.3, SpectralTrajectory.Evaluate(2.3, 1.7, la, double.PositiveInfinity));
        Assert.Equal(0.0, SpectralTrajectory.Evaluate(0, 1.7, la, double.PositiveInfinity));
        // σ₀ = 0: the mode stays 0 at every time, t = ∞ included (there the general formula would be ∞·0).
        Assert.Equal(0.0, SpectralTrajectory.Evaluate(2.3, 0, la, 0));
        Assert.Equal(0.0, SpectralTrajectory.Evaluate(2.3, 0, la, 1.5));
        Assert.Equal(0.0, SpectralTrajectory.Evaluate(2.3, 0, la, double.PositiveInfinity));
        Assert.Equal(0.0, SpectralTrajectory.Evaluate(0, 0, la, double.PositiveInfinity));
        // At t = 0 the trajectory starts at ασ₀, even far below the double range of α (log α = −800: ασ₀ underflows to 0 only
        // in the product, the curve itself is formed in log space and reaches σ_Y/2 at log(σ_Y/(ασ₀))/(2σ_Y)).
        double t = (Math.Log(2.3 / 1.7) + 800) / (2 * 2.3);
        Assert.Equal(2.3 / (2 - Math.Exp(-800) * 1.7 / 2.3), SpectralTrajectory.Evaluate(2.3, 1.7, -800, t), 1e-12);
    }

    [Fact]
    public void EvaluateGuardsAcceptTheirBoundaryAndRefuseJustBeyondIt()
    {
        double la = Math.Log(0.03);
        void Refused(string parameter, Func<double> call) => Assert.Equal(parameter, Assert.Throws<ArgumentOutOfRangeException>(() => call()).ParamName);
        Refused("sigmaY", () => SpectralTrajectory.Evaluate(-1e-300, 1.7, la, 1));
        Refused("sigmaY", () => SpectralTrajectory.Evaluate(double.NaN, 1.7, la, 1));
        Refused("sigmaY", () => SpectralTrajectory.Evaluate(double.PositiveInfinity, 1.7, la, 1));
        Refused("sigma0", () => SpectralTrajectory.Evaluate(2.3, -1e-300, la, 1));
        Refused("sigma0", () => SpectralTrajectory.Evaluate(2.3, double.NaN, la, 1));
        Refused("sigma0", () => SpectralTrajectory.Evaluate(2.3, double.PositiveInfinity, la, 1));
        Refused("t", () => SpectralTrajectory.Evaluate(2.3, 1.7, la, -1e-300));
        Refused("t", () => SpectralTrajectory.Evaluate(2.3, 1.7, la, double.NaN));
        Refused("logAlpha", () => SpectralTrajectory.Evaluate(2.3, 1.7, double.NaN, 1));
        Refused("logAlpha", () => SpectralTrajectory.Evaluate(2.3, 1.7, double.PositiveInfinity, 1));
        Refused("logAlpha", () => SpectralTrajectory.Evaluate(2.3, 1.7, double.NegativeInfinity, 1));
        // The accepted side of each: σ_Y = 0, t = 0.
        Assert.Equal(0.03 * 1.7, SpectralTrajectory.Evaluate(0, 1.7, la, 0), 1e-16);
        Assert.Equal(0.03 * 1.7, SpectralTrajectory.Evaluate(2.3, 1.7, la, 0), 1e-16);
        // ασ₀ must be representable: log α + log σ₀ ≤ log(double.MaxValue). σ₀ = 4 (log σ₀ ≠ 0, so a flipped sign moves the limit).
        double logMax = Math.Log(double.MaxValue);
        Refused("logAlpha", () => SpectralTrajectory.Evaluate(2.3, 4, logMax - Math.Log(4) + 0.05, 1));
        Assert.Equal(0.5, SpectralTrajectory.Evaluate(0, 4, logMax - Math.Log(4) - 0.05, 1), 1e-12); // 1/(1/(ασ₀) + 2) ≈ 1/2
        Assert.Equal(0.5, SpectralTrajectory.Evaluate(0, 1, logMax, 1), 1e-12); // exactly at the limit: accepted
    }

    private static readonly Target Y = Target.FromSpectrum([5.5, 2.2, 0.6], 4, seed: 12);
    private static readonly double[] Sigma0 = [0.35, 2.8, 1.3, 0.9];
    private const double Alpha = 0.004;

    [Fact]
    public void EachModeUsesItsOwnSigmaYAndSigma0()
    {
        var trajectory = new SpectralTrajectory(Y, Initialization.Spectral(Y, Sigma0, Alpha));
        Assert.Equal(4, trajectory.N);
        Assert.Equal(Math.Log(Alpha), trajectory.LogAlpha);
        Assert.Equal(Sigma0, trajectory.Sigma0);
        Assert.Equal(new[] { 5.5, 2.2, 0.6, 0 }, trajectory.SigmaY.Select(s => Math.Round(s, 12)));
        double[] times = [1.3, 0, double.PositiveInfinity, 0.45]; // unsorted, with 0 and ∞
        var grid = trajectory.On(times);
        Assert.Equal(4, grid.Length);
        for (int i = 0; i < 4; i++)
        {
            var at = trajectory.At(times[0]);
            Assert.Equal(4, at.Length);
            for (int j = 0; j < times.Length; j++)
            {
                double sy = Y.Eigenvalues[i];
                double expected = double.IsPositiveInfinity(times[j]) ? sy
                    : sy > 0 ? Eq12(sy, Sigma0[i], Alpha, times[j]) : Eq13(Sigma0[i], Alpha, times[j]);
                Assert.Equal(expected, grid[i][j], 1e-13 * Math.Max(expected, 1e-3));
                Assert.Equal(expected, trajectory.Sigma(i, times[j]), 1e-13 * Math.Max(expected, 1e-3));
            }
            Assert.Equal(trajectory.Sigma(i, times[0]), at[i]);
        }
        Assert.Equal("times", Assert.Throws<ArgumentException>(() => trajectory.On([0.5, -1])).ParamName);
    }

    [Fact]
    public void TheModeIndexIsCheckedOnBothEnds()
    {
        var trajectory = new SpectralTrajectory(Y, Initialization.Spectral(Y, Sigma0, Alpha));
        Assert.Equal("i", Assert.Throws<ArgumentOutOfRangeException>(() => trajectory.Sigma(-1, 1)).ParamName);
        Assert.Equal("i", Assert.Throws<ArgumentOutOfRangeException>(() => trajectory.Sigma(4, 1)).ParamName);
        Assert.Equal("i", Assert.Throws<ArgumentOutOfRangeException>(() => trajectory.TransitionTime(-1)).ParamName);
        Assert.Equal("i", Assert.Throws<ArgumentOutOfRangeException>(() => trajectory.TransitionTime(4)).ParamName);
        Assert.Equal(Alpha * Sigma0[0], trajectory.Sigma(0, 0), 1e-16);
        Assert.Equal(Alpha * Sigma0[3], trajectory.Sigma(3, 0), 1e-16);
    }

    [Fact]
    public void TransitionTimeIsTheEstimateOfSectionIIIA()
    {
        // t_i = log(σ_{i,Y}/(ασ_{i,0}))/(2σ_{i,Y}), where σ_{i,W} = σ_{i,Y}/(2 − ασ_{i,0}/σ_{i,Y}) by eq. (12).
        var trajectory = new SpectralTrajectory(Y, Initialization.Spectral(Y, Sigma0, Alpha));
        for (int i = 0; i < 3; i++)
        {
            double sy = Y.SigmaY[i];
            double expected = Math.Log(sy / (Alpha * Sigma0[i])) / (2 * sy);
            double ti = trajectory.TransitionTime(i);
            Assert.Equal(expected, ti, 1e-13 * expected);
            Assert.Equal(sy / (2 - Alpha * Sigma0[i] / sy), Eq12(sy, Sigma0[i], Alpha, ti), 1e-12 * sy);
        }
        Assert.Equal(double.PositiveInfinity, trajectory.TransitionTime(3)); // σ_Y = 0: nothing to learn
        // σ₀ = 0 on a learnable mode: never moves, +∞ too.
        var zero = new SpectralTrajectory(Y, Initialization.Spectral(Y, [0.35, 0, 1.3, 0.9], Alpha));
        Assert.Equal(double.PositiveInfinity, zero.TransitionTime(1));
    }

    [Fact]
    public void ItNeedsASpectralInitializationOfTheTargetsSize()
    {
        var e = Assert.Throws<ArgumentException>(() => new SpectralTrajectory(Y, Initialization.FromShape(Y.Phi, Alpha)));
        Assert.Equal("initialization", e.ParamName);
        Assert.Contains("spectral", e.Message);
        var other = Target.FromSpectrum([3, 1], 3, seed: 2);
        Assert.Equal("initialization", Assert.Throws<ArgumentException>(
            () => new SpectralTrajectory(other, Initialization.Spectral(Y, Sigma0, Alpha))).ParamName);
        Assert.Equal("target", Assert.Throws<ArgumentNullException>(
            () => new SpectralTrajectory(null!, Initialization.Spectral(Y, Sigma0, Alpha))).ParamName);
    }
}
