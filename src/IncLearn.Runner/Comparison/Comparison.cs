using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace IncLearn.Runner;

/// <summary>
/// nbval-style comparison of stored outputs with re-executed ones, except that numbers in text compare with a relative
/// tolerance and volatile parts (chart element ids: GUIDs and 32-hex function names; cell timings live in metadata, which is not compared) are sanitized. The difference names the cell and the
/// first differing line.
/// </summary>
public static partial class Comparison
{
    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid();

    [GeneratedRegex("(?<![0-9a-fA-F])[0-9a-f]{32}(?![0-9a-fA-F])")]
    private static partial Regex HexId();

    [GeneratedRegex(@"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")]
    private static partial Regex Number();

    // The real kernel's Jupyter bootstrap script names the HTTP port it happened to get ("http://127.0.0.1:2048/",
    // "context: '10002.Microsoft.DotNet.Interactive.Http.HttpPort'"): it varies from run to run and carries no result.
    [GeneratedRegex(@"(?<=127\.0\.0\.1:|localhost:)\d+|\d+(?=\.Microsoft\.DotNet\.Interactive\.Http\.HttpPort)")]
    private static partial Regex KernelPort();

    // An image embedded in HTML (a chart's PNG fallback inside its text/html) compares by presence, as image outputs do.
    [GeneratedRegex(@"(?<=data:image/[a-z+.-]+;base64,)[A-Za-z0-9+/=]+")]
    private static partial Regex EmbeddedImage();

    /// <summary>Sanitizes volatile parts of an output text.</summary>
    public static string Sanitize(string text) =>
        KernelPort().Replace(HexId().Replace(Guid().Replace(EmbeddedImage().Replace(text, "<image>"), "<guid>"), "<id>"), "<port>");

    /// <summary>Numbers smaller than this in magnitude (on both sides) compare equal: residuals at rounding level
    /// (1e-16…1e-13) are not reproducible across CPUs and library versions, and every claim in the notebooks is judged
    /// against a tolerance of 1e-12 or more, so they carry no result.</summary>
    public const double RoundingFloor = 1e-12;

    /// <summary>Compares the code-cell outputs of two notebooks; returns null when equal within <paramref name="rtol"/>.</summary>
    public static string? Compare(JsonObject stored, JsonObject executed, double rtol)
    {
        var a = Cells(stored);
        var b = Cells(executed);
        if (a.Count != b.Count) return $"the notebooks have {a.Count} and {b.Count} code cells";
        for (int c = 0; c < a.Count; c++)
        {
            // A cell that did not run reproduces nothing, even when its stored outputs happen to be empty too.
            if (!b[c].Cell.HasRun && !b[c].Cell.HasTag("skip-execution"))
                return $"cell {b[c].Index} (code cell {c + 1}) did not run: {b[c].Cell.Metadata?["inclearn"]?["reason"]?.GetValue<string>() ?? "no execution count"}";
            var oa = Outputs(a[c].Cell);
            var ob = Outputs(b[c].Cell);
            if (oa.Count != ob.Count)
                return $"cell {a[c].Index} (code cell {c + 1}): {oa.Count} stored outputs, {ob.Count} after re-execution";
            for (int o = 0; o < oa.Count; o++)
            {
                string where = $"cell {a[c].Index} (code cell {c + 1}), output {o + 1}";
                if (oa[o].Checks is not null || ob[o].Checks is not null)
                {
                    if (CompareChecks(oa[o].Checks, ob[o].Checks, rtol) is string checkDiff) return $"{where}: {checkDiff}";
                    continue;
                }
                if ((oa[o].Figure is null) != (ob[o].Figure is null)) return $"{where}: a figure {(oa[o].Figure is null ? "appeared" : "is missing")} after re-execution";
                if (oa[o].Figure is not null && FigureComparison.Compare(oa[o].Figure, ob[o].Figure) is string figureDiff) return $"{where}: {figureDiff}";
                var la = oa[o].Text.Split('\n');
                var lb = ob[o].Text.Split('\n');
                for (int l = 0; l < Math.Max(la.Length, lb.Length); l++)
                {
                    string x = l < la.Length ? la[l] : "<missing>";
                    string y = l < lb.Length ? lb[l] : "<missing>";
                    if (!LinesEqual(x, y, rtol))
                        return $"{where}, line {l + 1}:\n  stored:     {Clip(x)}\n  re-executed: {Clip(y)}";
                }
            }
        }
        return null;
    }

    private static string Clip(string s) => s.Length > 200 ? s[..200] + "…" : s;

    /// <summary>Two lines are equal when their non-numeric text is equal and each pair of numbers agrees within rtol.</summary>
    public static bool LinesEqual(string x, string y, double rtol)
    {
        if (x == y) return true;
        if (Number().Replace(x, "#") != Number().Replace(y, "#")) return false;
        var nx = Number().Matches(x);
        var ny = Number().Matches(y);
        for (int i = 0; i < nx.Count; i++)
        {
            double p = double.Parse(nx[i].Value, CultureInfo.InvariantCulture);
            double q = double.Parse(ny[i].Value, CultureInfo.InvariantCulture);
            if (p == q) continue;
            if (Math.Max(Math.Abs(p), Math.Abs(q)) < RoundingFloor) continue;
            if (Math.Abs(p - q) > rtol * Math.Max(Math.Abs(p), Math.Abs(q))) return false;
        }
        return true;
    }

    private static List<(int Index, NotebookCell Cell)> Cells(JsonObject nb)
        => new NotebookDocument(nb).Cells.Select((c, i) => (i, c)).Where(t => t.c.IsCode).ToList();

    /// <summary>MIME type of a chart's plotly.js figure JSON.</summary>
    public const string PlotlyMimeType = "application/vnd.plotly.v1+json";

    /// <summary>What of one output is compared: its checks, read as data, when it carries the checks MIME type (its HTML and
    /// text are renderings of the same checks); its figure JSON and title when it carries a plotly figure (its HTML embeds the
    /// same JSON, its image draws it); otherwise its type and each MIME type's sanitized content, as text.</summary>
    private sealed record ComparedOutput(string Text, IReadOnlyList<NotebookCheck>? Checks, JsonNode? Figure = null);

    private static List<ComparedOutput> Outputs(NotebookCell cell)
    {
        var list = new List<ComparedOutput>();
        if (cell.Outputs is not { } outs) return list;
        foreach (var o in outs.OfType<JsonObject>().Where(o => !IsJupyterBootstrap(o) && !IsCompilerWarnings(o)))
        {
            if (o["data"]?[ChecksOutput.MimeType] is JsonNode checks)
            {
                list.Add(new ComparedOutput("", ChecksOutput.Read(JsonArrayText(checks))));
                continue;
            }
            if (o["data"]?[PlotlyMimeType] is JsonNode figure)
            {
                list.Add(new ComparedOutput(Sanitize("[text/plain]\n" + Flatten(o["data"]?["text/plain"])), null, ParsedJson(figure)));
                continue;
            }
            string type = o["output_type"]?.GetValue<string>() ?? "";
            string text = type switch
            {
                "stream" => $"[{o["name"]}]\n" + Flatten(o["text"]),
                "error" => $"[error {o["ename"]}]\n{o["evalue"]}",
                _ => string.Join("\n", (o["data"] as JsonObject ?? []).OrderBy(kv => kv.Key, StringComparer.Ordinal)
                        .Select(kv => $"[{kv.Key}]\n{(IsImage(kv.Key) ? "<image>" : IsJson(kv.Key) ? CanonicalJson(kv.Value) : Flatten(kv.Value))}")),
            };
            list.Add(new ComparedOutput(Sanitize(text), null));
        }
        return list;
    }

    // A figure's JSON as a tree, however nbformat stored it (a tree, a string, a list of lines).
    private static JsonNode? ParsedJson(JsonNode node)
    {
        var text = JsonArrayText(node);
        try { return text is JsonValue v && v.TryGetValue<string>(out var s) ? JsonNode.Parse(s) : text; }
        catch (System.Text.Json.JsonException) { return text; }
    }

    // nbformat stores JSON data as a tree, a string, or a list of lines; ChecksOutput reads a tree or a string.
    private static JsonNode? JsonArrayText(JsonNode node)
        => node is JsonArray lines && lines.Count > 0 && lines.All(l => l is JsonValue lv && lv.TryGetValue<string>(out _))
            ? JsonValue.Create(string.Concat(lines.Select(l => (string)l!)))
            : node;

    private static string? CompareChecks(IReadOnlyList<NotebookCheck>? stored, IReadOnlyList<NotebookCheck>? executed, double rtol)
    {
        if (stored is null || executed is null) return stored is null ? "a check output appeared after re-execution" : "a stored check output is missing after re-execution";
        if (stored.Count != executed.Count) return $"{stored.Count} stored checks, {executed.Count} after re-execution";
        for (int i = 0; i < stored.Count; i++)
            if (CheckComparison.Compare(stored[i], executed[i], rtol) is string diff) return diff;
        return null;
    }

    // In Jupyter mode the kernel's first cell also shows a script that connects the page to the kernel's HTTP API; other
    // front ends (stdio, dotnet-repl) have no page to connect. It carries no result, so neither side's copy is compared.
    private static bool IsJupyterBootstrap(JsonObject output)
        => output["data"]?["text/html"] is JsonNode html && Flatten(html).Contains("loadDotnetInteractiveApi", StringComparison.Ordinal);

    // Jupyter mode prints the compiler's warnings (e.g. CS1701 for MathNet's System.Runtime.Numerics 6.0 reference) as stderr;
    // stdio and dotnet-repl send them as diagnostics, not outputs. Warnings carry no result, so a stream of only warnings is skipped.
    private static bool IsCompilerWarnings(JsonObject output)
        => (string?)output["output_type"] == "stream" && (string?)output["name"] == "stderr"
           && Flatten(output["text"]).Split('\n').All(l => l.Trim().Length == 0 || l.TrimStart().StartsWith("warning CS", StringComparison.Ordinal));

    private static bool IsJson(string mime) => mime.EndsWith("json", StringComparison.Ordinal);

    // A JSON output compares as JSON, not as text: Jupyter stores the kernel's JSON as a string, the stdio protocol re-encodes
    // it (σ as \u03C3), a writer may store it as a JSON tree. One value per line, so numbers compare one by one.
    private static string CanonicalJson(JsonNode? value)
    {
        JsonNode? node = value;
        try
        {
            if (value is JsonValue v && v.TryGetValue<string>(out var text)) node = JsonNode.Parse(text);
            else if (value is JsonArray lines && lines.Count > 0 && lines.All(l => l is JsonValue lv && lv.TryGetValue<string>(out _)))
                node = JsonNode.Parse(string.Concat(lines.Select(l => (string)l!))); // nbformat's list of lines
        }
        catch (System.Text.Json.JsonException) { node = value; } // text that is not JSON (or JSON data that is a list of strings)
        return (node?.ToJsonString(CanonicalOptions) ?? "null").Replace(",", ",\n");
    }

    private static readonly System.Text.Json.JsonSerializerOptions CanonicalOptions =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Images compare by presence only: they are renderings (antialiasing, fonts) of data that is compared beside them,
    // e.g. a chart's PNG next to its figure JSON; their bytes differ across machines without any result changing.
    private static bool IsImage(string mime) => mime.StartsWith("image/", StringComparison.Ordinal);

    private static string Flatten(JsonNode? node) => node switch
    {
        JsonArray arr when arr.All(x => x is JsonValue) => string.Concat(arr.Select(x => x!.GetValue<string>())),
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        null => "",
        _ => node.ToJsonString().Replace(",", ",\n"),
    };
}
