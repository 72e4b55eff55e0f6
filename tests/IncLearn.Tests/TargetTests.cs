using MathNet.Numerics.LinearAlgebra;

namespace IncLearn.Tests;

/// <summary>Target.FromMatrix's one pass by tiles and its in-place ordering of the eigenvectors, against the entry-by-entry
/// definitions, at an order that spans several tiles and a partial one (150 = 64 + 64 + 22).</summary>
public class TargetTests
{
    private const int N = 150;

    private static Matrix<double> PsdWithRoundingAsymmetry()
    {
        var g = GaussianMatrix.Of(N, N, 31);
        var y = g * g.Transpose();
        for (int i = 0; i < N; i++)
            for (int j = 0; j < i; j++) y[i, j] *= 1 + 1e-15 * ((i * 7 + j) % 5 - 2);   // below the tolerance, not zero
        return y;
    }

    [Fact]
    public void TheSymmetricTargetAndItsEigenvectorsAreTheEntryByEntryOnes()
    {
        var y = PsdWithRoundingAsymmetry();
        var target = Target.FromMatrix(y);
        Assert.Equal(Numerics.Symmetrize(y).ToColumnMajorArray(), target.Y.ToColumnMajorArray());
        double scale = y.Enumerate().Max(Math.Abs);
        var (values, vectors) = BlasThreadGate.Setup(N, () => NativeLapack.SymmetricEigen(target.Y * (1 / scale)));   // as Target runs it
        // Distinct eigenvalues, ascending from LAPACK: the target's order is the reverse, column for column, bit for bit.
        for (int c = 0; c < N; c++)
        {
            Assert.Equal(values[N - 1 - c] * scale, target.Eigenvalues[c]);
            Assert.Equal(vectors.Column(N - 1 - c).ToArray(), target.Phi.Column(c).ToArray());
        }
    }

    [Theory]
    [InlineData(3, 130, 100, 140)]   // two pairs out of tolerance in different tiles: the first in row order is named
    [InlineData(70, 149, 120, 121)]
    [InlineData(0, 1, 149, 148)]
    public void TheFirstAsymmetricPairInRowOrderIsNamed(int i, int j, int i2, int j2)
    {
        var y = PsdWithRoundingAsymmetry();
        y[j, i] += 1e-3;
        y[j2, i2] += 1e-3;
        var e = Assert.Throws<ArgumentException>(() => Target.FromMatrix(y));
        Assert.Equal("y", e.ParamName);
        Assert.Contains($"|Y[{i},{j}] − Y[{j},{i}]|", e.Message);
    }

    [Fact]
    public void TiedEigenvaluesKeepTheirOrderAndEveryColumnIsAnEigenvector()
    {
        // Y = diag-free with repeated eigenvalues in a rotated basis: the stable order of equal values is not a reversal.
        var spectrum = Enumerable.Range(0, N).Select(i => (double)(3 - i % 3)).ToArray();
        var target = Target.FromSpectrum(spectrum, N, seed: 5);
        var y = target.Y;
        for (int c = 0; c < N; c++)
        {
            var v = target.Phi.Column(c);
            Assert.True((y * v - target.Eigenvalues[c] * v).L2Norm() <= 1e-13 * 3, $"column {c}");
            if (c > 0) Assert.True(target.Eigenvalues[c] <= target.Eigenvalues[c - 1]);
        }
        Assert.True((target.Phi.TransposeThisAndMultiply(target.Phi) - Matrix<double>.Build.DenseIdentity(N)).FrobeniusNorm() <= 1e-12);
    }
}
