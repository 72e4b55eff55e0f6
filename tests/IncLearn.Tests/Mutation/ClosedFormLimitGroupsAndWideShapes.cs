using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace IncLearn.Tests.Mutation;

/// <summary>Issue 25, <see cref="ClosedFormSolution"/>: the t → ∞ limit of a rank-deficient start when Y has a repeated
/// eigenvalue (its group is projected as a whole), the grouping tolerance on both sides, the limit's rank decision at shape
/// scales far from 1, wide shapes whose compressed rows are zero or orthogonal to the first, and On with unsorted times.
/// Every expected value is computed here from its definition, not by the class under test.</summary>
public class ClosedFormLimitGroupsAndWideShapes
{
    private static Matrix<double> Gaussian(int n, int r, int seed) => GaussianMatrix.Of(n, r, seed);

    private static double RelativeDistance(Matrix<double> a, Matrix<double> b) => (a - b).FrobeniusNorm() / b.FrobeniusNorm();

    [Fact]
    public void ARepeatedEigenvalueKeepsTheProjectionOfTheStartOntoItsWholeEigenspace()
    {
        // Y = 3·P₃ + 1.5·P + 1·P' in a random basis; a rank-1 start u. As t → ∞, W → 3·(P₃u)(P₃u)ᵀ/‖P₃u‖²: the start's
        // component in the 3-eigenspace, not one eigenvector of it (later modes add nothing: u's one direction is taken).
        var target = Target.FromSpectrum([3, 3, 1.5, 1], 4, seed: 5);
        var u = Gaussian(4, 1, 11);
        var solution = new ClosedFormSolution(target, Initialization.FromShape(u, 2.7e-3));
        var phiTop = target.Phi.SubMatrix(0, 4, 0, 2);
        var p = phiTop * (phiTop.TransposeThisAndMultiply(u));   // P₃u
        var expected = 3 * (p * p.Transpose()) / (p.FrobeniusNorm() * p.FrobeniusNorm());
        Assert.True(RelativeDistance(solution.Limit(), expected) < 1e-12, $"limit off by {RelativeDistance(solution.Limit(), expected):G3}");
        Assert.True(RelativeDistance(solution.At(double.PositiveInfinity), expected) < 1e-12);
        // The exact graded QR at a time far past every transition (e^{−2·1.5·300} underflows) reaches the same matrix, up to
        // the computed eigenvalues' own split (3 ± ~1e-15 from the eigensolver: e^{2δt} − 1 ≈ 1e-12 at t = 300).
        Assert.True(RelativeDistance(solution.At(300), expected) < 1e-11, $"W(300) off by {RelativeDistance(solution.At(300), expected):G3}");
    }

    [Fact]
    public void EigenvaluesWithinTheTargetsRelativeToleranceFormOneGroupAndOthersDoNot()
    {
        // σ₁ = 4, σ₂ = 4 − 2e-10 (gap 5e-11·σ₁ ≤ 1e-10·σ₁: one group) against σ₂ = 4 − 8e-10 (gap 2e-10·σ₁: two groups).
        var u = Gaussian(3, 1, 12);
        foreach (var (second, grouped) in new[] { (4 - 2e-10, true), (4 - 8e-10, false) })
        {
            var target = Target.FromSpectrum([4, second, 1], 3, seed: 6);
            var solution = new ClosedFormSolution(target, Initialization.FromShape(u, 1e-2));
            var limit = solution.RotatedAt(double.PositiveInfinity);
            var ut = target.Phi.TransposeThisAndMultiply(u);
            var expected = Matrix<double>.Build.Dense(3, 3);
            if (grouped)
            {
                // One group: its level (4 − 1e-10, the mean; within 1e-10 relative of either member) on the projector of
                // (ũ₀, ũ₁).
                double norm2 = ut[0, 0] * ut[0, 0] + ut[1, 0] * ut[1, 0];
                for (int a = 0; a < 2; a++)
                    for (int c = 0; c < 2; c++) expected[a, c] = 4 * ut[a, 0] * ut[c, 0] / norm2;
            }
            else expected[0, 0] = 4;   // the first mode takes u's only direction; nothing is left for the second
            Assert.True((limit - expected).FrobeniusNorm() < 1e-9, $"σ₂ = {second:R}: W̃(∞) off by {(limit - expected).FrobeniusNorm():G3}");
        }
    }

    [Theory]
    [InlineData(1e-5)]
    [InlineData(1.0)]
    [InlineData(1e5)]
    public void TheLimitOfARankDeficientStartIsTheBestRankKPartOfYAtEveryShapeScale(double scale)
    {
        // r = n = 6 of rank 3 with distinct eigenvalues: the first three modes take the three directions, the later rows
        // lie in their span up to rounding of the shape's own size, so W(∞) = Ŷ₃ = Φ diag(σ₁, σ₂, σ₃, 0, 0, 0) Φᵀ whatever
        // the shape's scale (the rank decision is relative to ‖Ũ‖).
        var spectrum = new[] { 5.0, 3.7, 2.2, 1.6, 0.9, 0.4 };
        var target = Target.FromSpectrum(spectrum, 6, seed: 7);
        var shape = Gaussian(6, 3, 13) * Gaussian(3, 6, 14) * scale;
        var solution = new ClosedFormSolution(target, Initialization.FromShape(shape, 1e-3 / (scale * scale)));
        var kept = Matrix<double>.Build.Diagonal(6, 6, i => i < 3 ? target.Eigenvalues[i] : 0);
        var expected = target.Phi * kept * target.Phi.Transpose();
        Assert.True(RelativeDistance(solution.Limit(), expected) < 1e-12, $"scale {scale:G}: limit off by {RelativeDistance(solution.Limit(), expected):G3}");
    }

    [Fact]
    public void AWideShapeWithAZeroRowAndRowsOrthogonalToTheFirstKeepsEveryRow()
    {
        // n = 3, r = 5 (compressed to a 3×3 factor of W̃₀). Y diagonal, so Ũ = Ū₀ row for row: row 0 is zero, row 1 is
        // orthogonal to everything before it, row 2 mixes. Compressed and uncompressed factors must give the same W(t), and
        // W(0) = αŪ₀Ū₀ᵀ.
        var target = Target.FromMatrix(Matrix<double>.Build.DenseOfDiagonalArray([3.0, 2.0, 1.0]));
        Assert.Equal(Matrix<double>.Build.DenseIdentity(3), target.Phi);
        var shape = Matrix<double>.Build.DenseOfArray(new[,]
        {
            { 0.0, 0.0, 0.0, 0.0, 0.0 },
            { 0.0, 0.75, 0.0, 0.0, 0.0 },
            { 1.25, 0.0, -0.5, 0.0, 2.0 },
        });
        var init = Initialization.FromShape(shape, 0.37);
        var compressed = new ClosedFormSolution(target, init);
        var plain = new ClosedFormSolution(target, init, compressWideShapes: false);
        Assert.True(RelativeDistance(compressed.At(0), 0.37 * shape * shape.Transpose()) < 1e-14);
        foreach (double t in new[] { 0.0, 0.3, 2.0, 9.0 })
            Assert.True(RelativeDistance(compressed.At(t), plain.At(t)) < 1e-13, $"t = {t}: {RelativeDistance(compressed.At(t), plain.At(t)):G3}");
    }

    [Fact]
    public void OnTakesTimesInAnyOrderWithZeroAndInfinityAndGivesAtsBits()
    {
        var target = Target.FromSpectrum([2.5, 1.25, 0.5], 3, seed: 8);
        var solution = new ClosedFormSolution(target, Initialization.FromShape(Gaussian(3, 4, 15), 3e-4));
        double[] times = [4.5, 0, double.PositiveInfinity, 1.75, 0.25];
        var on = solution.On(times);
        for (int i = 0; i < times.Length; i++)
            Assert.Equal(solution.At(times[i]), on[i]);
    }

    [Fact]
    public void AtOneCoreGivesAtsBitsAndRefusesANegativeTime()
    {
        var target = Target.FromSpectrum([2.5, 1.25, 0.5], 3, seed: 8);
        var solution = new ClosedFormSolution(target, Initialization.FromShape(Gaussian(3, 3, 16), 3e-4));
        Assert.Equal(solution.At(1.5), solution.AtOneCore(1.5));
        Assert.Equal("t", Assert.Throws<ArgumentOutOfRangeException>(() => solution.AtOneCore(-1e-9)).ParamName);
    }
}
