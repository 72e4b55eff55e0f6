namespace IncLearn;

/// <summary>
/// The factor F(t) of Proposition 1 in rotated coordinates, W̃(t) = ΦᵀW(t)Φ = F Fᵀ, computed with a Householder QR whose rows
/// carry their own exponents, so that no scale of the problem (e^{σt} for t up to 1e300, α far below the double range) is
/// ever formed as a number.
/// <para>Derivation. With Ũ = ΦᵀŪ₀ (n×m), B = S(t)Ũ and D(t) = S⁻¹GS⁻¹ = diag((1 − e^{−2σ_i t})/σ_i, 2t), Woodbury's
/// identity turns eq. (5) into W̃ = B(I_m/α + BᵀDB)⁻¹Bᵀ. Let N = [I_m; A] with A = diag(g)Ũ, g_i = √(α d_i)·e^{σ_i t}; then
/// NᵀN = α(I/α + BᵀDB), and with the thin QR N = QR, W̃ = D^{−½}Q_A Q_Aᵀ D^{−½}, Q_A the rows of Q that belong to A.
/// No threshold on the rank of Ũ enters: the identity block keeps N of full column rank for every Ũ, invertible or not.</para>
/// <para>Numerics. Row i of N is stored as e^{ρ_i}·x_i with a mantissa row x_i (max |entry| = 1) and ρ_i = σ_i t + b_i kept
/// as the pair (σ_i, b_i), so exponent differences (σ_i − σ_j)t + (b_i − b_j) are exact for equal σ even at t = 1e300.
/// The QR uses Powell–Reid pivoting (the column of largest weighted norm, then the row of largest weighted entry in it),
/// which keeps every weight e^{2(ρ_j − ρ_pivot)} used in a sum bounded and makes the factorization row-wise backward stable
/// for rows of any grading (Cox &amp; Higham, BIT 38 (1998)). Q's rows are accumulated in the same graded representation,
/// Q_jl = e^{ρ_j − E_l} ẑ_jl (E_l the pivot exponent of step l), so rows far below the others keep full relative accuracy
/// and rows far above them underflow only in entries that are negligible. F_il = e^{(σ_i − σ_l)t + ½log α + log‖ũ_i‖∞ − b_l} ẑ_il
/// needs no D^{−½}, so t = 0 is covered too.</para>
/// </summary>
internal static class GradedHouseholder
{
    /// <summary>F (n×m, row-major) with W̃(t) = F Fᵀ.</summary>
    /// <param name="mantissa">Ũ's rows scaled to max |entry| = 1 (n×m row-major); zero rows stay zero.</param>
    /// <param name="logRowNorm">log ‖ũ_i‖∞ (−∞ for a zero row).</param>
    /// <param name="sigma">σ_i ≥ 0, i = 0..n−1.</param>
    /// <param name="logAlpha">log α.</param>
    /// <param name="t">Finite t ≥ 0.</param>
    /// <param name="m">r, the number of columns of Ũ.</param>
    public static double[] Factor(double[] mantissa, double[] logRowNorm, double[] sigma, double logAlpha, double t, int m)
    {
        int n = sigma.Length, rows = n + m;
        // Row data: mantissa x (m entries), growth rate sig, offset b (log weight = sig·t + b).
        var x = new double[rows][];
        var sig = new double[rows];
        var b = new double[rows];
        var orig = new int[rows];
        for (int i = 0; i < n; i++)
        {
            x[i] = mantissa.AsSpan(i * m, m).ToArray();
            sig[i] = sigma[i];
            double d = Numerics.D(sigma[i], t);
            b[i] = d > 0 && !double.IsNegativeInfinity(logRowNorm[i]) ? 0.5 * logAlpha + 0.5 * Math.Log(d) + logRowNorm[i] : double.NegativeInfinity;
            orig[i] = i;
        }
        for (int j = 0; j < m; j++)
        {
            x[n + j] = new double[m];
            x[n + j][j] = 1;
            orig[n + j] = n + j;
        }
        var bAtStep = new double[rows][];      // b of each row at each step (before that step's renormalization)
        var scaleAfter = new double[rows][];   // renormalization factor applied after each step
        for (int j = 0; j < rows; j++) { bAtStep[j] = new double[m]; scaleAfter[j] = new double[m]; }
        var pivotColumn = new int[m];
        var vPivot = new double[m];            // v̂_k of the pivot row (its x keeps α̂ − not needed)
        var vv = new double[m];
        var pivotSig = new double[m];
        var pivotB = new double[m];
        var active = Enumerable.Range(0, m).ToList();
        var omega = new double[rows];

        double Diff(int j, int k) => double.IsNegativeInfinity(b[j]) ? double.NegativeInfinity
            : (sig[j] - sig[k]) * t + (b[j] - b[k]);

        void Swap(int p, int q)
        {
            (x[p], x[q]) = (x[q], x[p]); (sig[p], sig[q]) = (sig[q], sig[p]); (b[p], b[q]) = (b[q], b[p]);
            (orig[p], orig[q]) = (orig[q], orig[p]); (bAtStep[p], bAtStep[q]) = (bAtStep[q], bAtStep[p]);
            (scaleAfter[p], scaleAfter[q]) = (scaleAfter[q], scaleAfter[p]);
        }

        for (int k = 0; k < m; k++)
        {
            // Reference row: the largest weight among rows whose active part is non-zero.
            int refRow = -1;
            for (int j = k; j < rows; j++)
            {
                if (double.IsNegativeInfinity(b[j]) || !AnyNonZero(x[j], active)) continue;
                if (refRow < 0 || Diff(j, refRow) > 0) refRow = j;
            }
            if (refRow < 0) throw new InvalidOperationException("graded QR: no active row left (cannot happen: the identity block has full rank)");
            for (int j = k; j < rows; j++) omega[j] = Math.Exp(2 * Diff(j, refRow));
            int p = -1; double best = -1;
            foreach (int c in active)
            {
                double s = 0;
                for (int j = k; j < rows; j++) if (omega[j] > 0) s += omega[j] * x[j][c] * x[j][c];
                if (s > best) { best = s; p = c; }
            }
            int q = k; double bestRow = -1;
            for (int j = k; j < rows; j++)
            {
                double w = omega[j] > 0 ? Math.Sqrt(omega[j]) * Math.Abs(x[j][p]) : 0;
                if (w > bestRow) { bestRow = w; q = j; }
            }
            Swap(k, q);
            for (int j = k; j < rows; j++)
            {
                omega[j] = Math.Exp(2 * Diff(j, k));
                bAtStep[j][k] = b[j];
            }
            double norm2 = 0;
            for (int j = k; j < rows; j++) if (omega[j] > 0) norm2 += omega[j] * x[j][p] * x[j][p];
            double alphaHat = -Math.CopySign(Math.Sqrt(norm2), x[k][p]);
            double vk = x[k][p] - alphaHat;
            double vvk = omega[k] * vk * vk;
            for (int j = k + 1; j < rows; j++) if (omega[j] > 0) vvk += omega[j] * x[j][p] * x[j][p];
            pivotColumn[k] = p; vPivot[k] = vk; vv[k] = vvk; pivotSig[k] = sig[k]; pivotB[k] = b[k];
            active.Remove(p);
            foreach (int c in active)
            {
                double s = omega[k] * vk * x[k][c];
                for (int j = k + 1; j < rows; j++) if (omega[j] > 0) s += omega[j] * x[j][p] * x[j][c];
                double gamma = 2 * s / vvk;
                if (gamma == 0) continue;
                x[k][c] -= vk * gamma;
                for (int j = k + 1; j < rows; j++) x[j][c] -= x[j][p] * gamma;
            }
            // Renormalize the active rows (their mantissa over the remaining columns to max |entry| = 1).
            for (int j = k + 1; j < rows; j++)
            {
                double s = 0;
                foreach (int c in active) s = Math.Max(s, Math.Abs(x[j][c]));
                if (s > 0 && s != 1)
                {
                    double inv = 1 / s;
                    foreach (int c in active) x[j][c] *= inv;
                    if (!double.IsNegativeInfinity(b[j])) b[j] += Math.Log(s);
                    scaleAfter[j][k] = s;
                }
                else scaleAfter[j][k] = 1;
            }
        }

        // Backward accumulation of Q's rows in the graded representation: Z = H_0 ⋯ H_{m−1}[I_m; 0].
        var z = new double[rows][];
        for (int j = 0; j < rows; j++) { z[j] = new double[m]; if (j < m) z[j][j] = 1; }
        for (int k = m - 1; k >= 0; k--)
        {
            for (int j = k + 1; j < rows; j++)
            {
                double s = scaleAfter[j][k];
                if (s != 1) for (int l = k + 1; l < m; l++) z[j][l] *= s;
            }
            int p = pivotColumn[k];
            for (int j = k; j < rows; j++)
                omega[j] = double.IsNegativeInfinity(bAtStep[j][k]) ? 0 : Math.Exp(2 * ((sig[j] - sig[k]) * t + (bAtStep[j][k] - bAtStep[k][k])));
            double vk = vPivot[k];
            for (int l = k; l < m; l++)
            {
                double s = omega[k] * vk * z[k][l];
                for (int j = k + 1; j < rows; j++) if (omega[j] > 0) s += omega[j] * x[j][p] * z[j][l];
                double gamma = 2 * s / vv[k];
                if (gamma == 0) continue;
                z[k][l] -= vk * gamma;
                for (int j = k + 1; j < rows; j++) z[j][l] -= x[j][p] * gamma;
            }
        }

        var f = new double[n * m];
        for (int pos = 0; pos < rows; pos++)
        {
            int i = orig[pos];
            if (i >= n || double.IsNegativeInfinity(logRowNorm[i])) continue;
            double baseExp = 0.5 * logAlpha + logRowNorm[i];
            for (int l = 0; l < m; l++)
            {
                double zl = z[pos][l];
                if (zl == 0) continue;
                double e = (sigma[i] - pivotSig[l]) * t + baseExp - pivotB[l] + Math.Log(Math.Abs(zl));
                f[i * m + l] = Math.CopySign(Math.Exp(e), zl);
            }
        }
        return f;
    }

    private static bool AnyNonZero(double[] row, List<int> columns)
    {
        foreach (int c in columns) if (row[c] != 0) return true;
        return false;
    }
}
