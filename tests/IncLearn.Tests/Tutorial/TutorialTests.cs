namespace IncLearn.Tests.Tutorial;

public class TutorialTests
{
    private static readonly Target Fig1 = Target.FromSpectrum([10, 6, 3, 1], 6, seed: 7);
    private static readonly double[] Ones = Enumerable.Repeat(1.0, 6).ToArray();

    [Fact]
    public void Corollary2AgreesWithProposition1UnderSpectralInit()
    {
        var init = Initialization.Spectral(Fig1, Ones, 1e-6);
        var times = Enumerable.Range(0, 41).Select(j => 0.25 * j).ToArray();
        var a = Corollary2Agreement.Measure(new ClosedFormSolution(Fig1, init), new SpectralTrajectory(Fig1, init), times);
        Assert.InRange(a.MaxOffDiagonal, 0, 1e-12 * Fig1.SigmaY[0]);
        Assert.InRange(a.MaxRelativeDiagonalDifference, 0, 1e-12);
    }

    [Fact]
    public void Corollary2AgreementDetectsANonSpectralStart()
    {
        // A Gaussian start is not aligned with Φ: the off-diagonal entries are of the size of the start, not rounding.
        var init = Initialization.RandomGaussian(6, 6, 1e-2, 3);
        var spectral = Initialization.Spectral(Fig1, Ones, 1e-2);
        var a = Corollary2Agreement.Measure(new ClosedFormSolution(Fig1, init), new SpectralTrajectory(Fig1, spectral), [0.0, 0.5]);
        Assert.True(a.MaxOffDiagonal > 1e-4, $"off-diagonal {a.MaxOffDiagonal}");
    }

    [Fact]
    public void EffectiveRateTendsToSigmaAndIsSmaller()
    {
        Assert.Equal(10.0, GradientDescentTransitions.EffectiveRate(10, 1e-9), 1e-6);
        Assert.Equal(Math.Log(1.2) / 0.02, GradientDescentTransitions.EffectiveRate(10, 0.02), 1e-12);
        Assert.True(GradientDescentTransitions.EffectiveRate(10, 0.02) < 10);
        Assert.Throws<ArgumentOutOfRangeException>(() => GradientDescentTransitions.EffectiveRate(10, 0));
    }

    [Theory]
    [InlineData(0.02)]
    [InlineData(0.005)]
    public void MeasuredGradientDescentHalfwayTimeMatchesTheEffectiveRate(double eta)
    {
        var init = Initialization.Spectral(Fig1, Ones, 1e-6);
        for (int mode = 0; mode < 2; mode++)
        {
            double measured = GradientDescentTransitions.HalfwayTime(Fig1, init, eta, mode, 10);
            double predicted = GradientDescentTransitions.PredictedHalfwayTime(Fig1, init, eta, mode);
            Assert.InRange(Math.Abs(measured - predicted), 0, 2 * eta + 0.01 * predicted);
        }
    }

    [Fact]
    public void HalfwayTimeTendsToTheFlowsAsEtaShrinks()
    {
        var init = Initialization.Spectral(Fig1, Ones, 1e-6);
        double flow = new SpectralTrajectory(Fig1, init).TransitionTime(0);
        double gd = GradientDescentTransitions.HalfwayTime(Fig1, init, 1e-4, 0, 5);
        Assert.InRange(gd - flow, -2e-4, 2e-3);
        Assert.True(double.IsPositiveInfinity(GradientDescentTransitions.HalfwayTime(Fig1, init, 0.01, 0, 0.1)));
    }

    [Fact]
    public void StepSizeLimitIsOneOverSigma1AndSeparatesConvergenceFromStalling()
    {
        double limit = GradientDescentTransitions.StepSizeLimit(Fig1);
        Assert.Equal(0.1, limit, 1e-12);
        var init = Initialization.Spectral(Fig1, Ones, 1e-6);
        double Error(double eta) => (GradientDescent.Run(Fig1, init, eta, [40.0]).W[0] - Fig1.Y).FrobeniusNorm();
        Assert.True(Error(0.99 * limit) < 1e-3, $"η = 0.99/σ₁: error {Error(0.99 * limit)}");
        Assert.True(Error(1.01 * limit) > 0.5, $"η = 1.01/σ₁: error {Error(1.01 * limit)}");
    }
}
