namespace IncLearn;

/// <summary>
/// The factor F(t) of Proposition 1 in rotated coordinates, W̃(t) = ΦᵀW(t)Φ = F Fᵀ, computed with a Householder QR whose rows
/// carry their own exponents, so that no scale of the problem (e^{σt} for t up to 1e300, α far below the double range) is
/// ever formed as a number.
/// <para>Derivation. With Ũ = ΦᵀŪ₀ (n×m), B = S(t)Ũ and D(t) = S⁻¹GS⁻¹ = diag((1 − e^{−2σ_i t})/σ_i, 2t), Woodbury's
/// identity turns eq. (5) into W̃ = B(I_m/α + BᵀDB)⁻¹Bᵀ. Let N = [A; I_m] with A = diag(g)Ũ, g_i = √(α d_i)·e^{σ_i t}; then
/// NᵀN = α(I/α + BᵀDB), and with the thin QR N = QR, W̃ = D^{−½}Q_A Q_Aᵀ D^{−½}, Q_A the rows of Q that belong to A.
/// No threshold on the rank of Ũ enters: the identity block keeps N of full column rank for every Ũ, invertible or not.</para>
/// <para>Numerics. Row i of N is stored as e^{ρ_i}·x_i with a mantissa row x_i (max |entry| = 1) and ρ_i = σ_i t + b_i kept
/// as the pair (σ_i, b_i), so exponent differences (σ_i − σ_j)t + (b_i − b_j) are exact for equal σ even at t = 1e300.
/// The QR uses Powell–Reid pivoting (the column of largest weighted norm, then the row of largest weighted entry in it),
/// which keeps every weight e^{2(ρ_j − ρ_pivot)} used in a sum bounded and makes the factorization row-wise backward stable
/// for rows of any grading (Cox &amp; Higham, BIT 38 (1998)). Q's rows are accumulated in the same graded representation,
/// Q_jl = e^{ρ_j − E_l} ẑ_jl (E_l the pivot exponent of step l), so rows far below the others keep full relative accuracy
/// and rows far above them underflow only in entries that are negligible. F_il = e^{(σ_i − σ_l)t + ½log α + log‖ũ_i‖∞ − b_l} ẑ_il
/// needs no D^{−½}, so t = 0 is covered too. Columns are stored contiguously; every inner loop is a <see cref="DenseKernels"/> call.</para>
/// <para>An instance is a workspace for one size (n, m): its buffers are reused by every call of <see cref="Factor(double[], double[], double[], double, double, Span{double}, int, PieceTeam)"/>,
/// so evaluating many time points allocates nothing. One instance serves one thread at a time.</para>
/// </summary>
internal sealed class GradedHouseholder
{
    private readonly int n, m, rows;
    private readonly double[][] x;            // column c of the working matrix, over row positions
    private readonly double[][] omegaAt;      // ω_j of step k (relative to the pivot row), over row positions
    private readonly double[]?[] scaleAfter;  // renormalization factors applied after step k (valid when hasScale[k]; allocated on first use)
    private readonly double[][] z;            // Q's columns in the graded representation
    private readonly bool[] hasScale;
    private readonly double[] sig, b, omegaA, omegaB, weighted, vhat, rowMax, colNorm, vPivot, vv, pivotSig, pivotB;
    private readonly int[] orig, pivotColumn;
    private readonly bool[] dead, isActive;
    private double[][]? rowMaxParts;          // rowMax of the column chunks after the first, when a step runs on every core

    /// <summary>A step's update runs on every core (when asked) once it touches at least this many entries (active columns
    /// times remaining rows): below it a parallel loop's dispatch costs more than the ~30 µs of work it splits.</summary>
    public const int MinimumParallelWork = 1 << 15;

    /// <summary>A workspace for n rows of Ũ and m columns.</summary>
    public GradedHouseholder(int n, int m)
    {
        this.n = n; this.m = m; rows = n + m;
        x = Jagged(m, rows); omegaAt = Jagged(m, rows); scaleAfter = new double[m][]; z = Jagged(m, rows);
        hasScale = new bool[m];
        sig = new double[rows]; b = new double[rows]; omegaA = new double[rows]; omegaB = new double[rows];
        weighted = new double[rows]; vhat = new double[rows]; rowMax = new double[rows];
        colNorm = new double[m]; vPivot = new double[m]; vv = new double[m]; pivotSig = new double[m]; pivotB = new double[m];
        orig = new int[rows]; pivotColumn = new int[m];
        dead = new bool[rows]; isActive = new bool[m];
    }

    private static double[][] Jagged(int count, int length)
    {
        var a = new double[count][];
        for (int i = 0; i < count; i++) a[i] = new double[length];
        return a;
    }

    /// <summary>ω_j = e^{2(ρ_j − ρ_ref)}, the weight of row j relative to row ref. 0 for a zero row and for a dead row (active part
    /// exactly zero): such a row contributes nothing, and its exponent may exceed the reference's by more than the double range
    /// (at t = 1e300 a dead row of a larger σ gave ω = ∞ and ∞·0 = NaN in the column norms).</summary>
    private double Weight(int j, int reference, double t) =>
        double.IsNegativeInfinity(b[j]) || dead[j] ? 0 : Math.Exp(2 * ((sig[j] - sig[reference]) * t + (b[j] - b[reference])));

    /// <summary>Writes F (n×m, row-major) with W̃(t) = F Fᵀ into <paramref name="f"/>.</summary>
    /// <param name="mantissa">Ũ's rows scaled to max |entry| = 1 (n×m row-major); zero rows stay zero.</param>
    /// <param name="logRowNorm">log ‖ũ_i‖∞ (−∞ for a zero row).</param>
    /// <param name="sigma">σ_i ≥ 0, i = 0..n−1.</param>
    /// <param name="logAlpha">log α.</param>
    /// <param name="t">Finite t ≥ 0.</param>
    /// <param name="f">Output, n·m entries.</param>
    /// <param name="chunks">Split each large step's column updates, and the accumulation of Q, into this many chunks of
    /// columns (one per core: <see cref="Environment.ProcessorCount"/>). Every column is transformed by the same operations
    /// whatever the split, and the rows' maxima are merged by max, which is exact: the bits do not depend on it.</param>
    /// <param name="team">Runs the chunks of a step in parallel (see <see cref="PieceTeam"/>); without one they run in turn.</param>
    public void Factor(double[] mantissa, double[] logRowNorm, double[] sigma, double logAlpha, double t, Span<double> f, int chunks = 1, PieceTeam? team = null)
    {
        chunks = Math.Max(1, Math.Min(chunks, m));
        if (chunks > 1 && (rowMaxParts is null || rowMaxParts.Length < chunks - 1))
            rowMaxParts = Jagged(chunks - 1, rows);
        for (int c = 0; c < m; c++) Array.Clear(x[c]);
        for (int i = 0; i < n; i++)
        {
            for (int c = 0; c < m; c++) x[c][i] = mantissa[i * m + c];
            sig[i] = sigma[i];
            // log d_i without overflow: d = 2t on the null space (t up to double.MaxValue), (1 − e^{−2σt})/σ ≤ 1/σ otherwise.
            double logD = t == 0 ? double.NegativeInfinity : sigma[i] > 0 ? Math.Log(Numerics.D(sigma[i], t)) : Math.Log(2) + Math.Log(t);
            b[i] = !double.IsNegativeInfinity(logRowNorm[i]) ? 0.5 * logAlpha + 0.5 * logD + logRowNorm[i] : double.NegativeInfinity;
            orig[i] = i;
            dead[i] = double.IsNegativeInfinity(logRowNorm[i]);
        }
        for (int j = 0; j < m; j++) { x[j][n + j] = 1; orig[n + j] = n + j; sig[n + j] = 0; b[n + j] = 0; dead[n + j] = false; }
        Array.Fill(isActive, true);
        int activeCount = m;
        var omega = omegaA;
        var omegaNext = omegaB;

        // Rows are renormalized (mantissa max |entry| back to 1) only when their active part has shrunk below this: between
        // renormalizations every weight e^{2(b_j − b_ref)} stays ≤ 1 and a row it underflows is still below 1e-112 of the
        // reference row, so pivoting and sums see every non-negligible row (and no sweep over all rows is needed per step).
        const double renormalizeBelow = 1e-50;
        bool normsValid = false;
        int refRow = -1;
        for (int k = 0; k < m; k++)
        {
            if (!normsValid)
            {
                refRow = -1;
                for (int j = k; j < rows; j++)
                {
                    if (dead[j] || double.IsNegativeInfinity(b[j])) continue;
                    if (refRow < 0 || (sig[j] - sig[refRow]) * t + (b[j] - b[refRow]) > 0) refRow = j;
                }
                if (refRow < 0) throw new InvalidOperationException("graded QR: no active row left (cannot happen: the identity block has full rank)");
                for (int j = k; j < rows; j++)
                    omega[j] = Weight(j, refRow, t);
                for (int c = 0; c < m; c++)
                    if (isActive[c]) colNorm[c] = DenseKernels.WeightedSquares(omega.AsSpan(k, rows - k), x[c].AsSpan(k));
            }
            int p = -1; double best = -1;
            for (int c = 0; c < m; c++)
                if (isActive[c] && colNorm[c] > best) { best = colNorm[c]; p = c; }
            int q = k; double bestRow = -1;
            var xp = x[p];
            for (int j = k; j < rows; j++)
            {
                double w = omega[j] * xp[j] * xp[j];
                if (w > bestRow) { bestRow = w; q = j; }
            }
            // ω holds e^{2(ρ_j − ρ_ref)} for the reference row; the weights relative to the pivot row (ω_k) and to the next
            // reference (ω_next) are those same numbers, bit for bit (same operands), whenever that row is the reference
            // row — for ω_k when the pivot row is the reference, for ω_next when it is not and the reference stays the
            // largest — so most steps need one pass of exponentials instead of two.
            bool pivotIsReference = q == refRow;
            if (q != k)
            {
                for (int c = 0; c < m; c++) (x[c][k], x[c][q]) = (x[c][q], x[c][k]);
                for (int l = 0; l < k; l++)
                {
                    (omegaAt[l][k], omegaAt[l][q]) = (omegaAt[l][q], omegaAt[l][k]);
                    if (hasScale[l]) { var sa = scaleAfter[l]!; (sa[k], sa[q]) = (sa[q], sa[k]); }
                }
                (sig[k], sig[q]) = (sig[q], sig[k]); (b[k], b[q]) = (b[q], b[k]);
                (orig[k], orig[q]) = (orig[q], orig[k]); (dead[k], dead[q]) = (dead[q], dead[k]);
                (omega[k], omega[q]) = (omega[q], omega[k]);
                if (refRow == k) refRow = q; else if (refRow == q) refRow = k;
            }
            var om = omegaAt[k];
            if (pivotIsReference) Array.Copy(omega, k, om, k, rows - k);
            else
                for (int j = k; j < rows; j++)
                    om[j] = Weight(j, k, t);
            double norm2 = DenseKernels.WeightedSquares(om.AsSpan(k), xp.AsSpan(k));
            double alphaHat = -Math.CopySign(Math.Sqrt(norm2), xp[k]);
            double vk = xp[k] - alphaHat;
            Array.Copy(xp, k, vhat, k, rows - k);
            vhat[k] = vk;
            double vvk = DenseKernels.WeightedSquares(om.AsSpan(k), vhat.AsSpan(k));
            for (int j = k; j < rows; j++) weighted[j] = om[j] * vhat[j];
            pivotColumn[k] = p; vPivot[k] = vk; vv[k] = vvk; pivotSig[k] = sig[k]; pivotB[k] = b[k];
            isActive[p] = false; activeCount--;
            hasScale[k] = false;  // all ones unless a row is renormalized below
            if (activeCount == 0) break;

            // Next step's reference and weights, chosen now so that the update pass also yields the next column norms.
            int next = -1;
            for (int j = k + 1; j < rows; j++)
            {
                if (dead[j] || double.IsNegativeInfinity(b[j])) continue;
                if (next < 0 || (sig[j] - sig[next]) * t + (b[j] - b[next]) > 0) next = j;
            }
            if (next < 0) throw new InvalidOperationException("graded QR: no active row left (cannot happen: the identity block has full rank)");
            if (next == refRow) Array.Copy(omega, k + 1, omegaNext, k + 1, rows - k - 1);
            else
                for (int j = k + 1; j < rows; j++)
                    omegaNext[j] = Weight(j, next, t);
            Array.Clear(rowMax, k + 1, rows - k - 1);
            if (chunks > 1 && (long)activeCount * (rows - k) >= MinimumParallelWork)
            {
                int step = k;
                double pivotEntry = vk, pivotSquares = vvk;
                ForEachChunk(team, chunks, chunk =>
                {
                    var max = chunk == 0 ? rowMax : rowMaxParts![chunk - 1];
                    if (chunk > 0) Array.Clear(max, step + 1, rows - step - 1);
                    UpdateColumns(step, (int)((long)m * chunk / chunks), (int)((long)m * (chunk + 1) / chunks), pivotEntry, pivotSquares, max, omegaNext);
                });
                for (int chunk = 1; chunk < chunks; chunk++)
                {
                    var part = rowMaxParts![chunk - 1];
                    for (int j = k + 1; j < rows; j++) rowMax[j] = Math.Max(rowMax[j], part[j]);
                }
            }
            else UpdateColumns(k, 0, m, vk, vvk, rowMax, omegaNext);
            (omega, omegaNext) = (omegaNext, omega);
            refRow = next;
            normsValid = true;
            for (int j = k + 1; j < rows; j++)
            {
                double s = rowMax[j];
                if (s >= renormalizeBelow) continue;
                normsValid = false;
                if (s == 0) { dead[j] = true; continue; }
                if (s >= 1e-300)
                {
                    double inv = 1 / s;
                    for (int c = 0; c < m; c++)
                        if (isActive[c]) x[c][j] *= inv;
                }
                else
                {
                    // 1/s overflows for a subnormal s (and ∞·0 = NaN followed): divide by the power of two 2^⌊log₂ s⌋ instead,
                    // exactly, and record that as the scale.
                    int e = Math.ILogB(s);
                    for (int c = 0; c < m; c++)
                        if (isActive[c]) x[c][j] = Math.ScaleB(x[c][j], -e);
                    s = Math.ScaleB(1.0, e);
                }
                if (!double.IsNegativeInfinity(b[j])) b[j] += Math.Log(s);
                var sa = scaleAfter[k] ??= new double[rows];
                if (!hasScale[k]) { hasScale[k] = true; Array.Fill(sa, 1.0); }
                sa[j] = s;
            }
        }

        // Backward accumulation of Q's columns in the graded representation: Z = H_0 ⋯ H_{m−1}[I_m; 0].
        for (int l = 0; l < m; l++) { Array.Clear(z[l]); z[l][l] = 1; }
        for (int k = m - 1; k >= 0; k--)
        {
            var xp = x[pivotColumn[k]];
            Array.Copy(xp, k, vhat, k, rows - k);
            vhat[k] = vPivot[k];
            var om = omegaAt[k];
            for (int j = k; j < rows; j++) weighted[j] = om[j] * vhat[j];
            if (chunks > 1 && (long)(m - k) * (rows - k) >= MinimumParallelWork)
            {
                int step = k;
                ForEachChunk(team, chunks, chunk =>
                    Accumulate(step, step + (int)((long)(m - step) * chunk / chunks), step + (int)((long)(m - step) * (chunk + 1) / chunks)));
            }
            else Accumulate(k, k, m);
        }

        WriteFactor(logRowNorm, sigma, logAlpha, t, f);
    }

    private static void ForEachChunk(PieceTeam? team, int chunks, Action<int> chunk)
    {
        if (team != null) team.ForEach(chunks, chunk);
        else for (int c = 0; c < chunks; c++) chunk(c);
    }

    /// <summary>Step k's reflector applied to the active columns c ∈ [c0, c1): each column's new entries, its weighted norm for
    /// the next step and the rows' largest entries so far (into <paramref name="max"/>).</summary>
    private void UpdateColumns(int k, int c0, int c1, double vk, double vvk, double[] max, double[] omegaNext)
    {
        for (int c = c0; c < c1; c++)
        {
            if (!isActive[c]) continue;
            var xc = x[c];
            double gamma = 2 * DenseKernels.Dot(weighted.AsSpan(k), xc.AsSpan(k)) / vvk;
            xc[k] -= gamma * vk;
            colNorm[c] = DenseKernels.UpdateTrackMaxAndNorm(xc.AsSpan(k + 1), gamma, vhat.AsSpan(k + 1), max.AsSpan(k + 1), omegaNext.AsSpan(k + 1));
        }
    }

    /// <summary>Reflector k of the backward accumulation applied to Q's columns l ∈ [l0, l1) (each rescaled first where
    /// step k renormalized rows).</summary>
    private void Accumulate(int k, int l0, int l1)
    {
        for (int l = l0; l < l1; l++)
        {
            if (hasScale[k] && l > k) DenseKernels.Scale(z[l].AsSpan(k + 1), scaleAfter[k]!.AsSpan(k + 1));
            double gamma = 2 * DenseKernels.Dot(weighted.AsSpan(k), z[l].AsSpan(k)) / vv[k];
            if (gamma != 0) DenseKernels.Axpy(z[l].AsSpan(k), -gamma, vhat.AsSpan(k));
        }
    }

    /// <summary>F_il from Q's graded columns (see the class summary), into <paramref name="f"/> (n×m, row-major).</summary>
    private void WriteFactor(double[] logRowNorm, double[] sigma, double logAlpha, double t, Span<double> f)
    {
        f[..(n * m)].Clear();
        for (int pos = 0; pos < rows; pos++)
        {
            int i = orig[pos];
            if (i >= n || double.IsNegativeInfinity(logRowNorm[i])) continue;
            double baseExp = 0.5 * logAlpha + logRowNorm[i];
            for (int l = 0; l < m; l++)
            {
                double zl = z[l][pos];
                if (zl == 0) continue;
                double e = (sigma[i] - pivotSig[l]) * t + baseExp - pivotB[l] + Math.Log(Math.Abs(zl));
                // |F_il|² ≤ W̃_ii is bounded; an exponent beyond the double range can only be the rounding residue of a row
                // separated from pivot l by more than e^{709} (its exact ẑ_il is below the double range), i.e. 0.
                if (!(e < 709)) continue;
                f[i * m + l] = Math.CopySign(Math.Exp(e), zl);
            }
        }
    }
}
