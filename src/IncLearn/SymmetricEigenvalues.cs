namespace IncLearn;

/// <summary>
/// Eigenvalues of a small dense symmetric matrix without allocation: Householder reduction to tridiagonal form
/// (Golub &amp; Van Loan, Matrix Computations, Alg. 8.3.1) and the implicit QL iteration with Wilkinson-type shifts of
/// EISPACK's tql1 (as in JAMA). Both steps are backward stable: every computed eigenvalue is within a small multiple of
/// n·ε·‖A‖₂ of the exact one. The matrix is first scaled by a power of two (exact) so that no intermediate overflows or
/// underflows prematurely. The measurements call it once per time point and rank k (‖W̃(t) − Σ_k‖₂); MathNet's
/// eigendecomposition, which also computes eigenvectors and allocates its results, cost several times more there.
/// </summary>
internal static class SymmetricEigenvalues
{
    /// <summary>‖A‖₂ = max |λ_i(A)| of the symmetric n×n matrix <paramref name="a"/> (row-major; overwritten, only its lower triangle is read).</summary>
    /// <param name="a">n×n symmetric matrix, row-major; destroyed.</param>
    /// <param name="n">Its size.</param>
    /// <param name="d">Scratch of length ≥ n (holds the eigenvalues on return).</param>
    /// <param name="e">Scratch of length ≥ n.</param>
    public static double SpectralNorm(Span<double> a, int n, Span<double> d, Span<double> e)
    {
        Compute(a, n, d, e);
        double norm = 0;
        for (int i = 0; i < n; i++) norm = Math.Max(norm, Math.Abs(d[i]));
        return norm;
    }

    /// <summary>Writes the eigenvalues (unsorted) of the symmetric n×n matrix <paramref name="a"/> (row-major; overwritten,
    /// only its lower triangle is read) into d[0..n).</summary>
    /// <exception cref="ArgumentException">an entry is not finite.</exception>
    /// <exception cref="InvalidOperationException">the QL iteration does not converge (does not happen for finite input).</exception>
    public static void Compute(Span<double> a, int n, Span<double> d, Span<double> e)
    {
        double max = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++)
            {
                double v = a[i * n + j];
                if (!double.IsFinite(v)) throw new ArgumentException($"a must be finite: a[{i},{j}] = {v}", nameof(a));
                max = Math.Max(max, Math.Abs(v));
            }
        if (max == 0) { d[..n].Clear(); return; }
        int exponent = Math.ILogB(max);
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++) a[i * n + j] = Math.ScaleB(a[i * n + j], -exponent);
        Tridiagonalize(a, n, d, e);
        TridiagonalQl(n, d, e);
        for (int i = 0; i < n; i++) d[i] = Math.ScaleB(d[i], exponent);
    }

    /// <summary>A = QTQᵀ by Householder reflections on the lower triangle: diagonal of T in d, sub-diagonal in e[0..n−2].</summary>
    private static void Tridiagonalize(Span<double> a, int n, Span<double> d, Span<double> e)
    {
        for (int k = 0; k + 2 < n; k++)
        {
            // x = A[k+1.., k]; reflect it onto α·e₁ with α = −sign(x₀)‖x‖ (no cancellation in v₀ = x₀ − α).
            int s = n - k - 1;
            double x2 = 0;
            for (int i = k + 1; i < n; i++) x2 += a[i * n + k] * a[i * n + k];
            double x0 = a[(k + 1) * n + k];
            double norm = Math.Sqrt(x2);
            // A column below 1e-150 (the matrix is scaled to max |a_ij| ∈ [1, 2)) is left as it is: the entries ignored change A
            // by less than 1e-150·√n, and β = 1/(‖x‖² − αx₀) stays finite.
            if (norm < 1e-150) { e[k] = x0; continue; }
            double alpha = -Math.CopySign(norm, x0);
            // v = x − αe₁ stored in column k (below the diagonal); β = 2/‖v‖², ‖v‖² = 2(‖x‖² − αx₀).
            a[(k + 1) * n + k] = x0 - alpha;
            double beta = 1 / (x2 - alpha * x0);
            // p = βBv with B = A[k+1.., k+1..] read from its lower triangle; then w = p − (β/2)(pᵀv)v, stored in d (scratch).
            double pv = 0;
            for (int i = 0; i < s; i++)
            {
                int ri = k + 1 + i;
                double sum = 0;
                for (int j = 0; j < s; j++)
                {
                    int rj = k + 1 + j;
                    double bij = ri >= rj ? a[ri * n + rj] : a[rj * n + ri];
                    sum += bij * a[rj * n + k];
                }
                d[i] = beta * sum;
                pv += d[i] * a[ri * n + k];
            }
            double half = 0.5 * beta * pv;
            for (int i = 0; i < s; i++) d[i] -= half * a[(k + 1 + i) * n + k];
            // B ← B − vwᵀ − wvᵀ on the lower triangle.
            for (int i = 0; i < s; i++)
            {
                int ri = k + 1 + i;
                double vi = a[ri * n + k], wi = d[i];
                for (int j = 0; j <= i; j++)
                {
                    int rj = k + 1 + j;
                    a[ri * n + rj] -= vi * d[j] + wi * a[rj * n + k];
                }
            }
            e[k] = alpha;
        }
        for (int i = 0; i < n; i++) d[i] = a[i * n + i];
        if (n >= 2) e[n - 2] = a[(n - 1) * n + n - 2];
        e[n - 1] = 0;
    }

    /// <summary>Eigenvalues of the symmetric tridiagonal matrix (d, e) by the implicit QL method (EISPACK tql1, JAMA's tql2
    /// without the eigenvector update); on return d holds them.</summary>
    private static void TridiagonalQl(int n, Span<double> d, Span<double> e)
    {
        double f = 0, tst1 = 0;
        const double eps = 2.220446049250313e-16;
        for (int l = 0; l < n; l++)
        {
            tst1 = Math.Max(tst1, Math.Abs(d[l]) + Math.Abs(e[l]));
            int m = l;
            while (m < n)
            {
                if (Math.Abs(e[m]) <= eps * tst1) break;
                m++;
            }
            if (m > l)
            {
                int iterations = 0;
                do
                {
                    if (++iterations > 60) throw new InvalidOperationException("tridiagonal QL did not converge in 60 iterations");
                    double g = d[l];
                    double p = (d[l + 1] - g) / (2 * e[l]);
                    double r = Hypot(p, 1);
                    if (p < 0) r = -r;
                    d[l] = e[l] / (p + r);
                    d[l + 1] = e[l] * (p + r);
                    double dl1 = d[l + 1];
                    double h = g - d[l];
                    for (int i = l + 2; i < n; i++) d[i] -= h;
                    f += h;
                    p = d[m];
                    double c = 1, c2 = c, c3 = c, el1 = e[l + 1], s = 0, s2 = 0;
                    for (int i = m - 1; i >= l; i--)
                    {
                        c3 = c2; c2 = c; s2 = s;
                        g = c * e[i];
                        h = c * p;
                        r = Hypot(p, e[i]);
                        e[i + 1] = s * r;
                        s = e[i] / r;
                        c = p / r;
                        p = c * d[i] - s * g;
                        d[i + 1] = h + s * (c * g + s * d[i]);
                    }
                    p = -s * s2 * c3 * el1 * e[l] / dl1;
                    e[l] = s * p;
                    d[l] = c * p;
                }
                while (Math.Abs(e[l]) > eps * tst1);
            }
            d[l] += f;
            e[l] = 0;
        }
    }

    private static double Hypot(double a, double b)
    {
        double x = Math.Abs(a), y = Math.Abs(b);
        if (x < y) (x, y) = (y, x);
        if (x == 0) return 0;
        double q = y / x;
        return x * Math.Sqrt(1 + q * q);
    }
}
