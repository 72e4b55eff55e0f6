using MathNet.Numerics.LinearAlgebra;

namespace IncLearn.Tests.Arguments;

/// <summary>Issue 26: an α for which W₀ = αŪ₀Ū₀ᵀ overflows (log α = 1000 gave W(0) with infinite entries) is refused wherever an
/// initialization is made, naming alpha or logAlpha; just inside the double range W(0) = αW̄₀ and W(t) are finite.</summary>
public class InitializationRefusesAnOverflowingScale
{
    private static readonly Target Y = Target.FromSpectrum([5, 2, 0.7], 3, seed: 2);
    // ‖Ū₀‖²_F = 0.36 + 0.25 + 0.16 + 0.01 = 0.78: the bound on log α is log(double.MaxValue) − log 0.78 = 710.03.
    private static readonly Matrix<double> Shape = Matrix<double>.Build.DenseOfArray(new[,] { { 0.6, 0.0 }, { 0.0, 0.5 }, { 0.4, 0.1 } });
    private static readonly double LogAlphaLimit = Math.Log(double.MaxValue) - Math.Log(0.78);

    [Fact]
    public void LogAlpha1000IsRefusedByEveryEntryPoint()
    {
        var init = Initialization.FromShape(Shape, 1);
        Assert.Equal("logAlpha", Assert.Throws<ArgumentException>(() => init.WithLogAlpha(1000)).ParamName);
        var th = new Theorem3(Y, [0.8, 1.9, 0.45], 0.5);
        Assert.Equal("logAlpha", Assert.Throws<ArgumentException>(() => th.InitializationAtLogAlpha(1000)).ParamName);
        Assert.Equal("logAlpha", Assert.Throws<ArgumentException>(() => th.Verify(1000, 4)).ParamName);
        Assert.Equal("logAlpha", Assert.Throws<ArgumentOutOfRangeException>(() => SpectralTrajectory.Evaluate(2, 0.5, 1000, 0)).ParamName);
        // α itself representable (1e300), W₀ not: entries up to 1e300·(1e5)² overflow.
        Assert.Equal("alpha", Assert.Throws<ArgumentException>(() => Initialization.FromShape(Shape * 1e5, 1e300)).ParamName);
        Assert.Equal("alpha", Assert.Throws<ArgumentException>(() => Initialization.Spectral(Y, [1e10, 1, 1], 1e300)).ParamName);
        // α = 1e308 is fine for ‖Ū₀‖²_F = 0.78 (7.8e307), not for 2Ū₀ (3.1e308).
        Assert.Equal(Math.Log(1e308), init.WithAlpha(1e308).LogAlpha);
        Assert.Equal("alpha", Assert.Throws<ArgumentException>(() => Initialization.FromShape(Shape * 2, 1).WithAlpha(1e308)).ParamName);
    }

    [Fact]
    public void TheLimitIsTheDoubleRangeOfAlphaTimesTheSquaredFrobeniusNorm()
    {
        var init = Initialization.FromShape(Shape, 1);
        Assert.Equal(LogAlphaLimit - 1e-9, init.WithLogAlpha(LogAlphaLimit - 1e-9).LogAlpha);
        var e = Assert.Throws<ArgumentException>(() => init.WithLogAlpha(LogAlphaLimit + 1e-9));
        Assert.Contains("710.0", e.Message);
        // The scalar formula: ασ₀ at the edge of the range is still a number.
        Assert.Equal(0.5 * Math.Exp(709), SpectralTrajectory.Evaluate(2, 0.5, 709, 0), 1e-12 * Math.Exp(709));
    }

    [Fact]
    public void JustInsideTheRangeW0AndEveryLaterWAreFinite()
    {
        var init = Initialization.FromShape(Shape, 1).WithLogAlpha(700);
        var cf = new ClosedFormSolution(Y, init);
        var w0 = cf.At(0);
        var expected = Shape * Shape.Transpose() * Math.Exp(700);
        Assert.True((w0 - expected).FrobeniusNorm() <= 1e-12 * expected.FrobeniusNorm(), $"{w0}");
        foreach (double t in new[] { 1e-3, 1.0, 50.0 })
        {
            var w = cf.At(t);
            Assert.All(w.Enumerate(), x => Assert.True(double.IsFinite(x), $"t = {t}: {w}"));
            // Past the start the flow has pulled W down towards Y: its norm is far below e^700.
            Assert.True(w.L2Norm() < 1e6, $"t = {t}: ‖W‖ = {w.L2Norm()}");
        }
    }
}
