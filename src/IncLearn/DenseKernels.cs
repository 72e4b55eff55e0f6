using System.Numerics;

namespace IncLearn;

/// <summary>
/// Vectorized (<see cref="Vector{T}"/>) kernels on contiguous spans for the closed form's per-time work, the graded Householder
/// QR of <see cref="GradedHouseholder"/>: its columns are stored contiguously, so every inner loop is one of these.
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

    /// <summary>Σ w_i x_i².</summary>
    public static double WeightedSquares(ReadOnlySpan<double> w, ReadOnlySpan<double> x)
    {
        int i = 0, n = Vector<double>.Count;
        var acc = Vector<double>.Zero;
        for (; i <= x.Length - n; i += n)
        {
            var v = new Vector<double>(x[i..]);
            acc += new Vector<double>(w[i..]) * v * v;
        }
        double s = Vector.Sum(acc);
        for (; i < x.Length; i++) s += w[i] * x[i] * x[i];
        return s;
    }

    /// <summary>y_i ← y_i·s_i.</summary>
    public static void Scale(Span<double> y, ReadOnlySpan<double> s)
    {
        int i = 0, n = Vector<double>.Count;
        for (; i <= y.Length - n; i += n) (new Vector<double>(y[i..]) * new Vector<double>(s[i..])).CopyTo(y[i..]);
        for (; i < y.Length; i++) y[i] *= s[i];
    }

    /// <summary>m_i ← max(m_i, |x_i|).</summary>
    public static void MaxAbs(Span<double> m, ReadOnlySpan<double> x)
    {
        int i = 0, n = Vector<double>.Count;
        for (; i <= m.Length - n; i += n) Vector.Max(new Vector<double>(m[i..]), Vector.Abs(new Vector<double>(x[i..]))).CopyTo(m[i..]);
        for (; i < m.Length; i++) m[i] = Math.Max(m[i], Math.Abs(x[i]));
    }

    /// <summary>Fused update of one column of the graded QR: y −= γ·v, m_i ← max(m_i, |y_i|), and returns Σ w_i y_i²
    /// (the next step's weighted column norm), in one pass over memory.</summary>
    public static double UpdateTrackMaxAndNorm(Span<double> y, double gamma, ReadOnlySpan<double> v, Span<double> m, ReadOnlySpan<double> w)
    {
        int i = 0, n = Vector<double>.Count;
        var vg = new Vector<double>(gamma);
        var acc = Vector<double>.Zero;
        for (; i <= y.Length - n; i += n)
        {
            var yi = new Vector<double>(y[i..]) - vg * new Vector<double>(v[i..]);
            yi.CopyTo(y[i..]);
            Vector.Max(new Vector<double>(m[i..]), Vector.Abs(yi)).CopyTo(m[i..]);
            acc += new Vector<double>(w[i..]) * yi * yi;
        }
        double s = Vector.Sum(acc);
        for (; i < y.Length; i++)
        {
            y[i] -= gamma * v[i];
            m[i] = Math.Max(m[i], Math.Abs(y[i]));
            s += w[i] * y[i] * y[i];
        }
        return s;
    }
}
