using MathNet.Numerics.LinearAlgebra;

namespace IncLearn.Tests.Mutation;

/// <summary>Issue 25: <see cref="Target"/>'s symmetry, PSD and rank decisions sit exactly at relativeTolerance times the scale of Y,
/// on both sides, at small and large scales; its spectrum is sorted and Ŷ_k is the best rank-k approximation.</summary>
public class TargetDecisionsAreRelativeToItsScale
{
    [Theory]
    [InlineData(1e-200)]
    [InlineData(3.7)]
    [InlineData(1e200)]
    public void SymmetryIsJudgedAtToleranceTimesTheLargestEntry(double scale)
    {
        var y = Matrix<double>.Build.DenseOfArray(new[,] { { 4.0, 1.0, 0.0 }, { 1.0, 3.0, 0.5 }, { 0.0, 0.5, 2.0 } }) * scale;
        var inside = y.Clone(); inside[0, 1] += 0.5e-10 * 4 * scale; // |Y01 − Y10| = half the tolerance 1e-10·max|Y|
        Assert.Equal(3, Target.FromMatrix(inside).K);
        var outside = y.Clone(); outside[0, 1] += 2e-10 * 4 * scale;
        Assert.Contains("symmetric", Assert.Throws<ArgumentException>(() => Target.FromMatrix(outside)).Message);
        var t = Target.FromMatrix(y);
        Assert.Equal(t.Y, t.Y.Transpose());
        var residual = (t.Phi * Matrix<double>.Build.DenseOfDiagonalVector(t.Eigenvalues / scale) * t.Phi.Transpose() - y / scale).L2Norm();
        Assert.True(residual < 1e-14 * 5, $"{residual}"); // relative to the scale (‖·‖₂ of 1e200 entries would overflow)
    }

    [Fact]
    public void RankAndDefinitenessAreJudgedAtToleranceTimesTheLargestEigenvalue()
    {
        // Eigenvalues 6, 2, ±1e-11·6 and −1e-9·6: within 1e-10·λ_max the small ones count as 0, beyond it PSD fails.
        var q = Target.RandomOrthogonal(3, 5);
        Matrix<double> Build(double third) => q * Matrix<double>.Build.DenseOfDiagonalArray([6, 2, third]) * q.Transpose();
        var small = Target.FromMatrix(Build(6e-11 * 0.5));
        Assert.Equal(2, small.K);
        Assert.Equal(0.0, small.Eigenvalues[2]);
        Assert.Equal(6e-10, small.RankTolerance, 1e-22);
        Assert.Equal(2, Target.FromMatrix(Build(-6e-11 * 0.5)).K); // slightly negative within tolerance: PSD, rank 2
        Assert.Equal(3, Target.FromMatrix(Build(6e-10 * 2)).K);
        Assert.Contains("positive semi-definite", Assert.Throws<ArgumentException>(() => Target.FromMatrix(Build(-6e-10 * 2))).Message);
        // A looser tolerance moves the rank decision.
        Assert.Equal(2, Target.FromMatrix(Build(6e-10 * 2), relativeTolerance: 1e-8).K);
    }

    [Fact]
    public void SpectrumIsSortedDecreasingAndSigmaYHoldsTheNonZeroPart()
    {
        var t = Target.FromSpectrum([0.7, 5, 0, 2.2], 6, seed: 4);
        Assert.Equal(6, t.N);
        Assert.Equal(3, t.K);
        var expected = new[] { 5, 2.2, 0.7, 0, 0, 0 };
        for (int i = 0; i < 6; i++) Assert.Equal(expected[i], t.Eigenvalues[i], 1e-13);
        Assert.Equal(3, t.SigmaY.Count);
        Assert.Equal((6, 3), (t.PhiY.RowCount, t.PhiY.ColumnCount));
        Assert.True((t.Phi.Transpose() * t.Phi - Matrix<double>.Build.DenseIdentity(6)).L2Norm() < 1e-14);
        for (int i = 0; i < 3; i++) Assert.True((t.Y * t.Phi.Column(i) - t.Phi.Column(i) * expected[i]).L2Norm() < 1e-13);
        // A diagonal Y is diagonalised exactly: Φ is a permutation.
        var d = Target.FromMatrix(Matrix<double>.Build.DenseOfDiagonalArray([0.5, 3, 1.25]));
        Assert.Equal([3, 1.25, 0.5], d.Eigenvalues.ToArray());
        Assert.Equal(1.0, d.Phi[1, 0]);
        Assert.Equal(1.0, d.Phi[2, 1]);
        Assert.Equal(1.0, d.Phi[0, 2]);
    }

    [Fact]
    public void BestRankKKeepsTheLeadingKModes()
    {
        var t = Target.FromSpectrum([5, 2.2, 0.7], 4, seed: 4);
        for (int k = 0; k <= 3; k++)
        {
            var yk = t.BestRankK(k);
            // Eckart–Young: ‖Y − Ŷ_k‖₂ = σ_{k+1} (0 after K), and Ŷ_k has rank k.
            double next = k < 3 ? t.SigmaY[k] : 0;
            Assert.Equal(next, Numerics.SymmetricSpectralNorm(t.Y - yk), 1e-12);
            Assert.Equal(k, Target.FromMatrix(Numerics.Symmetrize(yk)).K);
        }
        Assert.Equal("k", Assert.Throws<ArgumentOutOfRangeException>(() => t.BestRankK(4)).ParamName);
        Assert.Equal("k", Assert.Throws<ArgumentOutOfRangeException>(() => t.BestRankK(-1)).ParamName);
    }

    [Fact]
    public void InputsAreValidatedUpToTheirLastEntry()
    {
        var y = Matrix<double>.Build.DenseIdentity(3);
        y[2, 2] = double.NaN;
        Assert.Contains("Y[2,2]", Assert.Throws<ArgumentException>(() => Target.FromMatrix(y)).Message);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => Target.FromMatrix(Matrix<double>.Build.Dense(2, 3))).ParamName);
        Assert.Contains("eigenvalues[2]", Assert.Throws<ArgumentException>(() => Target.FromSpectrum([1, 2, -1e-300], 3)).Message);
        Assert.Equal("eigenvalues", Assert.Throws<ArgumentException>(() => Target.FromSpectrum([1, 2, 3], 2)).ParamName);
        Assert.Equal(3, Target.FromSpectrum([1, 2, 3], 3).K); // n = count is allowed
        Assert.Equal(1, Target.FromSpectrum([2], 1).N);
        Assert.Equal("n", Assert.Throws<ArgumentException>(() => Target.FromSpectrum([], 0)).ParamName);
        Assert.Equal(0, Target.FromMatrix(Matrix<double>.Build.Dense(2, 2)).K); // Y = 0 is a target with K = 0
        // Random orthogonal: orthogonal, with R's diagonal made positive (Haar), deterministic in the seed.
        var q = Target.RandomOrthogonal(4, 17);
        Assert.True((q.Transpose() * q - Matrix<double>.Build.DenseIdentity(4)).L2Norm() < 1e-14);
        Assert.Equal(q, Target.RandomOrthogonal(4, 17));
        var g = Matrix<double>.Build.Random(4, 4, new MathNet.Numerics.Distributions.Normal(0, 1, new Random(17)));
        var r = q.Transpose() * g; // = R of the QR with positive diagonal
        for (int i = 0; i < 4; i++) Assert.True(r[i, i] > 0);
    }
}
