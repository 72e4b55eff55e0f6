using MathNet.Numerics.LinearAlgebra;

namespace IncLearn.Tests;

public class SpectrumTests
{
    [Fact]
    public void SymmetricEigenvaluesAreRealAndLargestFirst()
    {
        var q = Target.RandomOrthogonal(4, 3);
        var a = q * Matrix<double>.Build.DenseOfDiagonalArray([2.0, -1, 5, 0.5]) * q.Transpose();
        var values = Spectrum.SymmetricEigenvalues(a);
        double[] expected = [5, 2, 0.5, -1];
        for (int i = 0; i < 4; i++) Assert.True(Math.Abs(values[i] - expected[i]) <= 1e-12, $"λ_{i + 1} = {values[i]:R}, expected {expected[i]}");
    }

    [Fact]
    public void ANonSquareMatrixIsRejected()
        => Assert.Equal("a", Assert.Throws<ArgumentException>(() => Spectrum.SymmetricEigenvalues(Matrix<double>.Build.Dense(2, 3))).ParamName);
}
