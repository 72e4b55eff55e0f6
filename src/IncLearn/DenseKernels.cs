using System.Numerics;

namespace IncLearn;

/// <summary>
/// Small dense kernels on row-major arrays, vectorized with <see cref="Vector{T}"/>, for the closed form's per-time work
/// (Cholesky, one triangular solve, XᵀX). MathNet.Numerics' managed provider is unvectorized, and this loop runs once per
/// time point of every grid, so it is the hot path of the batched evaluation (see bench/).
/// </summary>
internal static class DenseKernels
{
    /// <summary>y += a·x over the whole span.</summary>
    public static void Axpy(Span<double> y, double a, ReadOnlySpan<double> x)
    {
        int i = 0, w = Vector<double>.Count;
        var va = new Vector<double>(a);
        for (; i <= y.Length - w; i += w)
            (new Vector<double>(y[i..]) + va * new Vector<double>(x[i..])).CopyTo(y[i..]);
        for (; i < y.Length; i++) y[i] += a * x[i];
    }

    /// <summary>Σ a_i b_i.</summary>
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int i = 0, w = Vector<double>.Count;
        var acc = Vector<double>.Zero;
        for (; i <= a.Length - w; i += w) acc += new Vector<double>(a[i..]) * new Vector<double>(b[i..]);
        double s = Vector.Sum(acc);
        for (; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    /// <summary>In-place Cholesky A = LLᵀ of a row-major SPD matrix; the lower triangle becomes L. Throws when not positive definite.</summary>
    public static void Cholesky(double[] a, int n)
    {
        for (int j = 0; j < n; j++)
        {
            var rowJ = a.AsSpan(j * n, j);
            double d = a[j * n + j] - Dot(rowJ, rowJ);
            if (!(d > 0)) throw new InvalidOperationException($"matrix not positive definite at pivot {j} ({d:G3})");
            double ljj = Math.Sqrt(d);
            a[j * n + j] = ljj;
            for (int i = j + 1; i < n; i++)
                a[i * n + j] = (a[i * n + j] - Dot(a.AsSpan(i * n, j), rowJ)) / ljj;
        }
    }

    /// <summary>Solves L X = B in place (B row-major n×m becomes X), L the lower triangle of <paramref name="l"/>.</summary>
    public static void ForwardSubstitute(double[] l, int n, double[] b, int m)
    {
        for (int i = 0; i < n; i++)
        {
            var rowI = b.AsSpan(i * m, m);
            for (int k = 0; k < i; k++)
            {
                double lik = l[i * n + k];
                if (lik != 0) Axpy(rowI, -lik, b.AsSpan(k * m, m));
            }
            double inv = 1 / l[i * n + i];
            for (int c = 0; c < m; c++) rowI[c] *= inv;
        }
    }

    /// <summary>XᵀX for row-major X (n×m), symmetric m×m result (row-major), as a sum of row outer products.</summary>
    public static double[] Gram(double[] x, int n, int m)
    {
        var w = new double[m * m];
        for (int i = 0; i < n; i++)
        {
            var row = x.AsSpan(i * m, m);
            for (int p = 0; p < m; p++)
            {
                double xp = row[p];
                if (xp != 0) Axpy(w.AsSpan(p * m + p, m - p), xp, row[p..]);
            }
        }
        for (int p = 0; p < m; p++)
            for (int q = 0; q < p; q++) w[p * m + q] = w[q * m + p];
        return w;
    }
}
