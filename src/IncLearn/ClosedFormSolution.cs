using MathNet.Numerics.LinearAlgebra;

namespace IncLearn;

/// <summary>
/// Proposition 1, eq. (5)–(6): the solution W(t) of the Riccati ODE (4) Ẇ = WY + YW − 2W², W(0) = W₀ = αŪ₀Ū₀ᵀ,
/// evaluated in overflow-free forms that never form e^{+σt} (DESIGN.md §1).
/// <list type="bullet">
/// <item>W̃₀ = ΦᵀŪ₀Ū₀ᵀΦ invertible, V = W̃₀⁻¹: W̃(t) = (S⁻¹VS⁻¹/α + D(t))⁻¹ with S⁻¹ = diag(e^{−σt}, 1),
/// D = diag((1 − e^{−2σt})/σ, 2t). The matrix is equilibrated in log space (unit diagonal) before its Cholesky
/// factorization, so any t ≥ 0 and any log α — even far below the double range — evaluate without overflow.</item>
/// <item>W̃₀ = ŨŨᵀ rank-deficient (Remark III-C2): W̃ = B(I_r/α + BᵀDB)⁻¹Bᵀ with B = SŨ, evaluated as
/// B̂ = diag(e^{(σ_i−σ_max)t})Ũ, B̂ = QR, W̃ = Q·(R⁻ᵀR⁻¹·e^{−2σ_max t}/α + QᵀDQ)⁻¹·Qᵀ — only e^{−σt} appears.</item>
/// </list>
/// </summary>
public sealed class ClosedFormSolution
{
    /// <summary>W̃₀ counts as invertible when λ_min(W̃₀) &gt; this · λ_max(W̃₀); below it the rank-deficient form is used.</summary>
    public const double InvertibilityThreshold = 1e-12;

    private readonly double[] sigma;          // eigenvalues of Y, length n (zeros for the null space)
    private readonly double logAlpha;
    private readonly Matrix<double>? v;        // V = W̃₀⁻¹ (invertible case)
    private readonly double[]? logVDiag;       // log V_ii, for the log-space equilibration
    private readonly Matrix<double> phiT;      // Φᵀ, reused at every t
    private readonly double[] phiTArray;       // Φᵀ row-major, for the vectorized kernels
    private readonly double[]? vArray;         // V row-major
    private readonly Matrix<double>? uTilde;   // Ũ = ΦᵀŪ₀ with full column rank (rank-deficient case)

    /// <summary>Prepares every t-independent quantity: Φᵀ Ū₀, W̃₀ and its inverse (through Cholesky) or a full-rank factor.</summary>
    /// <exception cref="ArgumentException">the shape's row count differs from n.</exception>
    public ClosedFormSolution(Target target, Initialization initialization)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(initialization);
        if (initialization.N != target.N)
            throw new ArgumentException(
                $"the initialization shape Ū₀ has {initialization.N} rows but the target is {target.N}×{target.N}", nameof(initialization));
        Target = target;
        Initialization = initialization;
        sigma = target.Eigenvalues.ToArray();
        logAlpha = initialization.LogAlpha;
        phiT = target.Phi.Transpose();
        phiTArray = phiT.ToRowMajorArray();

        var ut = target.Phi.TransposeThisAndMultiply(initialization.Shape); // Ũ = ΦᵀŪ₀ (n×r)
        var w0 = ut * ut.Transpose();
        w0 = (w0 + w0.Transpose()) * 0.5;
        var evd = w0.Evd(Symmetricity.Symmetric);
        var lambda = evd.EigenValues.Map(c => c.Real);
        double lmax = lambda.Maximum(), lmin = lambda.Minimum();
        MinEigenvalueW0 = lmin;
        MaxEigenvalueW0 = lmax;
        IsInitialInvertible = lmax > 0 && lmin > InvertibilityThreshold * lmax;
        int n = target.N;
        if (IsInitialInvertible)
        {
            v = w0.Cholesky().Solve(Matrix<double>.Build.DenseIdentity(n));
            v = (v + v.Transpose()) * 0.5;
            logVDiag = Enumerable.Range(0, n).Select(i => Math.Log(v[i, i])).ToArray();
            vArray = v.ToRowMajorArray();
        }
        else
        {
            // A factor of W̃₀ with full column rank: Ũ's column space through the eigenvectors with λ > threshold.
            var keep = Enumerable.Range(0, n).Where(i => lambda[i] > InvertibilityThreshold * Math.Max(lmax, double.Epsilon)).ToArray();
            uTilde = Matrix<double>.Build.Dense(n, keep.Length, (i, j) => evd.EigenVectors[i, keep[j]] * Math.Sqrt(lambda[keep[j]]));
        }
    }

    /// <summary>The target Y.</summary>
    public Target Target { get; }

    /// <summary>The initialization U(0) = α^{1/2} Ū₀.</summary>
    public Initialization Initialization { get; }

    /// <summary>True when W̃₀ = ΦᵀŪ₀Ū₀ᵀΦ is numerically invertible (Theorem 4's setting), see <see cref="InvertibilityThreshold"/>.</summary>
    public bool IsInitialInvertible { get; }

    /// <summary>Smallest eigenvalue of the unscaled W̃₀ = ΦᵀŪ₀Ū₀ᵀΦ.</summary>
    public double MinEigenvalueW0 { get; }

    /// <summary>Largest eigenvalue of the unscaled W̃₀.</summary>
    public double MaxEigenvalueW0 { get; }

    /// <summary>W(t) = Φ W̃(t) Φᵀ for t ≥ 0.</summary>
    public Matrix<double> At(double t)
    {
        CheckTime(t);
        if (IsInitialInvertible && !double.IsPositiveInfinity(t)) return InvertibleAt(t, rotated: false);
        var wt = RotatedAt(t);
        return Symmetrized(Target.Phi * wt * phiT);
    }

    private static Matrix<double> Symmetrized(Matrix<double> w) => (w + w.Transpose()) * 0.5;

    private static void CheckTime(double t)
    {
        if (double.IsNaN(t) || t < 0)
            throw new ArgumentOutOfRangeException(nameof(t), t, "t must be ≥ 0 (and not NaN)");
    }

    /// <summary>W̃(t) = Φᵀ W(t) Φ for t ≥ 0.</summary>
    public Matrix<double> RotatedAt(double t)
    {
        CheckTime(t);
        if (double.IsPositiveInfinity(t)) return RotatedLimit();
        if (!IsInitialInvertible) return DeficientRotated(t);
        return InvertibleAt(t, rotated: true);
    }

    /// <summary>W(t) on a time grid; the t-independent work (Φᵀ Ū₀, V, the factor Ũ) is done once in the constructor.</summary>
    public IReadOnlyList<Matrix<double>> On(IReadOnlyList<double> times)
    {
        ArgumentNullException.ThrowIfNull(times);
        var result = new Matrix<double>[times.Count];
        for (int i = 0; i < times.Count; i++) result[i] = At(times[i]);
        return result;
    }

    /// <summary>lim_{t→∞} W(t): Y when Φ_YᵀW₀Φ_Y has full rank (Corollary 2's discussion); in general the limit of the
    /// stable form, in which the zero modes vanish (D grows like 2t) and the modes with σ &gt; 0 keep what W̃₀ reaches.</summary>
    public Matrix<double> Limit()
    {
        return Symmetrized(Target.Phi * RotatedLimit() * phiT);
    }

    /// <summary>Eq. (5) evaluated literally as printed: e^{Σt}, G(t) and an explicit inverse of (I + GW̃₀).
    /// It loses accuracy after a few time units and overflows once 2σ₁t &gt; 709 (returns non-finite entries then);
    /// it exists to show why <see cref="At"/> is evaluated differently.</summary>
    public Matrix<double> AsPrintedAt(double t)
    {
        if (double.IsNaN(t) || t < 0)
            throw new ArgumentOutOfRangeException(nameof(t), t, "t must be ≥ 0 (and not NaN)");
        int n = Target.N;
        var w0 = Target.Phi.TransposeThisAndMultiply(Initialization.W0) * Target.Phi;
        var s = Matrix<double>.Build.Dense(n, n);
        var g = Matrix<double>.Build.Dense(n, n);
        for (int i = 0; i < n; i++)
        {
            s[i, i] = sigma[i] > 0 ? Math.Exp(sigma[i] * t) : 1.0;
            g[i, i] = sigma[i] > 0 ? (Math.Exp(2 * sigma[i] * t) - 1) / sigma[i] : 2 * t;
        }
        var m = Matrix<double>.Build.DenseIdentity(n) + g * w0;
        var inv = m.Inverse();
        return Target.Phi * (s * w0 * inv * s) * Target.Phi.Transpose();
    }

    /// <summary>D(t) = diag((1 − e^{−2σt})/σ, 2t) = S⁻¹GS⁻¹, computed with expm1 so small σt keeps full accuracy.</summary>
    private double D(int i, double t) => sigma[i] > 0 ? -Numerics.Expm1(-2 * sigma[i] * t) / sigma[i] : 2 * t;

    /// <summary>
    /// Invertible case: W̃(t) = (S⁻¹VS⁻¹/α + D)⁻¹ = A⁻¹. With a_i = log A_ii (log-sum-exp, never overflows) and
    /// e_i = exp(−σ_i t − ½log α − ½a_i) (≤ 1/√V_ii, so bounded), the equilibrated Â = diag(e) V diag(e) + diag(D_i e^{−a_i})
    /// has unit diagonal; with Â = LLᵀ and E = diag(e^{−a_i/2}), W̃ = E Â⁻¹ E = XᵀX for X = L⁻¹E, and
    /// W = ΦW̃Φᵀ = GᵀG for G = L⁻¹EΦᵀ (<paramref name="rotated"/> = false). PSD and symmetric by construction.
    /// </summary>
    private Matrix<double> InvertibleAt(double t, bool rotated)
    {
        int n = sigma.Length;
        var e = new double[n];
        var scale = new double[n];
        var a = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            double x = -sigma[i] * t - 0.5 * logAlpha;               // log of the i-th factor of S⁻¹/√α
            double logA = 2 * x + logVDiag![i];                      // log of (S⁻¹VS⁻¹/α)_ii
            double d = D(i, t);
            double la = d > 0 ? Numerics.LogAddExp(logA, Math.Log(d)) : logA;
            e[i] = Math.Exp(x - 0.5 * la);
            scale[i] = Math.Exp(-0.5 * la);
            a[i * n + i] = d * Math.Exp(-la);
        }
        for (int i = 0; i < n; i++)
            DenseKernels.Axpy(a.AsSpan(i * n, n), e[i], ScaledRow(i, e));
        DenseKernels.Cholesky(a, n);
        var rhs = new double[n * n];
        for (int i = 0; i < n; i++)
            if (rotated) rhs[i * n + i] = scale[i];
            else for (int c = 0; c < n; c++) rhs[i * n + c] = scale[i] * phiTArray[i * n + c];
        DenseKernels.ForwardSubstitute(a, n, rhs, n);
        return Matrix<double>.Build.Dense(n, n, DenseKernels.Gram(rhs, n, n)); // exactly symmetric, so row- and column-major agree
    }

    /// <summary>Row i of V scaled entrywise by e (V diag(e)).</summary>
    private double[] ScaledRow(int i, double[] e)
    {
        int n = e.Length;
        var row = new double[n];
        for (int j = 0; j < n; j++) row[j] = vArray![i * n + j] * e[j];
        return row;
    }

    private Matrix<double> DeficientRotated(double t)
    {
        var f = DeficientFactor(t);
        var w = f * f.Transpose();
        return (w + w.Transpose()) * 0.5;
    }

    /// <summary>Longest step σ_max·h of one closed-form evaluation in the rank-deficient form; longer times re-anchor
    /// with the semigroup property W(t + h) = flow_h(W(t)), so the graded factor below never spans more than e^{±300}.</summary>
    private const double MaxAnchorExponent = 300;

    /// <summary>F(t) with W̃(t) = F Fᵀ (n×r), for rank-deficient W̃₀ = αŨŨᵀ.</summary>
    private Matrix<double> DeficientFactor(double t)
    {
        int n = sigma.Length;
        var u = uTilde!;
        if (u.ColumnCount == 0) return Matrix<double>.Build.Dense(n, 0);
        double smax = sigma.Max();
        double la = logAlpha;
        if (smax > 0)
        {
            double h = MaxAnchorExponent / smax;
            while (t > h)
            {
                u = DeficientStep(u, la, h);
                la = 0;   // the new factor already carries the scale
                t -= h;
            }
        }
        return DeficientStep(u, la, t);
    }

    /// <summary>One evaluation of W̃ = B(I/α + BᵀDB)⁻¹Bᵀ, B = SŨ, returned as a factor F = Q·E·L̂⁻ᵀ.
    /// With B̂ = e^{−σ_max t}B = QR̂ and P = R⁻¹ = R̂⁻¹e^{−σ_max t} (bounded by 1/σ_min(Ũ) since S ⪰ I):
    /// W̃ = Q (PᵀP/α + QᵀDQ)⁻¹ Qᵀ. The r×r matrix K = PᵀP/α + QᵀDQ is equilibrated in log space (unit diagonal)
    /// before its Cholesky factorization K̂ = L̂L̂ᵀ, so α down to the smallest double, and below, is handled.</summary>
    private Matrix<double> DeficientStep(Matrix<double> u, double la, double t)
    {
        int n = sigma.Length, r = u.ColumnCount;
        double smax = sigma.Max();
        var bHat = Matrix<double>.Build.Dense(n, r, (i, j) => Math.Exp((sigma[i] - smax) * t) * u[i, j]);
        var qr = bHat.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin);
        var q = qr.Q;
        var p = qr.R.Solve(Matrix<double>.Build.DenseIdentity(r)) * Math.Exp(-smax * t);
        var ptp = p.TransposeThisAndMultiply(p);
        var dvec = Enumerable.Range(0, n).Select(i => D(i, t)).ToArray();
        var m = q.TransposeThisAndMultiply(Matrix<double>.Build.DenseOfDiagonalArray(dvec) * q);
        var logKd = new double[r];
        for (int a = 0; a < r; a++)
        {
            double x = Math.Log(ptp[a, a]) - la;
            logKd[a] = m[a, a] > 0 ? Numerics.LogAddExp(x, Math.Log(m[a, a])) : x;
        }
        var kHat = Matrix<double>.Build.Dense(r, r, (a, b) =>
        {
            double scale = -0.5 * (logKd[a] + logKd[b]);
            double first = ptp[a, b] == 0 ? 0 : Math.Sign(ptp[a, b]) * Math.Exp(Math.Log(Math.Abs(ptp[a, b])) - la + scale);
            return first + m[a, b] * Math.Exp(scale);
        });
        kHat = (kHat + kHat.Transpose()) * 0.5;
        var l = kHat.Cholesky().Factor;
        // F = Q E L̂⁻ᵀ: W̃ = Q E K̂⁻¹ E Qᵀ = F Fᵀ.
        var e = Matrix<double>.Build.DenseOfDiagonalArray(logKd.Select(x => Math.Exp(-0.5 * x)).ToArray());
        var lInvT = l.Transpose().Solve(Matrix<double>.Build.DenseIdentity(r));
        return q * e * lInvT;
    }

    private Matrix<double> RotatedLimit()
    {
        int n = sigma.Length;
        // As t → ∞ the zero modes vanish; on the positive modes W̃ → P (P Ũ-restricted). For an invertible W̃₀ the limit is diag(Σ_Y, 0).
        int k = Target.K;
        if (IsInitialInvertible)
            return Matrix<double>.Build.DenseOfDiagonalArray(sigma.Select(s => s > 0 ? s : 0.0).ToArray());
        // Rank-deficient: on the positive modes, W̃ → Ũ_K (Ũ_KᵀΣ⁻¹Ũ_K)⁺ Ũ_Kᵀ restricted — evaluate at a late time instead,
        // where e^{−σ_K t} has underflowed below rounding: the expression is then constant to machine precision.
        double sK = k > 0 ? sigma[k - 1] : 1.0;
        double tLate = (40.0 + Math.Abs(logAlpha)) / sK;
        var late = DeficientRotated(tLate);
        // Remove the zero-mode residue (≈ 1/(2t)) so the returned matrix is the exact limit on that block.
        for (int i = k; i < n; i++)
            for (int j = 0; j < n; j++) { late[i, j] = 0; late[j, i] = 0; }
        return late;
    }
}
