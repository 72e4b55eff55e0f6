using System.Globalization;

namespace IncLearn.Runner;

/// <summary>
/// Compares a stored check with its re-execution at the precision each of its numbers is meant to have. The verdict, the
/// kind, the expected value or bound and the tolerance must agree as tightly as any exact number (<c>rtol</c>): they are what
/// the check certifies. The measured value agrees:
/// <list type="bullet">
/// <item>for a "close" check, within that check's own tolerance: |a − b| ≤ tolerance·|expected| (tolerance alone when the
/// expected value is 0) — two runs that both meet the claim may differ by that much and still mean the same;</item>
/// <item>for a check whose value measures rounding or integration error (precision "magnitude"), by order of magnitude:
/// within a factor of <see cref="MagnitudeFactor"/> (1.5 decades), or both below <see cref="Comparison.RoundingFloor"/> — its
/// bits depend on the BLAS kernel, the SIMD width and the summation order;</item>
/// <item>otherwise (a quantity fixed by the math), within <c>rtol</c>.</item>
/// </list>
/// The detail line of a numeric check is rendered from these numbers, so it is not compared again; the free-text detail of a
/// "that" check is compared like any text.
/// </summary>
public static class CheckComparison
{
    /// <summary>Two error measurements agree in magnitude when neither exceeds the other by more than this factor, 10^1.5.
    /// Why so wide: rounding error amplified by conditioning moves by about a decade from one BLAS kernel to another, while a
    /// real change of an error — a lost digit pattern, a wrong formula — moves it by many decades. Rounding amplified by a
    /// growing exponential has its own, wider mark (<see cref="FigureComparison.AmplifiedRoundingFactor"/>).</summary>
    public static readonly double MagnitudeFactor = Math.Pow(10, 1.5);

    /// <summary>Returns null when the two checks agree, else what differs.</summary>
    public static string? Compare(NotebookCheck stored, NotebookCheck executed, double rtol)
    {
        if (!Comparison.LinesEqual(stored.Name, executed.Name, rtol)) return $"check '{stored.Name}' became '{executed.Name}'";
        string name = $"check '{stored.Name}'";
        if (stored.Status != executed.Status) return $"{name}: {stored.Status} stored, {executed.Status} re-executed";
        if (stored.Kind != executed.Kind) return $"{name}: kind {stored.Kind} stored, {executed.Kind} re-executed";
        if (stored.BuildIt != executed.BuildIt) return $"{name}: build-it {stored.BuildIt} stored, {executed.BuildIt} re-executed";
        if (stored.MeasuresError != executed.MeasuresError) return $"{name}: measures an error: {stored.MeasuresError} stored, {executed.MeasuresError} re-executed";
        if (!Exact(stored.Expected, executed.Expected, rtol)) return Differs(name, "expected value", stored.Expected, executed.Expected);
        if (!Exact(stored.Tolerance, executed.Tolerance, rtol)) return Differs(name, "tolerance", stored.Tolerance, executed.Tolerance);
        bool actualAgrees = stored.Kind == "close" ? WithinTolerance(stored.Actual, executed.Actual, stored.Expected, stored.Tolerance)
            : stored.MeasuresError ? SameMagnitude(stored.Actual, executed.Actual)
            : Exact(stored.Actual, executed.Actual, rtol);
        if (!actualAgrees) return Differs(name, $"measured value ({Rule(stored)})", stored.Actual, executed.Actual);
        bool detailIsRendered = stored.Actual is not null || stored.Expected is not null;
        if (!detailIsRendered && !Comparison.LinesEqual(stored.Detail, executed.Detail, rtol))
            return $"{name}: detail\n  stored:      {stored.Detail}\n  re-executed: {executed.Detail}";
        return null;
    }

    private static string Rule(NotebookCheck check)
        => check.Kind == "close" ? "within the check's tolerance" : check.MeasuresError ? $"within a factor of {MagnitudeFactor}" : "exact";

    private static string Differs(string name, string what, double? a, double? b)
        => $"{name}: {what} {Show(a)} stored, {Show(b)} re-executed";

    private static string Show(double? x) => x?.ToString("R", CultureInfo.InvariantCulture) ?? "none";

    /// <summary>Equal, or both present and within rtol of the larger, or both below the rounding floor.</summary>
    public static bool Exact(double? a, double? b, double rtol)
    {
        if (a is null || b is null) return a is null && b is null;
        double x = a.Value, y = b.Value;
        if (x == y) return true;
        if (Math.Max(Math.Abs(x), Math.Abs(y)) < Comparison.RoundingFloor) return true;
        return Math.Abs(x - y) <= rtol * Math.Max(Math.Abs(x), Math.Abs(y));
    }

    /// <summary>|a − b| ≤ tolerance·|expected| (tolerance alone when expected is 0 or absent).</summary>
    public static bool WithinTolerance(double? a, double? b, double? expected, double? tolerance)
    {
        if (a is null || b is null) return a is null && b is null;
        if (a == b) return true;
        double scale = expected is double e && e != 0 ? Math.Abs(e) : 1.0;
        return Math.Abs(a.Value - b.Value) <= (tolerance ?? 0) * scale;
    }

    /// <summary>Same sign and within a factor of <see cref="MagnitudeFactor"/>, or both below the rounding floor.</summary>
    public static bool SameMagnitude(double? a, double? b) => SameMagnitude(a, b, MagnitudeFactor);

    /// <summary>Same sign and within <paramref name="factor"/>, or both below the rounding floor.</summary>
    public static bool SameMagnitude(double? a, double? b, double factor)
    {
        if (a is null || b is null) return a is null && b is null;
        double x = a.Value, y = b.Value;
        if (x == y) return true;
        if (Math.Abs(x) < Comparison.RoundingFloor && Math.Abs(y) < Comparison.RoundingFloor) return true;
        if (Math.Sign(x) != Math.Sign(y)) return false;
        double big = Math.Max(Math.Abs(x), Math.Abs(y)), small = Math.Min(Math.Abs(x), Math.Abs(y));
        return big <= factor * small;
    }
}
