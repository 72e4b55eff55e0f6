using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace IncLearn;

/// <summary>
/// U(0) = α^{1/2} Ū₀ (Section II-B): a shape Ū₀ ∈ ℝ^{n×r} and a scale α &gt; 0.
/// The scale is stored as log α so that the tiny α of Theorem 4 (often far below 1e-300) stays exact;
/// <see cref="Alpha"/> is exp(log α) and underflows to 0 there, which the closed form never needs. Every factory refuses an α
/// for which W₀ = αŪ₀Ū₀ᵀ would overflow (α·‖Ū₀‖²_F above double.MaxValue): W(0) would have infinite entries.
/// </summary>
public sealed class Initialization
{
    /// <summary>log(double.MaxValue) ≈ 709.78: α·‖Ū₀‖²_F must stay below e^this, or W₀ = αŪ₀Ū₀ᵀ overflows.</summary>
    private static readonly double LogMaxDouble = Math.Log(double.MaxValue);

    private Initialization(Matrix<double> shape, double logAlpha, Vector<double>? spectralSigma0, string scaleParameter)
    {
        // ‖W₀‖₂ ≤ α‖Ū₀‖²_F and every entry of W₀ is ≤ α max_i ‖Ū₀ row i‖² ≤ α‖Ū₀‖²_F: below the double range, W₀ and every
        // W(t) (whose eigenvalues stay below max(‖W₀‖₂, σ₁)) are representable. Above it, W(0) would have infinite entries.
        double logScale = logAlpha + 2 * LogFrobeniusNorm(shape);
        if (logScale > LogMaxDouble)
            throw new ArgumentException(
                $"W₀ = αŪ₀Ū₀ᵀ must be representable in double precision: log(α·‖Ū₀‖²_F) = {logScale:G6} exceeds log(double.MaxValue) = {LogMaxDouble:G6} (log α = {logAlpha:G6})",
                scaleParameter);
        Shape = shape;
        LogAlpha = logAlpha;
        SpectralSigma0 = spectralSigma0;
    }

    /// <summary>Ū₀, the initialization shape (n×r).</summary>
    public Matrix<double> Shape { get; }

    /// <summary>log α (natural logarithm).</summary>
    public double LogAlpha { get; }

    /// <summary>α = exp(<see cref="LogAlpha"/>); 0 when α is below the double range.</summary>
    public double Alpha => Math.Exp(LogAlpha);

    /// <summary>log10 α, for display.</summary>
    public double Log10Alpha => LogAlpha / Math.Log(10);

    /// <summary>n, the number of rows.</summary>
    public int N => Shape.RowCount;

    /// <summary>r, the number of columns (width of the factor).</summary>
    public int R => Shape.ColumnCount;

    /// <summary>For a spectral initialization (Corollary 2): σ_{i,0} = [Σ²_{U₀}]_{ii}, i = 1..n; otherwise null.</summary>
    public Vector<double>? SpectralSigma0 { get; }

    /// <summary>W̄₀ = Ū₀Ū₀ᵀ (unscaled).</summary>
    public Matrix<double> ShapeGram => Shape * Shape.Transpose();

    /// <summary>U₀ = α^{1/2} Ū₀.</summary>
    public Matrix<double> U0 => Shape * Math.Exp(0.5 * LogAlpha);

    /// <summary>W₀ = U₀U₀ᵀ = α Ū₀Ū₀ᵀ.</summary>
    public Matrix<double> W0 => ShapeGram * Alpha;

    /// <summary>Spectral initialization U₀ = α^{1/2} Φ Σ_{U₀} Vᵀ (Section III-A, Corollary 2), with Σ²_{U₀} = diag(σ_{i,0}).
    /// <paramref name="sigma0"/> has n entries ≥ 0; V is r×n with orthonormal columns (default r = n, V = I).</summary>
    public static Initialization Spectral(Target target, IReadOnlyList<double> sigma0, double alpha, Matrix<double>? v = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(sigma0);
        double logAlpha = LogOf(alpha);
        int n = target.N;
        if (sigma0.Count != n)
            throw new ArgumentException($"sigma0 must have n = {n} entries, got {sigma0.Count}", nameof(sigma0));
        for (int i = 0; i < n; i++)
            if (!double.IsFinite(sigma0[i]) || sigma0[i] < 0)
                throw new ArgumentException($"sigma0 entries must be finite and ≥ 0: sigma0[{i}] = {sigma0[i]}", nameof(sigma0));
        v ??= Matrix<double>.Build.DenseIdentity(n);
        if (v.ColumnCount != n || v.RowCount < 1)
            throw new ArgumentException($"V must be r×n with r ≥ 1 rows and n = {n} columns, got {v.RowCount}×{v.ColumnCount}", nameof(v));
        for (int i = 0; i < v.RowCount; i++)
            for (int j = 0; j < n; j++)
                if (!double.IsFinite(v[i, j]))
                    throw new ArgumentException($"V must be finite: V[{i},{j}] = {v[i, j]}", nameof(v));
        var vtv = v.TransposeThisAndMultiply(v);
        double orthErr = (vtv - Matrix<double>.Build.DenseIdentity(n)).InfinityNorm();
        if (orthErr > 1e-10)
            throw new ArgumentException($"V must have orthonormal columns: ‖VᵀV − I‖∞ = {orthErr:G3} exceeds 1e-10", nameof(v));
        var s0 = Vector<double>.Build.Dense(n, i => sigma0[i]);
        var shape = target.Phi * Matrix<double>.Build.DenseOfDiagonalVector(s0.PointwiseSqrt()) * v.Transpose();
        return new Initialization(shape, logAlpha, s0, nameof(alpha));
    }

    /// <summary>A given shape Ū₀ (n×r) and scale α.</summary>
    public static Initialization FromShape(Matrix<double> shape, double alpha)
    {
        ArgumentNullException.ThrowIfNull(shape);
        double logAlpha = LogOf(alpha);
        return new Initialization(ValidShape(shape), logAlpha, null, nameof(alpha));
    }

    /// <summary>Ū₀ with i.i.d. N(0,1) entries (Remark III-C1: no 1/√r normalisation), drawn from <c>new Random(seed)</c>.</summary>
    public static Initialization RandomGaussian(int n, int r, double alpha, int seed)
    {
        if (n < 1) throw new ArgumentException($"n must be ≥ 1, got {n}", nameof(n));
        if (r < 1) throw new ArgumentException($"r must be ≥ 1, got {r}", nameof(r));
        double logAlpha = LogOf(alpha);
        var shape = Matrix<double>.Build.Random(n, r, new Normal(0, 1, new Random(seed)));
        return new Initialization(shape, logAlpha, null, nameof(alpha));
    }

    /// <summary>The same shape at another scale α.</summary>
    /// <exception cref="ArgumentException">α is not a finite number &gt; 0, or α·‖Ū₀‖²_F overflows the double range.</exception>
    public Initialization WithAlpha(double alpha) => new(Shape, LogOf(alpha), SpectralSigma0, nameof(alpha));

    /// <summary>The same shape at scale α = exp(<paramref name="logAlpha"/>); use it when α is below the double range.
    /// Any finite log α is accepted as long as W₀ = αŪ₀Ū₀ᵀ is representable: log α + log ‖Ū₀‖²_F ≤ log(double.MaxValue) ≈ 709.78.</summary>
    /// <exception cref="ArgumentException">logAlpha is NaN or infinite, or α·‖Ū₀‖²_F overflows the double range.</exception>
    public Initialization WithLogAlpha(double logAlpha)
    {
        if (!double.IsFinite(logAlpha))
            throw new ArgumentException($"logAlpha must be finite, got {logAlpha}", nameof(logAlpha));
        return new Initialization(Shape, logAlpha, SpectralSigma0, nameof(logAlpha));
    }

    /// <summary>The one shape check shared by every solver: both arguments non-null and Ū₀ with n rows for an n×n target.</summary>
    internal static void CheckMatches(Target target, Initialization initialization)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(initialization);
        if (initialization.N != target.N)
            throw new ArgumentException(
                $"the initialization shape Ū₀ has {initialization.N} rows but the target is {target.N}×{target.N}", nameof(initialization));
    }

    private static double LogOf(double alpha)
    {
        if (double.IsNaN(alpha) || double.IsInfinity(alpha) || !(alpha > 0))
            throw new ArgumentException($"alpha must be a finite number > 0, got {alpha}", nameof(alpha));
        return Math.Log(alpha);
    }

    /// <summary>log ‖A‖_F computed with a scaled sum of squares (entries near 1e200 do not overflow); −∞ for A = 0.</summary>
    private static double LogFrobeniusNorm(Matrix<double> a)
    {
        double scale = 0;
        foreach (double x in a.Enumerate()) scale = Math.Max(scale, Math.Abs(x));
        if (scale == 0) return double.NegativeInfinity;
        double sum = 0;
        foreach (double x in a.Enumerate()) sum += (x / scale) * (x / scale);
        return Math.Log(scale) + 0.5 * Math.Log(sum);
    }

    private static Matrix<double> ValidShape(Matrix<double> shape)
    {
        if (shape.RowCount == 0 || shape.ColumnCount == 0)
            throw new ArgumentException($"the shape Ū₀ must be non-empty, got {shape.RowCount}×{shape.ColumnCount}", nameof(shape));
        for (int i = 0; i < shape.RowCount; i++)
            for (int j = 0; j < shape.ColumnCount; j++)
                if (!double.IsFinite(shape[i, j]))
                    throw new ArgumentException($"the shape Ū₀ must be finite: Ū₀[{i},{j}] = {shape[i, j]}", nameof(shape));
        return shape;
    }
}
