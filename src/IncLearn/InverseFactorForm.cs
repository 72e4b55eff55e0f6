using MathNet.Numerics.LinearAlgebra;

namespace IncLearn;

/// <summary>
/// The fast path of <see cref="ClosedFormSolution"/> when it runs on OpenBLAS (the default where it is found): Proposition 1 for an
/// invertible W̃₀ through LAPACK's blocked (BLAS-3) routines, used only where its accuracy is established; every other case
/// goes to the exact graded QR (<see cref="GradedHouseholder"/>).
/// <para>Form. The RQ factorization Ũ = [0 T]·Q (dgerqf; T upper triangular n×n) gives W̃₀ = TTᵀ. For invertible T, eq. (5)
/// reads W̃(t)⁻¹ = C R₀ᵀR₀ C + D(t) with R₀ = T⁻¹ (dtrtri, once), C = diag(c_j), c_j = e^{−σ_j t}/√α and D = diag(d_j),
/// d_j = (1 − e^{−2σ_j t})/σ_j (2t for σ_j = 0). So W̃ = (NᵀN)⁻¹ with N = [R₀C; D^½], an upper triangle above a diagonal.
/// With N's column norms s_j, N = N̂·diag(s) and the QR N̂ = Q̂R̂ (dtpqrt) gives W̃ = S⁻¹R̂⁻¹R̂⁻ᵀS⁻¹, so W = XXᵀ with
/// X = Φ S⁻¹ R̂⁻¹ (cblas_dtrsm, then cblas_dsyrk): about 8n³/3 flops per time, against 3n³ for NumPy's Cholesky form
/// (bench/peers.py), which loses accuracy with cond(W̄₀).</para>
/// <para>Accuracy. Householder QR is backward stable column by column whatever the column scales (here e^{−σt}/√α against √d,
/// apart by e^{σt}): the computed W̃ is exact for N̂ with columns perturbed by O(ε), and its relative error grows only with
/// 1/σ_min(N̂). Since N̂ᵀN̂ is the unit-diagonal scaling of C R₀ᵀR₀ C + D, and adding a non-negative diagonal cannot lower the
/// smallest eigenvalue of a unit-diagonal scaling below min(1, its value without it), σ_min(N̂) ≥ min(1, σ_min(R̄₀)) for every
/// t and α, R̄₀ = R₀ with unit columns; and 1/σ_min(R̄₀) = ‖M‖₂ with M = diag(‖R₀e_j‖)·T, bounded once by
/// q = ‖(MᵀM)²‖_F^{1/4} ≥ ‖M‖₂ (<see cref="ConditionBound"/>). Measured against 100–12,000-digit references, the error
/// stayed ≤ 0.72·ε·‖M‖₂ wherever the scales were in range: on the stored ones (tests/IncLearn.Tests/Reference, with shapes
/// ill-conditioned in rotated directions up to q ≈ 3.3e3; 110 matrices answered, error ≤ 6.5e-14) and on one-off sweeps
/// of the same form written in NumPy (make_reference.py with STRESS=1, and rotated shapes up to cond 1e10 for n ≤ 24; the 0.72
/// at n = 3, ‖M‖₂ = 3.4e5). The fast and exact paths agree to 2.5e-14 on the n = 500 benchmark problem. So the form is used
/// only when q ≤ <see cref="MaxConditionBound"/> (then the error is ≤ 3.3e-13 by that envelope; issue 13 asks for 1e-12) and each
/// column scale s_j lies within e^{±<see cref="MaxLogScale"/>}; otherwise it declines and the exact path answers. Shapes with
/// r &lt; n never take it.</para>
/// </summary>
internal sealed class InverseFactorForm
{
    /// <summary>Largest q ≥ ‖M‖₂ for which the form is used: 2¹² (see the class summary). The benchmark problems (Gaussian n×n Ū₀,
    /// bench/IncLearn.Bench prints q) lie well inside.</summary>
    public const double MaxConditionBound = 4096;

    /// <summary>Column scales s_j must lie within e^{±this} (e^{250} ≈ 3.7e108), so that S⁻¹ and W = XXᵀ neither overflow nor
    /// underflow to subnormals (α far below the double range, t far past the transitions: the exact path answers).</summary>
    public const double MaxLogScale = 250;

    private const int BlockSize = 32;   // dtpqrt block: 16–48 within 3 % at n = 200 … 1000 (measured), 128 slower

    private readonly int n;
    private readonly double[] sigma;
    private readonly double logAlpha;
    private readonly double[] r0;             // R₀ = T⁻¹, column-major n×n, upper triangle
    private readonly double[] logColumnNorm;  // log ‖R₀e_j‖
    private readonly double[] phi;            // Φ, column-major n×n

    private InverseFactorForm(int n, double[] sigma, double logAlpha, double[] r0, double[] logColumnNorm, double[] phi, double conditionBound)
    {
        this.n = n; this.sigma = sigma; this.logAlpha = logAlpha; this.r0 = r0; this.logColumnNorm = logColumnNorm; this.phi = phi;
        ConditionBound = conditionBound;
    }

    /// <summary>q ≥ ‖M‖₂ = 1/σ_min(R̄₀), M = diag(‖R₀e_j‖)·T: the first of ‖M‖_F, ‖MᵀM‖_F^{1/2}, ‖(MᵀM)²‖_F^{1/4} that is ≤
    /// <see cref="MaxConditionBound"/> (see InverseNormBound).</summary>
    public double ConditionBound { get; }

    /// <summary>The form for Ũ (n×r), or null when it does not apply: r &lt; n, T singular, q above
    /// <see cref="MaxConditionBound"/>, or OpenBLAS's routines absent.</summary>
    public static InverseFactorForm? TryCreate(Target target, Matrix<double> uTilde, double logAlpha)
    {
        int n = target.N, r = uTilde.ColumnCount;
        if (r < n || n == 0 || !NativeLapack.HasInverseFactorRoutines || double.IsNegativeInfinity(logAlpha)) return null;
        var t = NativeLapack.RqUpperTriangle(uTilde.ToColumnMajorArray(), n, r);
        var r0 = (double[])t.Clone();
        if (!NativeLapack.TryInvertUpperTriangular(r0, n)) return null;
        var logColumnNorm = new double[n];
        var columnNorm = new double[n];
        for (int j = 0; j < n; j++)
        {
            double c2 = 0;
            for (int i = 0; i <= j; i++) c2 += r0[j * n + i] * r0[j * n + i];
            columnNorm[j] = Math.Sqrt(c2);
            logColumnNorm[j] = Math.Log(columnNorm[j]);
        }
        double q = InverseNormBound(t, columnNorm, n);
        if (!(q <= MaxConditionBound)) return null;
        return new InverseFactorForm(n, target.Eigenvalues.ToArray(), logAlpha, r0, logColumnNorm, target.Phi.ToColumnMajorArray(), q);
    }

    /// <summary>An upper bound q on ‖M‖₂, M = diag(‖R₀e_j‖)·T = R̄₀⁻¹: the first of three, each tighter and dearer, that is
    /// already ≤ <see cref="MaxConditionBound"/> (else the last): ‖M‖_F (no product), ‖MᵀM‖_F^{1/2} (one dsyrk) and
    /// ‖(MᵀM)²‖_F^{1/4} (and one dgemm), all ≥ ‖M‖₂ since ‖A‖₂ ≤ ‖A‖_F and ‖(MᵀM)^k‖₂ = ‖M‖₂^{2k}. On the n = 1000 benchmark
    /// problem they are 8.9×, 2.2× and 1.3× ‖M‖₂ (the second decides there).</summary>
    internal static double InverseNormBound(double[] t, double[] columnNorm, int n)
    {
        // Mᵀ, column-major: (Mᵀ)[k, i] = M[i, k] = ‖R₀e_i‖·T[i, k].
        var mt = new double[n * n];
        for (int k = 0; k < n; k++)
            for (int i = 0; i <= k; i++) mt[i * n + k] = columnNorm[i] * t[k * n + i];
        double q = Frobenius(mt);
        if (q <= MaxConditionBound || double.IsNaN(q)) return q;
        var b = new double[n * n];
        NativeLapack.Syrk(false, n, n, 1.0, mt, n, 0.0, b, n);                 // lower triangle of Mᵀ·M
        for (int j = 0; j < n; j++)
            for (int i = j + 1; i < n; i++) b[i * n + j] = b[j * n + i];
        q = Math.Sqrt(Frobenius(b));
        if (q <= MaxConditionBound || double.IsNaN(q)) return q;
        NativeLapack.Gemm(false, false, n, n, n, 1.0, b, n, b, n, 0.0, mt, n);   // (MᵀM)², into Mᵀ's buffer
        return Math.Sqrt(Math.Sqrt(Frobenius(mt)));
    }

    /// <summary>‖a‖_F with a scaled sum of squares (a badly conditioned T gives entries whose squares overflow); +∞ for an
    /// infinite entry, NaN for a NaN.</summary>
    private static double Frobenius(ReadOnlySpan<double> a)
    {
        double scale = 0;
        foreach (double v in a) scale = Math.Max(scale, Math.Abs(v));
        if (!(scale > 0) || double.IsInfinity(scale)) return scale;
        double sum = 0;
        foreach (double v in a) sum += (v / scale) * (v / scale);
        return scale * Math.Sqrt(sum);
    }

    /// <summary>Buffers of one evaluation, reused (one per concurrent caller): 64-byte aligned, so that dtpqrt gives the same
    /// bits on every call (see <see cref="AlignedBuffer"/>).</summary>
    private sealed class Workspace(int n, int nb)
    {
        public readonly AlignedBuffer A = new(n * n), Bottom = new(n * n), X = new(n * n), TBlock = new(nb * n), Work = new(nb * n);
        public readonly double[] LogS = new double[n], TopScale = new double[n];
    }

    private readonly System.Collections.Concurrent.ConcurrentBag<Workspace> spares = [];

    /// <summary>W(t) for a finite t ≥ 0, or null when a column scale leaves e^{±<see cref="MaxLogScale"/>} or the result is not
    /// finite (the caller then uses the exact path).</summary>
    public Matrix<double>? TryAt(double t)
    {
        int nb = Math.Min(BlockSize, n);
        var ws = spares.TryTake(out var spare) ? spare : new Workspace(n, nb);
        try { return Evaluate(t, ws, nb); }
        finally { spares.Add(ws); }
    }

    private Matrix<double>? Evaluate(double t, Workspace ws, int nb)
    {
        var logS = ws.LogS;
        var topScale = ws.TopScale;
        var bottom = ws.Bottom.Span;
        bottom.Clear();
        for (int j = 0; j < n; j++)
        {
            double logC = -sigma[j] * t - 0.5 * logAlpha;
            double logHalfD = 0.5 * Math.Log(Numerics.D(sigma[j], t));   // −∞ at t = 0
            double ls = Math.Max(logC + logColumnNorm[j], logHalfD);
            if (!(Math.Abs(ls) <= MaxLogScale)) return null;
            logS[j] = ls;
            topScale[j] = Math.Exp(logC - ls);
            bottom[j * n + j] = Math.Exp(logHalfD - ls);
        }
        var a = ws.A.Span;
        a.Clear();
        for (int j = 0; j < n; j++)
            for (int i = 0; i <= j; i++) a[j * n + i] = r0[j * n + i] * topScale[j];
        NativeLapack.TriangularPairQr(n, nb, a, bottom, ws.TBlock.Span, ws.Work.Span);
        // X = Φ·S⁻¹, then X ← X·R̂⁻¹.
        var x = ws.X.Span;
        for (int j = 0; j < n; j++)
        {
            double inv = Math.Exp(-logS[j]);
            for (int i = 0; i < n; i++) x[j * n + i] = phi[j * n + i] * inv;
        }
        NativeLapack.SolveRightUpper(n, n, a, x);
        var w = GC.AllocateUninitializedArray<double>(n * n);   // every entry is written below: dsyrk the lower triangle, the loop the upper
        NativeLapack.Syrk(false, n, n, 1.0, x, n, 0.0, w, n);
        for (int j = 0; j < n; j++)
            for (int i = j; i < n; i++)
            {
                double v = w[j * n + i];
                if (!double.IsFinite(v)) return null;
                w[i * n + j] = v;
            }
        return Matrix<double>.Build.Dense(n, n, w);
    }
}
