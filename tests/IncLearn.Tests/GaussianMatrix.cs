using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace IncLearn.Tests;

/// <summary>Seeded Gaussian test matrices (standard normal entries), shared by the tests that need a generic shape.</summary>
internal static class GaussianMatrix
{
    public static Matrix<double> Of(int rows, int columns, int seed) => Matrix<double>.Build.Random(rows, columns, new Normal(0, 1, new Random(seed)));
}
