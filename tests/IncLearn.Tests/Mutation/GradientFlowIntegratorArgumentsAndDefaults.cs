namespace IncLearn.Tests.Mutation;

/// <summary>
/// Issue 25, GradientFlowIntegrator: its own argument rules (named for its own parameters, not the inner integrator's), its
/// documented default atol = 1e-3·rtol·max|U₀ᵢⱼ|, and the method switch.
/// </summary>
public class GradientFlowIntegratorArgumentsAndDefaults
{
    private static readonly Target Y = Target.FromSpectrum([2.7, 1.1, 0.4], 4, seed: 8);
    private static readonly Initialization Init = Initialization.RandomGaussian(4, 3, 3.3e-4, seed: 17);

    [Fact]
    public void BadArgumentsAreNamedForTheFlowsParameters()
    {
        Assert.Equal("times", Assert.Throws<ArgumentException>(() => GradientFlowIntegrator.Integrate(Y, Init, [2.0, 1.0])).ParamName);
        Assert.Equal("times", Assert.Throws<ArgumentException>(() => GradientFlowIntegrator.Integrate(Y, Init, [1.0, double.NaN])).ParamName);
        var fiveRows = Initialization.RandomGaussian(5, 3, 3.3e-4, seed: 17);
        Assert.Equal("initialization", Assert.Throws<ArgumentException>(() => GradientFlowIntegrator.Integrate(Y, fiveRows, [1.0])).ParamName);
        // α = e^{−800} is a valid initialization for the closed form but not representable for the integrator's U(0).
        var underflow = Init.WithLogAlpha(-800);
        Assert.Equal("initialization", Assert.Throws<ArgumentException>(() => GradientFlowIntegrator.Integrate(Y, underflow, [1.0])).ParamName);
    }

    [Fact]
    public void DefaultAbsoluteToleranceIsAThousandthOfRtolTimesTheLargestEntry()
    {
        double[] times = [1.5, 4.0];
        const double rtol = 3e-9;
        double largest = Init.U0.Enumerate().Max(Math.Abs);
        var byDefault = GradientFlowIntegrator.Integrate(Y, Init, times, rtol);
        var explicitly = GradientFlowIntegrator.Integrate(Y, Init, times, rtol, atol: 1e-3 * rtol * largest);
        Assert.Equal(explicitly.Statistics, byDefault.Statistics);
        Assert.Equal(explicitly.W[1], byDefault.W[1]);
        // The smallest entry instead (a plausible slip) asks for a different atol, and a different step sequence.
        double smallest = Init.U0.Enumerate().Min(Math.Abs);
        Assert.NotEqual(byDefault.Statistics, GradientFlowIntegrator.Integrate(Y, Init, times, rtol, atol: 1e-3 * rtol * smallest).Statistics);
    }

    private const int StepCap = 20_000;

    [Fact]
    public void TheEighthOrderPairTakesFarFewerSteps()
    {
        double[] times = [6.0];
        // Capped far above the steps needed, so that a mutant that makes a pair crawl fails here instead of timing out.
        var fifth = GradientFlowIntegrator.Integrate(Y, Init, times, 1e-10, maxSteps: StepCap);
        var eighth = GradientFlowIntegrator.Integrate(Y, Init, times, 1e-10, maxSteps: StepCap, method: OdeMethod.DormandPrince853);
        Assert.True(2 * eighth.Statistics.Accepted < fifth.Statistics.Accepted, $"{eighth.Statistics} vs {fifth.Statistics}");
        Assert.True((eighth.W[0] - fifth.W[0]).FrobeniusNorm() < 1e-7 * fifth.W[0].FrobeniusNorm());
    }
}
