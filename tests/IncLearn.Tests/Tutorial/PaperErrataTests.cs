namespace IncLearn.Tests.Tutorial;

public class PaperErrataTests
{
    private static readonly Target Fig1 = Target.FromSpectrum([10, 6, 3, 1], 6, seed: 7);

    [Fact]
    public void OnlyRTwoSolvesTheRiccatiEquation()
    {
        var init = Initialization.RandomGaussian(6, 6, 1e-2, 1);
        const double t = 0.3;
        double withTwo = PaperErrata.RiccatiResidual(Fig1, s => PaperErrata.Proposition1WithR(Fig1, init, 2, s), t);
        double withOne = PaperErrata.RiccatiResidual(Fig1, s => PaperErrata.Proposition1WithR(Fig1, init, 1, s), t);
        Assert.InRange(withTwo, 0, 1e-6);
        Assert.True(withOne > 0.1, $"R = I residual {withOne}");
        var stable = new ClosedFormSolution(Fig1, init).At(t);
        Assert.InRange((PaperErrata.Proposition1WithR(Fig1, init, 2, t) - stable).FrobeniusNorm() / stable.FrobeniusNorm(), 0, 1e-10);
    }

    [Fact]
    public void WoodburyNeedsTheAlpha()
    {
        var init = Initialization.RandomGaussian(6, 2, 1e-3, 5);
        const double t = 0.8;
        var exact = new ClosedFormSolution(Fig1, init).At(t);
        double Rel(bool printed) => (PaperErrata.Woodbury(Fig1, init, t, printed) - exact).FrobeniusNorm() / exact.FrobeniusNorm();
        Assert.InRange(Rel(false), 0, 1e-9);
        Assert.True(Rel(true) > 0.1, $"as printed: {Rel(true)}");
    }
}
