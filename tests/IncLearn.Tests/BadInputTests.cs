using MathNet.Numerics.LinearAlgebra;

namespace IncLearn.Tests;

public class BadInputTests
{
    [Fact]
    public void TargetRejectsBadMatrices()
    {
        var notSquare = Assert.Throws<ArgumentException>(() => Target.FromMatrix(Matrix<double>.Build.Dense(2, 3)));
        Assert.Equal("y", notSquare.ParamName);
        Assert.Contains("2×3", notSquare.Message);
        var asym = Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 0.5 }, { 0.4, 1.0 } });
        var e = Assert.Throws<ArgumentException>(() => Target.FromMatrix(asym));
        Assert.Contains("symmetric", e.Message);
        Assert.Contains("|Y[0,1] − Y[1,0]| = 0.1", e.Message);
        var nan = Matrix<double>.Build.DenseIdentity(2); nan[1, 0] = double.NaN;
        Assert.Contains("Y[1,0] = NaN", Assert.Throws<ArgumentException>(() => Target.FromMatrix(nan)).Message);
        var indefinite = Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 0 }, { 0, -0.5 } });
        var neg = Assert.Throws<ArgumentException>(() => Target.FromMatrix(indefinite));
        Assert.Contains("positive semi-definite", neg.Message);
        Assert.Contains("-0.5", neg.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void InitializationRejectsBadAlpha(double alpha)
    {
        var e = Assert.Throws<ArgumentException>(() => Initialization.RandomGaussian(3, 3, alpha, 1));
        Assert.Equal("alpha", e.ParamName);
        Assert.Contains("alpha must be a finite number > 0", e.Message);
    }

    [Fact]
    public void SolversRejectBadArguments()
    {
        var y = Target.FromSpectrum([2, 1], 3);
        var e = Assert.Throws<ArgumentException>(() => new ClosedFormSolution(y, Initialization.RandomGaussian(4, 4, 1e-3, 1)));
        Assert.Equal("initialization", e.ParamName);
        Assert.Contains("4 rows", e.Message);
        var cf = new ClosedFormSolution(y, Initialization.RandomGaussian(3, 3, 1e-3, 1));
        Assert.Equal("t", Assert.Throws<ArgumentOutOfRangeException>(() => cf.At(-1)).ParamName);
        Assert.Equal("t", Assert.Throws<ArgumentOutOfRangeException>(() => cf.At(double.NaN)).ParamName);
        Assert.Equal("eta", Assert.Throws<ArgumentOutOfRangeException>(() => GradientDescent.Run(y, Initialization.RandomGaussian(3, 3, 1e-3, 1), 0, [1.0])).ParamName);
        Assert.Equal("rtol", Assert.Throws<ArgumentOutOfRangeException>(() => GradientFlowIntegrator.Integrate(y, Initialization.RandomGaussian(3, 3, 1e-3, 1), [1.0], rtol: 2)).ParamName);
        var spectral = Assert.Throws<ArgumentException>(() => Initialization.Spectral(y, [1, 1], 1e-3));
        Assert.Contains("n = 3", spectral.Message);
    }
}
