using MathNet.Numerics.LinearAlgebra;

namespace IncLearn;

/// <summary>
/// Section IV (future work in the paper): asymmetric factorization min ½‖Y − UVᵀ‖²_F over U ∈ ℝ^{m×r}, V ∈ ℝ^{p×r}, whose gradient
/// flow U̇ = (Y − UVᵀ)V, V̇ = (Y − UVᵀ)ᵀU has no closed form here; it is integrated numerically with <see cref="DormandPrince45"/>.
/// Exploration only: the paper states no theorem for it.
/// </summary>
public static class AsymmetricFactorization
{
    /// <summary>A balanced start (U₀ᵀU₀ = V₀ᵀV₀, the condition of Tarmoun et al. 2021 that relates the flow to a symmetric one):
    /// U₀ = α^{1/2}Q₁S, V₀ = α^{1/2}Q₂S with Q₁ (m×r), Q₂ (p×r) orthonormal columns from seeded Gaussians and S = diag of |N(0,1)| + 0.5.</summary>
    public static (Matrix<double> U0, Matrix<double> V0) BalancedInitialization(int m, int p, int r, double alpha, int seed)
    {
        if (m < 1) throw new ArgumentOutOfRangeException(nameof(m), m, $"m must be ≥ 1, got {m}");
        if (p < 1) throw new ArgumentOutOfRangeException(nameof(p), p, $"p must be ≥ 1, got {p}");
        if (r < 1 || r > Math.Min(m, p)) throw new ArgumentOutOfRangeException(nameof(r), r, $"r must be in [1, min(m, p) = {Math.Min(m, p)}]");
        if (!(alpha > 0) || double.IsInfinity(alpha)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "α must be a finite number > 0");
        var rng = new Random(seed);
        var normal = new MathNet.Numerics.Distributions.Normal(0, 1, rng);
        var q1 = Matrix<double>.Build.Random(m, r, normal).QR().Q.SubMatrix(0, m, 0, r);
        var q2 = Matrix<double>.Build.Random(p, r, normal).QR().Q.SubMatrix(0, p, 0, r);
        var s = Matrix<double>.Build.DenseOfDiagonalArray(Enumerable.Range(0, r).Select(_ => Math.Abs(normal.Sample()) + 0.5).ToArray());
        double a = Math.Sqrt(alpha);
        return (q1 * s * a, q2 * s * a);
    }

    /// <summary>Integrates the flow and returns X(t) = U(t)V(t)ᵀ at each time, with step statistics.</summary>
    public static (IReadOnlyList<Matrix<double>> X, StepStatistics Statistics) Integrate(Matrix<double> y, Matrix<double> u0, Matrix<double> v0,
        IReadOnlyList<double> times, double rtol = 1e-10, double? atol = null)
    {
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(u0);
        ArgumentNullException.ThrowIfNull(v0);
        Numerics.CheckTimes(times, nameof(times), sorted: true);
        int m = y.RowCount, p = y.ColumnCount, r = u0.ColumnCount;
        if (m == 0 || p == 0 || r == 0)
            throw new ArgumentException($"Y, U₀ and V₀ must be non-empty: Y is {m}×{p}, U₀ has r = {r} columns", r == 0 ? nameof(u0) : nameof(y));
        if (u0.RowCount != m || v0.RowCount != p || v0.ColumnCount != r)
            throw new ArgumentException($"shapes must be Y m×p, U₀ m×r, V₀ p×r; got Y {m}×{p}, U₀ {u0.RowCount}×{u0.ColumnCount}, V₀ {v0.RowCount}×{v0.ColumnCount}", nameof(u0));
        foreach (var (mat, name) in new[] { (y, nameof(y)), (u0, nameof(u0)), (v0, nameof(v0)) })
            if (mat.Enumerate().Any(x => !double.IsFinite(x)))
                throw new ArgumentException($"{name} must be finite", name);
        double scale = Math.Max(u0.Enumerate().Concat(v0.Enumerate()).Select(Math.Abs).Max(), double.Epsilon);
        var yArr = y.ToArray();
        var resid = new double[m, p];
        void Rhs(double _, double[] s, double[] ds)
        {
            // s = [U (m×r) row-major, V (p×r) row-major]; R = Y − UVᵀ; U̇ = RV, V̇ = RᵀU.
            for (int i = 0; i < m; i++)
                for (int j = 0; j < p; j++)
                {
                    double x = 0;
                    for (int k = 0; k < r; k++) x += s[i * r + k] * s[m * r + j * r + k];
                    resid[i, j] = yArr[i, j] - x;
                }
            for (int i = 0; i < m; i++)
                for (int k = 0; k < r; k++)
                {
                    double x = 0;
                    for (int j = 0; j < p; j++) x += resid[i, j] * s[m * r + j * r + k];
                    ds[i * r + k] = x;
                }
            for (int j = 0; j < p; j++)
                for (int k = 0; k < r; k++)
                {
                    double x = 0;
                    for (int i = 0; i < m; i++) x += resid[i, j] * s[i * r + k];
                    ds[m * r + j * r + k] = x;
                }
        }
        var state = new double[(m + p) * r];
        for (int i = 0; i < m; i++) for (int k = 0; k < r; k++) state[i * r + k] = u0[i, k];
        for (int j = 0; j < p; j++) for (int k = 0; k < r; k++) state[m * r + j * r + k] = v0[j, k];
        var res = DormandPrince45.Integrate(Rhs, state, times, rtol, atol ?? rtol * 1e-3 * scale);
        var xs = res.States.Select(s =>
        {
            var u = Matrix<double>.Build.Dense(m, r, (i, k) => s[i * r + k]);
            var v = Matrix<double>.Build.Dense(p, r, (j, k) => s[m * r + j * r + k]);
            return u * v.Transpose();
        }).ToArray();
        return (xs, res.Statistics);
    }
}
