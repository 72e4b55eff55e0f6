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
