using MathNet.Numerics.LinearAlgebra;

namespace IncLearn.Tests.Mutation;

/// <summary>Issue 25: the overflow rule of <see cref="Initialization"/>, α·‖Ū₀‖²_F ≤ double.MaxValue, on both sides of its limit for
/// a shape with ‖Ū₀‖²_F = 67.5 (mixed signs, largest entry negative) and for an all-negative shape; every way α or log α can be
/// meaningless; the shape and V rules at their smallest sizes.</summary>
public class InitializationScaleLimitIsTheFrobeniusNorm
{
    private static readonly Matrix<double> Shape = Matrix<double>.Build.DenseOfArray(new[,] { { 3, -4, 1.5 }, { -2, 0.5, -6 } });
    private static readonly double LogMax = Math.Log(double.MaxValue);

    [Fact]
    public void LogAlphaPlusLogOfTheSquaredFrobeniusNormMustStayBelowLogMaxDouble()
    {
        Assert.Equal(67.5, Shape.FrobeniusNorm() * Shape.FrobeniusNorm(), 1e-12);
        var init = Initialization.FromShape(Shape, 1);
        double limit = LogMax - Math.Log(67.5);
        Assert.Equal(limit - 1e-9, init.WithLogAlpha(limit - 1e-9).LogAlpha);
        Assert.Equal("logAlpha", Assert.Throws<ArgumentException>(() => init.WithLogAlpha(limit + 1e-9)).ParamName);
        // The same limit through α itself.
        double alphaMax = double.MaxValue / 67.5;
        Assert.Equal(Math.Log(alphaMax * (1 - 1e-9)), Initialization.FromShape(Shape, alphaMax * (1 - 1e-9)).LogAlpha, 1e-12);
        Assert.Equal("alpha", Assert.Throws<ArgumentException>(() => Initialization.FromShape(Shape, alphaMax * (1 + 1e-9))).ParamName);
        Assert.Equal("alpha", Assert.Throws<ArgumentException>(() => init.WithAlpha(alphaMax * (1 + 1e-9))).ParamName);
        // All entries negative: the norm is still 5 (‖(−3, −4)‖), not 0.
        var negative = Matrix<double>.Build.DenseOfArray(new[,] { { -3.0, -4.0 } });
        Assert.Equal("alpha", Assert.Throws<ArgumentException>(() => Initialization.FromShape(negative, double.MaxValue / 25 * (1 + 1e-9))).ParamName);
        Assert.Equal(1, Initialization.FromShape(negative, double.MaxValue / 25 * (1 - 1e-9)).N);
    }

    [Fact]
    public void TheLimitItselfIsRepresentableAndAllowed()
    {
        // ‖Ū₀‖_F = 1 exactly: log α = log(double.MaxValue) is the limit itself. e^{709.78…} rounds to 1.7976931348622732e308,
        // just below double.MaxValue, so W₀ is finite there and the rule is ≤; the next double above is refused.
        var unit = Initialization.FromShape(Matrix<double>.Build.DenseOfArray(new[,] { { 1.0 }, { 0.0 } }), 1);
        var atLimit = unit.WithLogAlpha(LogMax);
        Assert.True(double.IsFinite(atLimit.W0[0, 0]));
        Assert.Equal("logAlpha", Assert.Throws<ArgumentException>(() => unit.WithLogAlpha(Math.BitIncrement(LogMax))).ParamName);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(0.0)]
    [InlineData(-0.3)]
    public void AlphaMustBeAFiniteNumberAboveZero(double alpha)
    {
        var zero = Matrix<double>.Build.Dense(3, 2); // W₀ = 0 at any α: only the α rule itself can refuse
        Assert.Equal("alpha", Assert.Throws<ArgumentException>(() => Initialization.FromShape(zero, alpha)).ParamName);
        Assert.Equal("alpha", Assert.Throws<ArgumentException>(() => Initialization.FromShape(Shape, alpha)).ParamName);
        Assert.Equal("alpha", Assert.Throws<ArgumentException>(() => Initialization.FromShape(Shape, 1).WithAlpha(alpha)).ParamName);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void LogAlphaMustBeFinite(double logAlpha)
    {
        var zero = Initialization.FromShape(Matrix<double>.Build.Dense(3, 2), 1);
        Assert.Equal("logAlpha", Assert.Throws<ArgumentException>(() => zero.WithLogAlpha(logAlpha)).ParamName);
    }

    [Fact]
    public void SmallestShapesAndV()
    {
        // A shape with no row is refused like one with no column.
        Assert.Equal("shape", Assert.Throws<ArgumentException>(() => Initialization.FromShape(Shape.SubMatrix(0, 0, 0, 3), 1)).ParamName);
        // n = 1: V = (−1) is 1×1 with an orthonormal column.
        var one = Target.FromSpectrum([2.5], 1);
        var init = Initialization.Spectral(one, [1.44], 0.3, Matrix<double>.Build.DenseOfArray(new[,] { { -1.0 } }));
        Assert.Equal(-1.2, init.Shape[0, 0], 1e-15);
        Assert.Equal(1, init.R);
        // V with n + 1 columns is refused as V, before any product.
        var y = Target.FromSpectrum([5, 2.2, 0.6], 4, seed: 9);
        var wide = Target.RandomOrthogonal(6, 3).SubMatrix(0, 6, 0, 5);
        Assert.Equal("v", Assert.Throws<ArgumentException>(() => Initialization.Spectral(y, [1, 2, 3, 4], 1e-3, wide)).ParamName);
    }
}
