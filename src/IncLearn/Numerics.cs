using MathNet.Numerics.LinearAlgebra;

namespace IncLearn;

/// <summary>Small numerical helpers the closed forms share.</summary>
public static class Numerics
{
    /// <summary>e^x − 1 with full relative accuracy for small |x| (System.Math has no expm1).
    /// Kahan's trick: (u − 1)·x / log u with u = e^x cancels the rounding error of u. Hand-written on purpose: MathNet 5.0.0's
    /// <c>SpecialFunctions.Expm1</c> truncates a series and is off by 4e-11 relative at x = −1e-3 and 2.7e-9 at x = −4e-3
    /// (measured; test <c>NumericsTests.Expm1IsAccurateWhereMathNetsIsNot</c>), which would cap the closed form's accuracy.
    /// Defined on the whole extended line, like Math.Exp: NaN gives NaN, +∞ gives +∞ and −∞ gives −1.</summary>
    public static double Expm1(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        double u = Math.Exp(x);
        if (u == 1.0) return x;
        double um1 = u - 1.0;
        if (um1 == -1.0) return -1.0;
        if (double.IsPositiveInfinity(u)) return u;
        return um1 * x / Math.Log(u);
    }

    /// <summary>Parallel loops over independent work items (time points, trials) use one worker per core and no more:
    /// without the cap the thread pool, seeing items that run for seconds, keeps injecting threads (measured: about 100
    /// threads and 8 GB of QR workspaces for a 200-point grid at n = 1000, and no speed-up).</summary>
    internal static readonly ParallelOptions OneWorkerPerCore = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

    /// <summary>A parallel loop run by one worker (its iterations parallelize inside themselves).</summary>
    internal static readonly ParallelOptions OneWorker = new() { MaxDegreeOfParallelism = 1 };

    /// <summary>Spectral norm ‖A‖₂ of a symmetric matrix: the largest |eigenvalue|.</summary>
    /// <exception cref="ArgumentException">A is not square.</exception>
    public static double SymmetricSpectralNorm(Matrix<double> a)
    {
        ArgumentNullException.ThrowIfNull(a);
        int n = a.RowCount;
        if (a.ColumnCount != n) throw new ArgumentException($"A must be square, got {a.RowCount}×{a.ColumnCount}", nameof(a));
        var s = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++) s[i * n + j] = a[i, j] * 0.5 + a[j, i] * 0.5; // the lower triangle of (A + Aᵀ)/2
        return SymmetricEigenvalues.SpectralNorm(s, n, new double[n], new double[n]);
    }

    /// <summary>(A + Aᵀ)/2: the one symmetrization helper of the library.</summary>
    public static Matrix<double> Symmetrize(Matrix<double> a)
    {
        ArgumentNullException.ThrowIfNull(a);
        int n = a.RowCount;
        if (a.ColumnCount != n) throw new ArgumentException($"A must be square, got {a.RowCount}×{a.ColumnCount}", nameof(a));
        // One pass into one prefaulted array (MathNet's a·0.5 + aᵀ·0.5 made four n×n temporaries, each paid for page by page;
        // see PrefaultedArray), with the same operations, so the same bits: halves first, no overflow near 1e308.
        var v = a.AsColumnMajorArray() ?? a.ToColumnMajorArray();
        var s = PrefaultedArray.Allocate(n * n);
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++) s[j * n + i] = v[j * n + i] * 0.5 + v[i * n + j] * 0.5;
        return Matrix<double>.Build.Dense(n, n, s);
    }

    /// <summary>D(t) of Proposition 1 for one mode, D = S⁻¹GS⁻¹ = (1 − e^{−2σt})/σ for σ &gt; 0 and 2t for σ = 0 (eq. (6)),
    /// with expm1 so that small σt keeps full accuracy. t = +∞ gives 1/σ (or +∞).</summary>
    internal static double D(double sigma, double t) => sigma > 0 ? -Expm1(-2 * sigma * t) / sigma : 2 * t;

    /// <summary>Validates a time grid: finite (or +∞ when <paramref name="allowInfinity"/>), ≥ 0 and, when
    /// <paramref name="sorted"/>, non-decreasing. The message names the offending entry.</summary>
    internal static void CheckTimes(IReadOnlyList<double> times, string paramName, bool sorted, bool allowInfinity = false)
    {
        ArgumentNullException.ThrowIfNull(times, paramName);
        for (int i = 0; i < times.Count; i++)
        {
            double t = times[i];
            bool ok = t >= 0 && (allowInfinity || !double.IsInfinity(t)) && !(sorted && i > 0 && t < times[i - 1]);
            if (!ok)
                throw new ArgumentException(
                    $"{paramName} must be {(allowInfinity ? "" : "finite, ")}≥ 0{(sorted ? " and non-decreasing" : "")}: {paramName}[{i}] = {t}"
                    + (sorted && i > 0 && t < times[i - 1] ? $" < {paramName}[{i - 1}] = {times[i - 1]}" : ""), paramName);
        }
    }

    /// <summary>Validates one time t ≥ 0 (not NaN; +∞ allowed when <paramref name="allowInfinity"/>).</summary>
    internal static void CheckTime(double t, string paramName, bool allowInfinity = true)
    {
        if (double.IsNaN(t) || t < 0 || (!allowInfinity && double.IsInfinity(t)))
            throw new ArgumentOutOfRangeException(paramName, t, $"t must be ≥ 0{(allowInfinity ? "" : " and finite")} (and not NaN), got {t}");
    }
}
