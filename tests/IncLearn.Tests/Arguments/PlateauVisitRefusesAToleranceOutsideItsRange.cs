namespace IncLearn.Tests.Arguments;

/// <summary>Issue 26: <see cref="Measurements.VisitsEveryPlateau"/> used to answer False for ε = NaN or ε = −1; it now refuses every
/// ε outside (0, σ_K], naming epsilon, and answers for ε up to σ_K itself.</summary>
public class PlateauVisitRefusesAToleranceOutsideItsRange
{
    private static readonly Target Y = Target.FromSpectrum([7, 3.5, 1.2], 5, seed: 4);
    private static readonly Initialization Start = Initialization.RandomGaussian(5, 7, 3e-5, seed: 6);

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-1.0)]
    [InlineData(0.0)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1.2000001)]
    public void Refused(double epsilon)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Measurements.VisitsEveryPlateau(Y, Start, epsilon, 40));
        Assert.Equal("epsilon", e.ParamName);
        Assert.Contains(epsilon.ToString(System.Globalization.CultureInfo.CurrentCulture), e.Message);
    }

    [Fact]
    public void AnsweredUpToSigmaK()
    {
        double sK = Y.SigmaY[^1];
        Assert.True(Measurements.VisitsEveryPlateau(Y, Start, sK, 40));
        // The answer follows the plateau errors on both sides of their largest value.
        double worst = Measurements.PlateauErrors(Y, Start, 40).Max();
        Assert.InRange(worst, 1e-6, sK);
        Assert.True(Measurements.VisitsEveryPlateau(Y, Start, worst, 40));
        Assert.False(Measurements.VisitsEveryPlateau(Y, Start, worst * 0.5, 40));
    }
}
