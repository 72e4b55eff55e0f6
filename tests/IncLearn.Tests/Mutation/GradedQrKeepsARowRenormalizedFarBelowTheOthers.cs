using MathNet.Numerics.LinearAlgebra;

namespace IncLearn.Tests.Mutation;

/// <summary>Issue 25, the exact graded QR (GradedHouseholder): a shape whose second row differs from the first only by ε = 1e-60
/// in its second entry. After the first elimination that row's active part is ε (below the QR's renormalization threshold
/// 1e-50), so it is renormalized and its scale recorded; later pivots move it, and the recorded scale must move with it. The
/// direction it carries is learned only at late times (its weight is αε²e^{2σ₂t}), where W(t) changes by O(1).
/// <para>Expected value, independent of the QR: with Y = diag(σ₁, σ₂) (Φ = I) and the invertible Ũ = [[1, 0], [1, ε]],
/// W(t)⁻¹ = A = S⁻¹VS⁻¹/α + D with V = (ŨŨᵀ)⁻¹ = K·[[1 + ε², −1], [−1, 1]], K = 1/ε², S = diag(e^{σ_i t}),
/// D = diag((1 − e^{−2σ_i t})/σ_i). det A expanded has only positive terms (the K² terms cancel exactly on paper), so
/// W = adj(A)/det A is computed here without cancellation.</para></summary>
public class GradedQrKeepsARowRenormalizedFarBelowTheOthers
{
    private const double Epsilon = 1e-60, S1 = 2, S2 = 1, Alpha = 1e-3;

    private static Matrix<double> Expected(double t)
    {
        double k = 1 / (Epsilon * Epsilon);
        double e1 = Math.Exp(-2 * S1 * t), e2 = Math.Exp(-2 * S2 * t), e12 = Math.Exp(-(S1 + S2) * t);
        double d1 = -double.ExpM1(-2 * S1 * t) / S1, d2 = -double.ExpM1(-2 * S2 * t) / S2;
        double a11 = e1 * (k + 1) / Alpha + d1, a22 = e2 * k / Alpha + d2, a12 = -e12 * k / Alpha;
        // a11·a22 − a12² = e1e2(k + 1)k/α² − e1e2k²/α² + … = e1e2k/α² + e1k·d2/α + e2k·d1/α + e2·d1·... (k + 1 − k = 1 on paper)
        double det = e1 * e2 * k / (Alpha * Alpha) + e1 * (k + 1) / Alpha * d2 + d1 * e2 * k / Alpha + d1 * d2;
        return Matrix<double>.Build.DenseOfArray(new[,] { { a22 / det, -a12 / det }, { -a12 / det, a11 / det } });
    }

    [Fact]
    public void TheClosedFormFollowsTheTinyDirectionThroughItsLateTransition()
    {
        var target = Target.FromMatrix(Matrix<double>.Build.DenseOfDiagonalArray([S1, S2]));
        Assert.Equal(Matrix<double>.Build.DenseIdentity(2), target.Phi);
        var shape = Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 0.0 }, { 1.0, Epsilon } });
        var solution = new ClosedFormSolution(target, Initialization.FromShape(shape, Alpha));
        Assert.False(solution.UsesInverseFactorForm);   // cond(Ũ) ≈ 1e60: the exact graded QR answers
        // The second direction's weight αε²e^{2σ₂t} reaches 1 near t = (120 ln 10 + ln(1/α))/(2σ₂) ≈ 141.
        foreach (double t in new[] { 0.5, 3, 40, 120, 135, 141, 145, 160, 250 })
        {
            var expected = Expected(t);
            var w = solution.At(t);
            double dev = (w - expected).FrobeniusNorm() / expected.FrobeniusNorm();
            Assert.True(dev < 1e-12, $"t = {t}: W off by {dev:G3} (expected {expected[1, 1]:G6} at (2, 2), got {w[1, 1]:G6})");
        }
    }
}
