using MathNet.Numerics.LinearAlgebra;

namespace IncLearn;

/// <summary>
/// Proposition 1, eq. (5)–(6) (equivalently eq. (9)): the solution W(t) of the Riccati ODE (4) Ẇ = WY + YW − 2W²,
/// W(0) = W₀ = αŪ₀Ū₀ᵀ, for every initialization shape Ū₀ (invertible or rank-deficient W̃₀, any width r), every log α and
/// every t ∈ [0, ∞], in time independent of t. (Every log α an <see cref="IncLearn.Initialization"/> accepts: it refuses an α for
/// which W₀ itself would overflow, so W(0) = αW̄₀ and every W(t) are finite.)
/// <para>Form evaluated. With Ũ = ΦᵀŪ₀, S, G of eq. (6) and D(t) = S⁻¹GS⁻¹ = diag((1 − e^{−2σ_i t})/σ_i, 2t), Woodbury's
/// identity gives W̃(t) = ΦᵀW(t)Φ = B(I_r/α + BᵀDB)⁻¹Bᵀ with B = SŨ — valid for every Ũ, with no inverse of W̃₀ and no rank
/// rule. It is evaluated as W̃ = F Fᵀ through a Householder QR of the stacked matrix [I_r; diag(√(αd_i)e^{σ_i t})Ũ] whose rows
/// carry their own exponents (see the internal GradedHouseholder): e^{σt} is never formed, only exponent differences
/// (σ_i − σ_j)t, so t up to 1e300 and α far below the double range cost the same as t = 1. W = (ΦF)(ΦF)ᵀ is symmetric and
/// positive semi-definite by construction. For r &gt; n the constructor first replaces Ũ by an n×n factor L of W̃₀ = ŨŨᵀ = LLᵀ
/// (W(t) depends on Ū₀ only through W₀), so each time point costs a 2n×n QR instead of an (n + r)×r one.</para>
/// <para>Fast path. On OpenBLAS (the default where it is found, see NativeLapack), <see cref="At"/> and <see cref="On"/>
/// evaluate an invertible W̃₀ whose inverse factor is well conditioned through LAPACK's blocked routines instead (the internal
/// InverseFactorForm: about 8n³/3 BLAS-3 flops per time against the graded QR's 6.7n³ column by column), and only there: it
/// declines for r &lt; n, for an ill-conditioned inverse factor and for scales beyond e^{±250}, and the exact form above answers.
/// A lone <see cref="At"/> runs on every core from n = 128 on (on the fast path and on the exact one: the graded QR's large
/// steps, ΦF and its Gram), in pieces fixed by n that <see cref="On"/>'s workers run in turn: the same bits either way
/// (see Pieces and PieceTeam). The set-up (this constructor, and the eigendecomposition in
/// <see cref="IncLearn.Target.FromMatrix"/>) runs on one OpenBLAS thread per core from n = 640 on; its last bits may differ
/// between machines with other core counts (by ~1e-14 relative in W(t), tested), never between runs on one machine.</para>
/// <para>Limit t → ∞ (<see cref="Limit"/>). Group the positive eigenvalues of Y into distinct values s₁ &gt; s₂ &gt; … (rows
/// G_g of Ũ), let C_g be the span of the rows of Ũ in earlier groups and M_g = Ũ_{G_g}·(I − Π_{C_g}) the rows of group g with
/// those directions removed. As t → ∞ the weights e^{s_g t} separate the groups completely and D → diag(1/σ, ∞), so
/// W̃(∞) = ⊕_g s_g · Π_{range(M_g)} on the positive modes and 0 on the null space of Y (D = 2t → ∞ there, eq. (13)).
/// For an invertible W̃₀ every Π is the identity and W(∞) = Y; for r &lt; n each group keeps what its rows still reach.
/// The projector's rank is decided at rounding level (singular values of M_g above 64·ε·‖Ũ‖): in double precision a row
/// of Ũ that lies in the span of earlier rows up to rounding cannot be told from one that lies there exactly.</para>
/// </summary>
public sealed class ClosedFormSolution
{
    /// <summary>Theorem 4's rank rule (W̃₀ counts as invertible when λ_min(W̃₀) &gt; this · λ_max(W̃₀)). It only informs
    /// <see cref="IsInitialInvertible"/>; the evaluation of W(t) uses no threshold.</summary>
    public const double InvertibilityThreshold = RotatedInitialShape.InvertibilityThreshold;

    private readonly double[] sigma;          // eigenvalues of Y, length n (zeros for the null space)
    private readonly double logAlpha;
    private readonly int r;                   // columns of Ũ
    private readonly int m;                   // columns of the factor the QR works on: r, or n when r > n (see CompressColumns)
    // The graded QR's input: the rows of that factor scaled to max |entry| = 1 (n×m row-major) and the log of each row's max
    // |entry| (−∞ for a zero row). Prepared on the first exact evaluation: the fast path does not read them, and at n = 1000
    // they cost ~10 ms of the set-up.
    private readonly Lazy<(double[] Mantissa, double[] LogRowNorm)> graded;
    private readonly RotatedInitialShape shape;
    private readonly Lazy<Matrix<double>> rotatedLimit;
    private readonly InverseFactorForm? inverseForm;  // BLAS-3 fast path of At, on OpenBLAS where it is exact (see InverseFactorForm)
    // Workspaces of the per-time QR, reused: repeated calls allocate nothing, and On's parallel workers keep one each
    // (at n = 1000 a workspace holds 64 MB).
    private readonly System.Collections.Concurrent.ConcurrentBag<Workspace> spares = [];

    /// <summary>Prepares the t-independent quantities: Ũ = ΦᵀŪ₀ and, on OpenBLAS, the fast path's factors; the exact path's row
    /// scaling of Ũ (and, for r &gt; n, an n×n factor of W̃₀) on its first evaluation.</summary>
    /// <exception cref="ArgumentException">the shape's row count differs from n.</exception>
    public ClosedFormSolution(Target target, Initialization initialization) : this(target, initialization, compressWideShapes: true) { }

    /// <summary>As the public constructor; <paramref name="compressWideShapes"/> = false keeps Ũ's r &gt; n columns (tests compare both).</summary>
    internal ClosedFormSolution(Target target, Initialization initialization, bool compressWideShapes)
    {
        Initialization.CheckMatches(target, initialization);
        Target = target;
        Initialization = initialization;
        sigma = target.Eigenvalues.ToArray();
        logAlpha = initialization.LogAlpha;
        int n = target.N;
        // Set-up work on every core (BlasThreadGate.Setup): Ũ = ΦᵀŪ₀ and, on OpenBLAS, the fast path's factors.
        (shape, inverseForm) = BlasThreadGate.Setup(n, () =>
        {
            var rotated = new RotatedInitialShape(target, initialization.Shape);
            // Only on OpenBLAS: with INCLEARN_NATIVE=0 (or no library) every point runs the exact graded QR.
            var form = NativeLapack.IsPreferred ? InverseFactorForm.TryCreate(target, rotated.UTilde, initialization.LogAlpha) : null;
            return (rotated, form);
        });
        r = shape.UTilde.ColumnCount;
        bool compress = compressWideShapes && r > n;
        m = compress ? n : r;
        graded = new Lazy<(double[], double[])>(() => ScaleRows(shape.UTilde, compress));
        rotatedLimit = new Lazy<Matrix<double>>(ComputeRotatedLimit);
    }

    /// <summary>Whether <see cref="At"/> evaluates through the BLAS-3 fast path (OpenBLAS in use, W̃₀ invertible with a
    /// well-conditioned inverse factor; see the internal InverseFactorForm).</summary>
    internal bool UsesInverseFactorForm => inverseForm != null;

    /// <summary>The fast path's bound q ≥ ‖M‖₂ (see InverseFactorForm.ConditionBound; null when it is not used).</summary>
    internal double? InverseFactorConditionBound => inverseForm?.ConditionBound;

    /// <summary>The target Y.</summary>
    public Target Target { get; }

    /// <summary>The initialization U(0) = α^{1/2} Ū₀.</summary>
    public Initialization Initialization { get; }

    /// <summary>True when W̃₀ = ΦᵀŪ₀Ū₀ᵀΦ is numerically invertible (Theorem 4's setting), see <see cref="InvertibilityThreshold"/>.
    /// Informative only: <see cref="At"/> treats every W̃₀ alike.</summary>
    public bool IsInitialInvertible => shape.IsInvertible;

    /// <summary>Smallest eigenvalue of the unscaled W̃₀ = ΦᵀŪ₀Ū₀ᵀΦ (σ_min(Ũ)², 0 when r &lt; n).</summary>
    public double MinEigenvalueW0 => shape.MinEigenvalue;

    /// <summary>Largest eigenvalue of the unscaled W̃₀ (σ_max(Ũ)²).</summary>
    public double MaxEigenvalueW0 => shape.MaxEigenvalue;

    /// <summary>W(t) = Φ W̃(t) Φᵀ for t ∈ [0, ∞] (t = +∞ gives <see cref="Limit"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">t is negative or NaN.</exception>
    /// <remarks>On the fast path a large problem's evaluation is cut into pieces that run on every core; <see cref="On"/>
    /// runs the same pieces in turn inside each worker, so both give the same bits.</remarks>
    public Matrix<double> At(double t)
    {
        Numerics.CheckTime(t, nameof(t));
        return Evaluate(t, allCores: true);
    }

    /// <summary>As <see cref="At"/> on the calling thread's core only, as one of <see cref="On"/>'s workers computes it (the
    /// benchmarks compare both).</summary>
    internal Matrix<double> AtOneCore(double t)
    {
        Numerics.CheckTime(t, nameof(t));
        return Evaluate(t, allCores: false);
    }

    private Matrix<double> Evaluate(double t, bool allCores)
    {
        if (double.IsPositiveInfinity(t)) return Limit();
        if (inverseForm?.TryAt(t, allCores) is { } fast) return fast;
        int n = sigma.Length, pieces = Pieces.Count(n);
        if (pieces == 1 || !NativeLapack.IsPreferred || !NativeLapack.HasSymmetricProducts) return Gram(NativeLapack.Multiply(Target.Phi, false, FactorAt(t, allCores), false));
        // Large problems on OpenBLAS: P = ΦF by blocks of rows and W = PPᵀ by blocks (see Pieces), on every core for a lone
        // At, in turn inside On's workers, with the same bits.
        var factor = FactorAt(t, allCores);
        var f = factor.AsColumnMajorArray() ?? factor.ToColumnMajorArray();
        var phi = Target.Phi.AsColumnMajorArray() ?? Target.Phi.ToColumnMajorArray();
        var p = PrefaultedArray.Allocate(n * m);
        var w = PrefaultedArray.Allocate(n * n);
        PieceTeam.Run(allCores, team =>
        {
            team.ForEach(pieces, k =>
            {
                int i0 = Pieces.Start(n, pieces, k), i1 = Pieces.Start(n, pieces, k + 1);
                NativeLapack.Gemm(false, false, i1 - i0, m, n, 1.0, phi.AsSpan(i0), n, f, n, 0.0, p.AsSpan(i0), n);
            });
            Pieces.LowerGram(team, p, n, n, m, w, pieces);
            Pieces.MirrorLower(team, w, n, pieces);   // F is finite, so W is
        });
        return Matrix<double>.Build.Dense(n, n, w);
    }

    /// <summary>W̃(t) = Φᵀ W(t) Φ for t ∈ [0, ∞].</summary>
    /// <exception cref="ArgumentOutOfRangeException">t is negative or NaN.</exception>
    public Matrix<double> RotatedAt(double t)
    {
        Numerics.CheckTime(t, nameof(t));
        if (double.IsPositiveInfinity(t)) return rotatedLimit.Value.Clone();
        return Gram(FactorAt(t, allCores: true));
    }

    /// <summary>W(t) on a time grid (any order, +∞ allowed); the t-independent work is done once in the constructor and the
    /// time points are evaluated in parallel on all cores, each worker reusing its own QR workspace. Every point is computed
    /// by the same operations whatever the thread, so the result does not depend on the timing.</summary>
    /// <exception cref="ArgumentException">a time is negative or NaN (the message names its index).</exception>
    public IReadOnlyList<Matrix<double>> On(IReadOnlyList<double> times)
    {
        Numerics.CheckTimes(times, nameof(times), sorted: false, allowInfinity: true);
        var result = new Matrix<double>[times.Count];
        // One evaluation per worker, each on its one core: its pieces run in turn (the same pieces as a lone At's). Fewer
        // times than cores: one after another, each on every core. (int i): with an untyped i, Stryker's mutated copy of this
        // lambda bound to Parallel.For's long overload (CS1503 on times[i]) and its Safe Mode dropped every mutant of On
        // (issue 25); the explicit type leaves one overload.
        bool fewTimes = times.Count < Environment.ProcessorCount;
        Parallel.For(0, times.Count, fewTimes ? Numerics.OneWorker : Numerics.OneWorkerPerCore, (int i) => result[i] = Evaluate(times[i], allCores: fewTimes));
        return result;
    }

    /// <summary>lim_{t→∞} W(t), in closed form (see the class summary): Y when W̃₀ is invertible; for a rank-deficient W̃₀,
    /// ⊕_g s_g·Π_{range(M_g)} in Y's eigenbasis.</summary>
    public Matrix<double> Limit() =>
        Numerics.Symmetrize(NativeLapack.Multiply(NativeLapack.Multiply(Target.Phi, false, rotatedLimit.Value, false), false, Target.Phi, true));

    /// <summary>Eq. (5) evaluated literally as printed: e^{Σt}, G(t) and an explicit inverse of (I + GW̃₀).
    /// It loses accuracy after a few time units and overflows once 2σ₁t &gt; 709 (returns non-finite entries then);
    /// it exists to show why <see cref="At"/> is evaluated differently.</summary>
    public Matrix<double> AsPrintedAt(double t)
    {
        Numerics.CheckTime(t, nameof(t), allowInfinity: false);
        int n = Target.N;
        var w0 = shape.W0 * Initialization.Alpha;
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

    /// <summary>F(t) (n×min(r, n)) with W̃(t) = F Fᵀ, finite t ≥ 0; <paramref name="allCores"/>: the graded QR's large steps
    /// on every core (the same bits, see GradedHouseholder.Factor).</summary>
    internal Matrix<double> FactorAt(double t, bool allCores = false)
    {
        int n = sigma.Length;
        var ws = Rent();
        try
        {
            var f = ws.F;
            // A helper only where a step can reach the QR's parallel threshold (not for the tutorial's small problems).
            if (allCores && Environment.ProcessorCount > 1 && (long)m * (n + m) >= GradedHouseholder.MinimumParallelWork)
                PieceTeam.Run(true, team => ws.Qr.Factor(graded.Value.Mantissa, graded.Value.LogRowNorm, sigma, logAlpha, t, f, Environment.ProcessorCount, team));
            else ws.Qr.Factor(graded.Value.Mantissa, graded.Value.LogRowNorm, sigma, logAlpha, t, f);
            // Column-major copy: the layout MathNet's dense storage keeps.
            var columnMajor = PrefaultedArray.Allocate(n * m);
            for (int i = 0; i < n; i++)
                for (int j = 0; j < m; j++) columnMajor[j * n + i] = f[i * m + j];
            return Matrix<double>.Build.Dense(n, m, columnMajor);
        }
        finally { Return(ws); }
    }

    /// <summary>Writes W̃(t) = ΦᵀW(t)Φ (n×n, row-major, exactly symmetric) into <paramref name="w"/> for t ∈ [0, ∞], allocating
    /// nothing: the hot path of the measurements, which work in Y's eigenbasis (‖W − Ŷ_k‖₂ = ‖W̃ − Σ_k‖₂, Φ orthogonal).
    /// Same F as <see cref="RotatedAt"/>; W̃ = F Fᵀ is summed here in another order, so the last bits may differ.</summary>
    internal void RotatedInto(double t, Span<double> w)
    {
        int n = sigma.Length;
        if (double.IsPositiveInfinity(t))
        {
            var lim = rotatedLimit.Value;
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++) w[i * n + j] = lim[i, j];
            return;
        }
        var ws = Rent();
        try
        {
            var f = ws.F;
            ws.Qr.Factor(graded.Value.Mantissa, graded.Value.LogRowNorm, sigma, logAlpha, t, f);
            for (int i = 0; i < n; i++)
            {
                var fi = f.AsSpan(i * m, m);
                for (int j = 0; j <= i; j++)
                {
                    double v = DenseKernels.Dot(fi, f.AsSpan(j * m, m));
                    w[i * n + j] = v;
                    w[j * n + i] = v;
                }
            }
        }
        finally { Return(ws); }
    }

    /// <summary>The graded QR's input (see <see cref="graded"/>): Ũ's rows scaled to max |entry| = 1 and their logs, compressed to
    /// n columns when <paramref name="compress"/>.</summary>
    private static (double[] Mantissa, double[] LogRowNorm) ScaleRows(Matrix<double> ut, bool compress)
    {
        int n = ut.RowCount, r = ut.ColumnCount;
        // Read column by column from MathNet's column-major storage: its indexer costs more than the work.
        var u = ut.AsColumnMajorArray() ?? ut.ToColumnMajorArray();
        var rowMax = new double[n];
        for (int j = 0; j < r; j++)
            for (int i = 0; i < n; i++) rowMax[i] = Math.Max(rowMax[i], Math.Abs(u[j * n + i]));
        var rowScaled = PrefaultedArray.Allocate(n * r, zeroed: true);
        var logRowNorm = new double[n];
        for (int i = 0; i < n; i++)
        {
            double s = rowMax[i];
            logRowNorm[i] = s > 0 ? Math.Log(s) : double.NegativeInfinity;
            if (s > 0)
                for (int j = 0; j < r; j++) rowScaled[i * r + j] = u[j * n + i] / s;
        }
        return (compress ? CompressColumns(rowScaled, logRowNorm, n, r) : rowScaled, logRowNorm);
    }

    /// <summary>
    /// For r &gt; n: the n×n lower-triangular L with LLᵀ = XXᵀ for the row-scaled Ũ = diag(e^{logRowNorm})X, returned row-scaled
    /// again (logRowNorm updated in place). W(t) depends on Ū₀ only through W₀ = αŪ₀Ū₀ᵀ, so any factor of W̃₀ gives the same W(t),
    /// and the per-time QR shrinks from (n + r)×r to 2n×n. Householder reflections applied from the right transform each row
    /// separately: each row of L is exact for a row of X perturbed relative to its own norm (Higham, Accuracy and Stability of
    /// Numerical Algorithms, Thm 19.4, transposed) — the row-wise accuracy the graded QR itself keeps for rows of any scale.
    /// </summary>
    private static double[] CompressColumns(double[] x, double[] logRowNorm, int n, int r)
    {
        var a = (double[])x.Clone();
        var v = new double[r];
        for (int k = 0; k < n; k++)
        {
            double norm2 = 0;
            for (int j = k; j < r; j++) norm2 += a[k * r + j] * a[k * r + j];
            double norm = Math.Sqrt(norm2);
            // Rows have max |entry| = 1: a remainder below 1e-150 of the row is left in place (what is dropped below changes
            // the row by less than 1e-150 relative), and β = 1/(‖x‖² − αx₀) stays finite.
            if (norm < 1e-150) continue;
            double x0 = a[k * r + k], alpha = -Math.CopySign(norm, x0);
            for (int j = k; j < r; j++) v[j] = a[k * r + j];
            v[k] = x0 - alpha;
            double beta = 1 / (norm2 - alpha * x0);
            for (int i = k; i < n; i++)
            {
                var row = a.AsSpan(i * r + k, r - k);
                double gamma = beta * DenseKernels.Dot(row, v.AsSpan(k));
                if (gamma != 0) DenseKernels.Axpy(row, -gamma, v.AsSpan(k));
            }
        }
        var l = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            double s = 0;
            for (int j = 0; j <= i; j++) s = Math.Max(s, Math.Abs(a[i * r + j]));
            if (s == 0) { logRowNorm[i] = double.NegativeInfinity; continue; }
            logRowNorm[i] += Math.Log(s);
            for (int j = 0; j <= i; j++) l[i * n + j] = a[i * r + j] / s;
        }
        return l;
    }

    /// <summary>The QR workspace and the buffer for F, sized for this solution.</summary>
    private sealed record Workspace(GradedHouseholder Qr, double[] F);

    private Workspace Rent() => spares.TryTake(out var ws) ? ws : new Workspace(new GradedHouseholder(sigma.Length, m), new double[sigma.Length * m]);

    private void Return(Workspace ws) => spares.Add(ws);

    /// <summary>F Fᵀ, exactly symmetric.</summary>
    private static Matrix<double> Gram(Matrix<double> f) => Numerics.Symmetrize(NativeLapack.Multiply(f, false, f, true));

    private Matrix<double> ComputeRotatedLimit()
    {
        int n = sigma.Length;
        var ut = shape.UTilde;
        var w = Matrix<double>.Build.Dense(n, n);
        double tol = 64 * 2.220446049250313e-16 * Math.Max(ut.L2Norm(), double.Epsilon);
        var claimed = Matrix<double>.Build.Dense(r, 0);
        int i0 = 0;
        while (i0 < n && sigma[i0] > 0)
        {
            // A group: the eigenvalues equal to sigma[i0] within the target's relative tolerance.
            int i1 = i0 + 1;
            while (i1 < n && sigma[i1] > 0 && sigma[i0] - sigma[i1] <= Target.DefaultRelativeTolerance * sigma[i0]) i1++;
            int size = i1 - i0;
            var rows = ut.SubMatrix(i0, size, 0, r);
            for (int pass = 0; pass < 2 && claimed.ColumnCount > 0; pass++)
                rows -= rows * claimed * claimed.Transpose();
            var svd = rows.Svd(computeVectors: true);
            int rank = svd.S.Count(s => s > tol);
            if (rank > 0)
            {
                var u = svd.U.SubMatrix(0, size, 0, rank);
                var proj = u * u.Transpose();
                double level = sigma.Skip(i0).Take(size).Average();
                for (int a = 0; a < size; a++)
                    for (int c = 0; c < size; c++)
                        w[i0 + a, i0 + c] = level * 0.5 * (proj[a, c] + proj[c, a]);
                var vt = svd.VT.SubMatrix(0, rank, 0, r).Transpose();
                claimed = claimed.Append(vt);
            }
            i0 = i1;
        }
        return w;
    }
}
