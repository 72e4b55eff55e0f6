using MathNet.Numerics.LinearAlgebra;

namespace IncLearn.Tests.Mutation;

/// <summary>Issue 25, the exact graded QR (GradedHouseholder): a shape whose second row differs from the first only by ε = 1e-60
/// in its second entry. After the first elimination that row's active part is ε (below the QR's renormalization threshold
/// 1e-50), so it is renormalized and its scale recorded; later pivots move it, and the recorded scale must move with it. The
/// direction it carries is learned only at late times (its weight is αε²e^{2σ₂t}), where W(t) changes by O(1).
/// <para>Expected value, independent of the QR: with Y = diag(σ₁, σ₂) (Φ = I) and the invertible Ũ = [[1, 0], [1, ε]],
/// W(t)⁻¹ = A = S⁻¹VS⁻¹/α + D with V = (ŨŨᵀ)⁻¹ = K·[[1 + ε², −1], [−1, 1]], K = 1/ε², S = diag(e^{σ_i t}),
/// D = diag((1 − e^{−2σ_i t})/σ_i). det A expanded has only positive terms (the K² terms cancel exactly on paper), so
/// W = adj(A)/det A is computed here without cancellation. The same with ε = 1e-310, whose residual is subnormal.</para></summary>
public class GradedQrKeepsARowRenormalizedFarBelowTheOthers
{
    private const double S1 = 2, S2 = 1, Alpha = 1e-3;

    /// <summary>log(e^a + e^b + …) without overflow.</summary>
    private static double LogSumExp(params double[] logs)
    {
        double max = logs.Max();
        return max + Math.Log(logs.Sum(l => Math.Exp(l - max)));
    }

    /// <summary>W(t) = adj(A)/det A in logarithms (for ε = 1e-310, K = 1/ε² = 1e620 is beyond the double range): every term
    /// is a product of positive factors, so each entry is exp(log numerator − log det).</summary>
    private static Matrix<double> Expected(double epsilon, double t)
    {
        double lk = -2 * Math.Log(epsilon), la = Math.Log(Alpha);
        double le1 = -2 * S1 * t, le2 = -2 * S2 * t, le12 = -(S1 + S2) * t;
        double ld1 = Math.Log(-double.ExpM1(-2 * S1 * t) / S1), ld2 = Math.Log(-double.ExpM1(-2 * S2 * t) / S2);
        double lk1 = lk + Math.Log(1 + epsilon * epsilon);   // log(K + 1)
        double la11 = LogSumExp(le1 + lk1 - la, ld1), la22 = LogSumExp(le2 + lk - la, ld2), lMinusA12 = le12 + lk - la;
        // a11·a22 − a12² = e1e2k/α² + e1(k + 1)d2/α + d1e2k/α + d1d2 (the k² terms cancel on paper: (k + 1)k − k² = k).
        double ldet = LogSumExp(le1 + le2 + lk - 2 * la, le1 + lk1 + ld2 - la, ld1 + le2 + lk - la, ld1 + ld2);
        double w11 = Math.Exp(la22 - ldet), w22 = Math.Exp(la11 - ldet), w12 = Math.Exp(lMinusA12 - ldet);
        return Matrix<double>.Build.DenseOfArray(new[,] { { w11, w12 }, { w12, w22 } });
    }

    public static IEnumerable<object[]> Cases() =>
    [
        // ε = 1e-60: renormalized (below 1e-50) by 1/s; its direction's weight αε²e^{2σ₂t} reaches 1 near t ≈ 141.
        [1e-60, new[] { 0.5, 3, 40, 120, 135, 141, 145, 160, 250 }],
        // ε = 1e-310 (subnormal): renormalized by a power of two, since 1/s overflows; learned near t ≈ 717.
        [1e-310, new[] { 0.5, 40, 500, 700, 710, 717, 722, 740, 900 }],
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheClosedFormFollowsTheTinyDirectionThroughItsLateTransition(double epsilon, double[] times)
    {
        var target = Target.FromMatrix(Matrix<double>.Build.DenseOfDiagonalArray([S1, S2]));
        Assert.Equal(Matrix<double>.Build.DenseIdentity(2), target.Phi);
        var shape = Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 0.0 }, { 1.0, epsilon } });
        var solution = new ClosedFormSolution(target, Initialization.FromShape(shape, Alpha));
        Assert.False(solution.UsesInverseFactorForm);   // cond(Ũ) ≈ 1/ε: the exact graded QR answers
        foreach (double t in times)
        {
            var expected = Expected(epsilon, t);
            var w = solution.At(t);
            double dev = (w - expected).FrobeniusNorm() / expected.FrobeniusNorm();
            Assert.True(dev < 1e-12, $"ε = {epsilon:G3}, t = {t}: W off by {dev:G3} (expected {expected[1, 1]:G6} at (2, 2), got {w[1, 1]:G6})");
        }
    }
}
