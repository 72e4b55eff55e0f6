using System.Text.Json.Nodes;

namespace IncLearn.Runner;

/// <summary>
/// Compares a stored figure (its plotly.js JSON, <see cref="Comparison.PlotlyMimeType"/>) with its re-execution. Text (titles,
/// names, axis labels) must be equal. A number of a series marked as measuring rounding or integration error (trace
/// <c>meta</c> = <see cref="ErrorSeriesMeta"/>, which the notebook layer writes) agrees by order of magnitude, as a check's
/// error does (<see cref="CheckComparison.SameMagnitude"/>); one marked as rounding amplified by a growing factor
/// (<see cref="AmplifiedRoundingSeriesMeta"/>) agrees within <see cref="AmplifiedRoundingFactor"/>. Every other number agrees
/// within <see cref="FigureRtol"/>.
/// </summary>
public static class FigureComparison
{
    /// <summary>The mark the notebook layer puts in a trace's <c>meta</c> when its values measure an error (spelled in both
    /// layers, which never reference each other; LayerContractTests asserts they agree).</summary>
    public const string ErrorSeriesMeta = "inclearn:precision=magnitude";

    /// <summary>The mark of a series of rounding amplified by a growing factor (chapter 01's error of eq. (5) as printed).</summary>
    public const string AmplifiedRoundingSeriesMeta = "inclearn:precision=amplified-rounding";

    /// <summary>Such a series agrees within three decades. Why: every sample is the first operations' rounding times
    /// e^(σ₁t), and that first rounding moved by 50× (OpenBLAS's Sandybridge kernel against Haswell's) while the growth, the
    /// series' claim, stayed; a wrong formula or a lost digit pattern moves it by many decades.</summary>
    public static readonly double AmplifiedRoundingFactor = 1e3;

    /// <summary>Relative tolerance of a figure's numbers. A figure is read by eye, which tells values apart at about 1e-3 of
    /// an axis (or of a decade, on a log axis); 1e-6 is a thousand times finer than that, and well above the 1e-9 by which
    /// the small values of a trajectory move from one BLAS kernel to another.</summary>
    public const double FigureRtol = 1e-6;

    /// <summary>Returns null when the figures agree, else where they first differ.</summary>
    public static string? Compare(JsonNode? stored, JsonNode? executed)
        => Walk(stored, executed, "figure", errorFactor: null);

    /// <summary>The factor within which a trace's numbers agree by magnitude, when both copies carry the same mark.</summary>
    private static double? MagnitudeFactorOf(JsonObject storedTrace, JsonObject executedTrace)
    {
        string? mark = (string?)(storedTrace["meta"] as JsonValue);
        if (mark != (string?)(executedTrace["meta"] as JsonValue)) return null;
        return mark switch
        {
            ErrorSeriesMeta => CheckComparison.MagnitudeFactor,
            AmplifiedRoundingSeriesMeta => AmplifiedRoundingFactor,
            _ => null,
        };
    }

    private static string? Walk(JsonNode? a, JsonNode? b, string path, double? errorFactor)
    {
        switch (a, b)
        {
            case (null, null):
                return null;
            case (JsonObject x, JsonObject y):
                if (!x.Select(kv => kv.Key).Order(StringComparer.Ordinal).SequenceEqual(y.Select(kv => kv.Key).Order(StringComparer.Ordinal)))
                    return $"{path}: fields {string.Join(",", x.Select(kv => kv.Key))} stored, {string.Join(",", y.Select(kv => kv.Key))} re-executed";
                var factor = errorFactor ?? MagnitudeFactorOf(x, y);
                foreach (var (key, value) in x)
                    if (Walk(value, y[key], $"{path}.{key}", factor) is string diff) return diff;
                return null;
            case (JsonArray x, JsonArray y):
                if (x.Count != y.Count) return $"{path}: {x.Count} values stored, {y.Count} re-executed";
                for (int i = 0; i < x.Count; i++)
                    if (Walk(x[i], y[i], $"{path}[{i}]", errorFactor) is string diff) return diff;
                return null;
            case (JsonValue x, JsonValue y) when x.TryGetValue<double>(out var p) && y.TryGetValue<double>(out var q):
                bool agree = errorFactor is double f ? CheckComparison.SameMagnitude(p, q, f) : CheckComparison.Exact(p, q, FigureRtol);
                return agree ? null : $"{path}: {p:R} stored, {q:R} re-executed ({(errorFactor is double g ? $"an error series, compared within a factor of {g:G3}" : $"rtol {FigureRtol:G}")})";
            default:
                return a?.ToJsonString() == b?.ToJsonString() ? null : $"{path}: {Clip(a)} stored, {Clip(b)} re-executed";
        }
    }

    private static string Clip(JsonNode? node)
    {
        string s = node?.ToJsonString() ?? "null";
        return s.Length > 120 ? s[..120] + "…" : s;
    }
}
