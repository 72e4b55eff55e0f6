using MathNet.Numerics.LinearAlgebra;

namespace IncLearn.Tests.Mutation;

/// <summary>Issue 25: the edges of <see cref="Target"/>'s rules not covered by <see cref="TargetDecisionsAreRelativeToItsScale"/>:
/// the tolerance argument, an empty Y, the symmetry scale taken from |Y_ij| (a negative entry), the exact diagonal path, a
/// spectrum that is not finite in its last entry, Y = QDQᵀ with the seeded Q, and the smallest random orthogonal matrix.</summary>
public class TargetRefusesAndDiagonalisesAtItsEdges
{
    private static readonly Matrix<double> Diagonal = Matrix<double>.Build.DenseOfDiagonalArray([0.1, 2.9, 1.3]);

    [Fact]
    public void TheRelativeToleranceMustBePositiveAndFinite()
    {
        foreach (double bad in new[] { 0, -1e-10, double.NaN, double.PositiveInfinity })
            Assert.Equal("relativeTolerance", Assert.Throws<ArgumentException>(() => Target.FromMatrix(Diagonal, bad)).ParamName);
        Assert.Equal(3, Target.FromMatrix(Diagonal, 1e-300).K);
        Assert.Equal(1e-300 * 2.9, Target.FromMatrix(Diagonal, 1e-300).RankTolerance);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => Target.FromMatrix(Matrix<double>.Build.Dense(3, 3).SubMatrix(0, 0, 0, 0))).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentNullException>(() => Target.FromMatrix(null!)).ParamName);
    }

    [Fact]
    public void ADiagonalTargetIsDiagonalisedWithoutRounding()
    {
        // 0.1/2.9·2.9 ≠ 0.1 in double precision: only the exact path (no scaling, no eigensolver) gives the entries back as they are.
        Assert.NotEqual(0.1, 0.1 / 2.9 * 2.9);
        var t = Target.FromMatrix(Diagonal);
        Assert.Equal([2.9, 1.3, 0.1], t.Eigenvalues.ToArray());
        Assert.Equal([2.9, 1.3, 0.1], t.SigmaY.ToArray());
        var permutation = Matrix<double>.Build.DenseOfArray(new[,] { { 0.0, 0, 1 }, { 1, 0, 0 }, { 0, 1, 0 } });
        Assert.Equal(permutation, t.Phi);
        // FromSpectrum without a seed is such a diagonal target: Φ = I, Y = diag of the spectrum, padded with zeros.
        var s = Target.FromSpectrum([2.9, 1.3, 0.1], 4);
        Assert.Equal(Matrix<double>.Build.DenseOfDiagonalArray([2.9, 1.3, 0.1, 0]), s.Y);
        Assert.Equal(Matrix<double>.Build.DenseIdentity(4), s.Phi);
        Assert.Equal([2.9, 1.3, 0.1, 0], s.Eigenvalues.ToArray());
    }

    [Fact]
    public void WithASeedYIsQDQTransposedForTheSeedsOrthogonalQ()
    {
        var q = Target.RandomOrthogonal(4, 31);
        var t = Target.FromSpectrum([2.9, 1.3, 0.1], 4, seed: 31);
        var expected = q * Matrix<double>.Build.DenseOfDiagonalArray([2.9, 1.3, 0.1, 0]) * q.Transpose();
        Assert.True((t.Y - expected).L2Norm() < 1e-14, $"{t.Y - expected}");
        Assert.Equal(3, t.K);
        Assert.True(Math.Abs(t.Y[0, 1]) > 1e-3); // not diagonal
    }

    [Fact]
    public void SymmetryIsMeasuredAgainstTheLargestAbsoluteEntry()
    {
        // max|Y_ij| = 4 comes from a negative entry: |Y01 − Y10| = 2e-10 is within 1e-10·4, so Y passes the symmetry rule and is
        // refused for what it is, not positive semi-definite (eigenvalue ≈ −4.2).
        var y = Matrix<double>.Build.DenseOfArray(new[,] { { -4, 1 }, { 1 + 2e-10, 0 } });
        var e = Assert.Throws<ArgumentException>(() => Target.FromMatrix(y));
        Assert.Equal("y", e.ParamName);
        Assert.Contains("positive semi-definite", e.Message);
        var far = Matrix<double>.Build.DenseOfArray(new[,] { { -4, 1 }, { 1 + 8e-10, 0 } });
        Assert.Contains("symmetric", Assert.Throws<ArgumentException>(() => Target.FromMatrix(far)).Message);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void ASpectrumMustBeFiniteUpToItsLastEntry(double bad)
    {
        var e = Assert.Throws<ArgumentException>(() => Target.FromSpectrum([2.9, 1.3, bad], 4));
        Assert.Equal("eigenvalues", e.ParamName);
        Assert.Contains("eigenvalues[2]", e.Message);
    }

    [Fact]
    public void TheSmallestRandomOrthogonalMatrixIsOne()
    {
        // n = 1: QR = G with R > 0 leaves Q = sign(G) (seed 0 draws a positive G, seed 8 a negative one).
        foreach (int seed in new[] { 0, 8 })
        {
            double g = Matrix<double>.Build.Random(1, 1, new MathNet.Numerics.Distributions.Normal(0, 1, new Random(seed)))[0, 0];
            Assert.Equal(Math.Sign(g), Target.RandomOrthogonal(1, seed)[0, 0], 1e-15);
        }
        Assert.Equal("n", Assert.Throws<ArgumentException>(() => Target.RandomOrthogonal(0, 8)).ParamName);
        Assert.Equal("eigenvalues", Assert.Throws<ArgumentNullException>(() => Target.FromSpectrum(null!, 3)).ParamName);
    }
}
