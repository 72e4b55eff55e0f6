namespace IncLearn;

/// <summary>
/// How one evaluation of a large problem uses every core with bits that do not depend on who runs it: its work is cut into
/// pieces whose number depends on n only (<see cref="Count"/>), and the pieces run on every core for a lone
/// <see cref="ClosedFormSolution.At"/> or in turn inside one of <see cref="ClosedFormSolution.On"/>'s workers (a
/// <see cref="PieceTeam"/> runs them). Each entry is
/// computed by the same operations either way. OpenBLAS's own threads would not do: its threaded routines give other last
/// bits than its one-thread ones (see BlasThreadGate), and On needs one thread per worker. Used by the fast path
/// (InverseFactorForm) and by the exact path's products (ClosedFormSolution).
/// </summary>
internal static class Pieces
{
    /// <summary>Problems of order at least this are cut into pieces; below it each product is one BLAS call, as it always was
    /// (the tutorial's problems keep their bits).</summary>
    public const int MinimumSplitOrder = 128;

    /// <summary>The number of pieces for order n: 1 below <see cref="MinimumSplitOrder"/>, 2 below 384, else 4. Few, because
    /// each piece packs its operands again (a dtrsm piece packs all of R̂); 2 and 4 share 2 or 4 cores evenly.</summary>
    public static int Count(int n) => n < MinimumSplitOrder ? 1 : n < 384 ? 2 : 4;

    /// <summary>Start of piece <paramref name="k"/> of <paramref name="count"/> equal pieces of 0..n.</summary>
    public static int Start(int n, int count, int k) => (int)((long)n * k / count);

    /// <summary>The lower triangle of W = XXᵀ (X n×k column-major with leading dimension <paramref name="ldx"/>, W n×n) by
    /// blocks of rows and columns: dsyrk on the <paramref name="count"/> diagonal blocks, dgemm below them (n³ flops in all,
    /// as one dsyrk); block (p, q), q ≤ p, is task p(p + 1)/2 + q.</summary>
    public static void LowerGram(PieceTeam team, ArraySegment<double> x, int ldx, int n, int k, double[] w, int count)
    {
        team.ForEach(count * (count + 1) / 2, task =>
        {
            int p = (int)((Math.Sqrt(8.0 * task + 1) - 1) / 2);
            while (p * (p + 1) / 2 > task) p--;
            while ((p + 1) * (p + 2) / 2 <= task) p++;
            int q = task - p * (p + 1) / 2;
            int row0 = Start(n, count, p), row1 = Start(n, count, p + 1);
            int col0 = Start(n, count, q), col1 = Start(n, count, q + 1);
            if (p == q) NativeLapack.Syrk(false, row1 - row0, k, 1.0, x.AsSpan(row0), ldx, 0.0, w.AsSpan(col0 * n + row0), n);
            else NativeLapack.Gemm(false, true, row1 - row0, col1 - col0, k, 1.0, x.AsSpan(row0), ldx, x.AsSpan(col0), ldx, 0.0, w.AsSpan(col0 * n + row0), n);
        });
    }

    /// <summary>Copies W's lower triangle (n×n column-major) onto its upper one, by column ranges (column j's pass writes row j
    /// only, so the ranges never meet); false when an entry is not finite.</summary>
    public static bool MirrorLower(PieceTeam team, double[] w, int n, int count)
    {
        bool finite = true;
        team.ForEachColumnRange(n, count, (j0, j1) =>
        {
            for (int j = j0; j < j1; j++)
                for (int i = j; i < n; i++)
                {
                    double v = w[j * n + i];
                    if (!double.IsFinite(v)) finite = false;   // only ever cleared: a race between ranges cannot lose it
                    w[i * n + j] = v;
                }
        });
        return finite;
    }
}
