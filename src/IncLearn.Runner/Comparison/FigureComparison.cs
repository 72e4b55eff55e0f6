using System.Text.Json.Nodes;

namespace IncLearn.Runner;

/// <summary>
/// Compares a stored figure (its plotly.js JSON, <see cref="Comparison.PlotlyMimeType"/>) with its re-execution. Text (titles,
/// names, axis labels) must be equal. A number of a series marked as measuring rounding or integration error (trace
/// <c>meta</c> = <see cref="ErrorSeriesMeta"/>, which the notebook layer writes) agrees by order of magnitude, as a check's
/// error does (<see cref="CheckComparison.SameMagnitude"/>). Every other number agrees within <see cref="FigureRtol"/>.
/// </summary>
public static class FigureComparison
{
    /// <summary>The mark the notebook layer puts in a trace's <c>meta</c> when its values measure an error.</summary>
    public const string ErrorSeriesMeta = "inclearn:precision=magnitude";

    /// <summary>Relative tolerance of a figure's numbers. A figure is read by eye, which tells values apart at about 1e-3 of
    /// an axis (or of a decade, on a log axis); 1e-6 is a thousand times finer than that, and well above the 1e-9 by which
    /// the small values of a trajectory move from one BLAS kernel to another.</summary>
    public const double FigureRtol = 1e-6;

    /// <summary>Returns null when the figures agree, else where they first differ.</summary>
    public static string? Compare(JsonNode? stored, JsonNode? executed)
        => Walk(stored, executed, "figure", errorSeries: false);

    private static string? Walk(JsonNode? a, JsonNode? b, string path, bool errorSeries)
    {
        switch (a, b)
        {
            case (null, null):
                return null;
            case (JsonObject x, JsonObject y):
                if (!x.Select(kv => kv.Key).Order(StringComparer.Ordinal).SequenceEqual(y.Select(kv => kv.Key).Order(StringComparer.Ordinal)))
                    return $"{path}: fields {string.Join(",", x.Select(kv => kv.Key))} stored, {string.Join(",", y.Select(kv => kv.Key))} re-executed";
                bool marked = errorSeries || (string?)(x["meta"] as JsonValue) == ErrorSeriesMeta && (string?)(y["meta"] as JsonValue) == ErrorSeriesMeta;
                foreach (var (key, value) in x)
                    if (Walk(value, y[key], $"{path}.{key}", marked) is string diff) return diff;
                return null;
            case (JsonArray x, JsonArray y):
                if (x.Count != y.Count) return $"{path}: {x.Count} values stored, {y.Count} re-executed";
                for (int i = 0; i < x.Count; i++)
                    if (Walk(x[i], y[i], $"{path}[{i}]", errorSeries) is string diff) return diff;
                return null;
            case (JsonValue x, JsonValue y) when x.TryGetValue<double>(out var p) && y.TryGetValue<double>(out var q):
                bool agree = errorSeries ? CheckComparison.SameMagnitude(p, q) : CheckComparison.Exact(p, q, FigureRtol);
                return agree ? null : $"{path}: {p:R} stored, {q:R} re-executed ({(errorSeries ? "an error series, compared by magnitude" : $"rtol {FigureRtol:G}")})";
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
