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
/// q = ‖(MMᵀ)²‖_F^{1/4} ≥ ‖M‖₂ (<see cref="ConditionBound"/>). Measured against 100–12,000-digit references, the error
/// stayed ≤ 0.72·ε·‖M‖₂ wherever the scales were in range: on the stored ones (tests/IncLearn.Tests/Reference, with shapes
/// ill-conditioned in rotated directions up to q ≈ 3.3e3; 110 matrices answered, error ≤ 6.5e-14) and on one-off sweeps
/// of the same form written in NumPy (make_reference.py with STRESS=1, and rotated shapes up to cond 1e10 for n ≤ 24; the 0.72
/// at n = 3, ‖M‖₂ = 3.4e5). The fast and exact paths agree to 2.5e-14 on the n = 500 benchmark problem. So the form is used
/// only when q ≤ <see cref="MaxConditionBound"/> (then the error is ≤ 3.3e-13 by that envelope; issue 13 asks for 1e-12) and each
/// column scale s_j lies within e^{±<see cref="MaxLogScale"/>}; otherwise it declines and the exact path answers. Shapes with
/// r &lt; n never take it.</para>
/// <para>Cores. From n = <see cref="Pieces.MinimumSplitOrder"/> on, an evaluation is cut into pieces whose number depends on n only
/// (<see cref="Pieces.Count"/>): dtpqrt's trailing updates by columns (its blocked loop written out: dtpqrt2, then dtprfb per
/// piece), dtrsm by rows, XXᵀ by blocks. A lone call runs the pieces on every core, <see cref="ClosedFormSolution.On"/>'s workers
/// run them in turn, with the same bits. OpenBLAS's own threads are not used here: they change the last bits with the thread
/// count (see BlasThreadGate), which would make At and On disagree.</para>
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

    /// <summary>q ≥ ‖M‖₂ = 1/σ_min(R̄₀), M = diag(‖R₀e_j‖)·T: the first of ‖M‖_F, ‖MMᵀ‖_F^{1/2}, ‖(MMᵀ)²‖_F^{1/4} that is ≤
    /// <see cref="MaxConditionBound"/> (see InverseNormBound).</summary>
    public double ConditionBound { get; }

    /// <summary>The form for Ũ (n×r), or null when it does not apply: r &lt; n, T singular, q above
    /// <see cref="MaxConditionBound"/>, or OpenBLAS's routines absent.</summary>
    public static InverseFactorForm? TryCreate(Target target, Matrix<double> uTilde, double logAlpha)
    {
        int n = target.N, r = uTilde.ColumnCount;
        if (r < n || n == 0 || !NativeLapack.HasInverseFactorRoutines || double.IsNegativeInfinity(logAlpha)) return null;
        // T and R₀ = T⁻¹ are formed in aligned scratch memory (see AlignedScratch: pinned managed temporaries cost more to
        // fault in than the LAPACK calls at small n); R₀ is then kept in a plain array.
        using var factored = NativeLapack.RqFactor(uTilde.AsColumnMajorArray() ?? uTilde.ToColumnMajorArray(), n, r);
        var t = factored.Span[((r - n) * n)..];   // T: the upper triangle of the last n columns (the reflectors lie below it)
        using var inverse = new AlignedScratch(n * n);
        var r0 = inverse.Span;
        for (int j = 0; j < n; j++)
        {
            t.Slice(j * n, j + 1).CopyTo(r0.Slice(j * n));
            r0.Slice(j * n + j + 1, n - j - 1).Clear();
        }
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
        double q = InverseNormBound(t, columnNorm, n, NativeLapack.HasTriangularGram);
        if (!(q <= MaxConditionBound)) return null;
        // R₀ is read by the evaluation's own loops only (no alignment needed). Φ is read, never written: the target's own
        // storage (the exact path reads it too).
        var kept = PrefaultedArray.Allocate(n * n);
        r0.CopyTo(kept);
        return new InverseFactorForm(n, target.Eigenvalues.ToArray(), logAlpha, kept, logColumnNorm, target.Phi.AsColumnMajorArray() ?? target.Phi.ToColumnMajorArray(), q);
    }

    /// <summary>An upper bound q on ‖M‖₂, M = diag(‖R₀e_j‖)·T = R̄₀⁻¹: the first of three, each tighter and dearer, that is
    /// already ≤ <see cref="MaxConditionBound"/> (else the last): ‖M‖_F (no product), ‖MMᵀ‖_F^{1/2} (one dlauum, or dsyrk where
    /// OpenBLAS lacks it) and ‖(MMᵀ)²‖_F^{1/4} (and one dgemm), all ≥ ‖M‖₂ since ‖A‖₂ ≤ ‖A‖_F and ‖(MMᵀ)^k‖₂ = ‖M‖₂^{2k}
    /// (MMᵀ is taken because M is triangular and dlauum forms it in a third of dsyrk's flops). On the n = 1000 benchmark
    /// problem they are 8.9×, 2.2× and 1.3× ‖M‖₂ (the second decides there). <paramref name="t"/>: T column-major, its strictly
    /// lower triangle not read. <paramref name="triangularGram"/>: form MMᵀ with dlauum (where OpenBLAS has it) or dsyrk; the
    /// tests run both.</summary>
    internal static double InverseNormBound(ReadOnlySpan<double> t, double[] columnNorm, int n, bool triangularGram)
    {
        // M = diag(‖R₀e_j‖)·T, column-major, zeros below the diagonal (dsyrk reads the whole square).
        using var m = new AlignedScratch(n * n, zeroed: true);
        var mm = m.Span;
        for (int k = 0; k < n; k++)
            for (int i = 0; i <= k; i++) mm[k * n + i] = columnNorm[i] * t[k * n + i];
        double q = Frobenius(mm);
        if (q <= MaxConditionBound || double.IsNaN(q)) return q;
        using var gram = triangularGram ? null : new AlignedScratch(n * n);   // MMᵀ's lower triangle by dsyrk (β = 0), the mirror the upper
        if (triangularGram) NativeLapack.UpperTriangularGram(mm, n);          // MMᵀ's upper triangle, in M's place
        else NativeLapack.Syrk(false, n, n, 1.0, mm, n, 0.0, gram!.Span, n);
        var b = triangularGram ? mm : gram!.Span;
        q = Math.Sqrt(SymmetricFrobenius(b, n, upper: triangularGram));
        if (q <= MaxConditionBound || double.IsNaN(q)) return q;
        for (int j = 0; j < n; j++)   // the other triangle, mirrored: the product needs the full symmetric matrix
            for (int i = j + 1; i < n; i++)
            {
                if (triangularGram) b[j * n + i] = b[i * n + j];
                else b[i * n + j] = b[j * n + i];
            }
        using var square = new AlignedScratch(n * n);
        NativeLapack.Gemm(false, false, n, n, n, 1.0, b, n, b, n, 0.0, square.Span, n);   // (MMᵀ)²
        return Math.Sqrt(Math.Sqrt(Frobenius(square.Span)));
    }

    /// <summary>‖S‖_F of a symmetric n×n S (column-major) from one triangle, the other counted twice; scaled as
    /// <see cref="Frobenius"/>.</summary>
    private static double SymmetricFrobenius(ReadOnlySpan<double> s, int n, bool upper)
    {
        double scale = 0;
        for (int j = 0; j < n; j++)
            foreach (double v in upper ? s.Slice(j * n, j + 1) : s.Slice(j * n + j, n - j)) scale = Math.Max(scale, Math.Abs(v));
        if (!(scale > 0) || double.IsInfinity(scale)) return scale;
        double offDiagonal = 0, diagonal = 0;
        for (int j = 0; j < n; j++)
        {
            double d = s[j * n + j] / scale;
            diagonal += d * d;
            foreach (double v in upper ? s.Slice(j * n, j) : s.Slice(j * n + j + 1, n - j - 1)) offDiagonal += (v / scale) * (v / scale);
        }
        return scale * Math.Sqrt(2 * offDiagonal + diagonal);
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

    /// <summary>Columns of dtpqrt's trailing update per piece, at least (narrower updates are not cut further).</summary>
    private const int PieceWidth = 64;

    /// <summary>Buffers of one evaluation, reused (one per concurrent caller): 64-byte aligned, so that dtpqrt gives the same
    /// bits on every call (see <see cref="AlignedBuffer"/>); each piece of a split update uses the part of
    /// <see cref="Work"/> that lies at its columns.</summary>
    private sealed class Workspace(int n, int nb)
    {
        public readonly AlignedBuffer A = new(n * n), Bottom = new(n * n), X = new(n * n), TBlock = new(nb * n), Work = new(nb * n);
        public readonly double[] LogS = new double[n], TopScale = new double[n], BottomDiagonal = new double[n];
    }

    private readonly System.Collections.Concurrent.ConcurrentBag<Workspace> spares = [];

    /// <summary>W(t) for a finite t ≥ 0, or null when a column scale leaves e^{±<see cref="MaxLogScale"/>} or the result is not
    /// finite (the caller then uses the exact path). With <paramref name="allCores"/> the pieces of the evaluation run on
    /// every core; without, in turn on the calling thread (a parallel caller's worker). The bits are the same either way.</summary>
    public Matrix<double>? TryAt(double t, bool allCores = false)
    {
        int nb = Math.Min(BlockSize, n), pieces = Pieces.Count(n);
        var ws = spares.TryTake(out var spare) ? spare : new Workspace(n, nb);
        try { return Evaluate(t, ws, nb, pieces, allCores && pieces > 1 && Environment.ProcessorCount > 1); }
        finally { spares.Add(ws); }
    }

    private Matrix<double>? Evaluate(double t, Workspace ws, int nb, int pieces, bool allCores)
    {
        var logS = ws.LogS;
        var topScale = ws.TopScale;
        var bottomDiagonal = ws.BottomDiagonal;
        for (int j = 0; j < n; j++)
        {
            double logC = -sigma[j] * t - 0.5 * logAlpha;
            double logHalfD = 0.5 * Math.Log(Numerics.D(sigma[j], t));   // −∞ at t = 0
            double ls = Math.Max(logC + logColumnNorm[j], logHalfD);
            if (!(Math.Abs(ls) <= MaxLogScale)) return null;
            logS[j] = ls;
            topScale[j] = Math.Exp(logC - ls);
            bottomDiagonal[j] = Math.Exp(logHalfD - ls);
        }
        // The pair's upper triangles: the top R₀ with scaled columns, the bottom diagonal. dtpqrt neither reads nor writes
        // their strictly lower parts (R and the reflectors are upper triangular), which stay as the zero-filled workspace
        // began, so only the upper triangles are written here.
        var aBuf = ws.A;
        var bBuf = ws.Bottom;
        var xBuf = ws.X;
        double[]? w = null;
        bool finite = false;
        PieceTeam.Run(allCores, team =>
        {
            team.ForEachColumnRange(n, pieces, (j0, j1) =>
            {
                var a = aBuf.Span;
                var bottom = bBuf.Span;
                for (int j = j0; j < j1; j++)
                {
                    double scale = topScale[j];
                    for (int i = 0; i <= j; i++) a[j * n + i] = r0[j * n + i] * scale;
                    bottom.Slice(j * n, j).Clear();
                    bottom[j * n + j] = bottomDiagonal[j];
                }
            });
            if (pieces == 1) NativeLapack.TriangularPairQr(n, nb, aBuf.Span, bBuf.Span, ws.TBlock.Span, ws.Work.Span);
            else SplitTriangularPairQr(team, ws, nb, pieces);
            // X = Φ·S⁻¹, then X ← X·R̂⁻¹ (rows solved independently: dtrsm per block of rows), then W = XXᵀ.
            team.ForEachColumnRange(n, pieces, (j0, j1) =>
            {
                var x = xBuf.Span;
                for (int j = j0; j < j1; j++)
                {
                    double inv = Math.Exp(-logS[j]);
                    for (int i = 0; i < n; i++) x[j * n + i] = phi[j * n + i] * inv;
                }
            });
            team.ForEach(pieces, k =>
            {
                int i0 = Pieces.Start(n, pieces, k), i1 = Pieces.Start(n, pieces, k + 1);
                NativeLapack.SolveRightUpper(i1 - i0, n, aBuf.Span, xBuf.Span[i0..], n);
            });
            w = PrefaultedArray.Allocate(n * n);   // every entry is written: the lower triangle by the products, the upper by the mirror
            Pieces.LowerGram(team, xBuf.Segment, n, n, n, w, pieces);
            finite = Pieces.MirrorLower(team, w, n, pieces);
        });
        return finite ? Matrix<double>.Build.Dense(n, n, w!) : null;
    }

    /// <summary>dtpqrt (M = N = L = n, block size nb) written out: per block of nb columns, the panel's QR (dtpqrt2) and then
    /// its block reflector applied to the columns to its right (dtprfb) — columns that it transforms independently. With a
    /// look-ahead: the next panel's columns are updated first, in a task of their own that then factors that panel, while
    /// the other tasks update the remaining columns in pieces of fixed width (by n and the panel only). So the panel's
    /// BLAS-2 work overlaps the trailing update instead of leaving the other core idle. The tasks may run on every core or in
    /// turn, with the same bits. The loop bounds are LAPACK's (MB = min(M − L + I + IB − 1, M), LB = MB − M + L − I + 1, or 0
    /// once I ≥ L, in its 1-based terms).</summary>
    private void SplitTriangularPairQr(PieceTeam team, Workspace ws, int nb, int pieces)
    {
        var aBuf = ws.A;
        var bBuf = ws.Bottom;
        var tBuf = ws.TBlock;
        var workBuf = ws.Work;
        void PanelQr(int i)
        {
            int ib = Math.Min(n - i, nb), mb = Math.Min(i + ib, n), lb = i + 1 >= n ? 0 : mb - i;
            NativeLapack.TriangularPairPanelQr(mb, ib, lb, aBuf.Span[(i * n + i)..], n, bBuf.Span[(i * n)..], n, tBuf.Span[(i * nb)..], nb);
        }
        // Panel i's reflector applied to columns [c0, c1), which lie in [first, n), first = i + ib.
        void Update(int i, int c0, int c1)
        {
            int ib = Math.Min(n - i, nb), mb = Math.Min(i + ib, n), lb = i + 1 >= n ? 0 : mb - i, first = i + ib;
            NativeLapack.ApplyTriangularPairReflector(mb, c1 - c0, ib, lb,
                bBuf.Span[(i * n)..], n, tBuf.Span[(i * nb)..], nb,
                aBuf.Span[(c0 * n + i)..], n, bBuf.Span[(c0 * n)..], n,
                workBuf.Span.Slice(ib * (c0 - first), ib * (c1 - c0)));
        }
        PanelQr(0);
        for (int i = 0; i + nb < n; i += nb)
        {
            int first = i + nb, next = Math.Min(nb, n - first), rest = n - first - next;
            int count = rest == 0 ? 0 : Math.Min(pieces, (rest + PieceWidth - 1) / PieceWidth);
            int panel = i;
            team.ForEach(1 + count, k =>
            {
                if (k == 0)
                {
                    Update(panel, first, first + next);
                    PanelQr(first);
                }
                else Update(panel, first + next + Pieces.Start(rest, count, k - 1), first + next + Pieces.Start(rest, count, k));
            });
        }
    }
}
