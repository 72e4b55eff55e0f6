using System.Text.Json.Nodes;
using Json.Schema;

namespace IncLearn.Runner;

/// <summary>
/// Format checks without executing: nbformat's own validator (its v4.5 JSON schema, embedded, plus its unique-cell-id rule),
/// then what VS Code Polyglot Notebooks expects (kernelspec, kernel names, no stored errors).
/// </summary>
public static class Validation
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
    {
        using var stream = typeof(Validation).Assembly.GetManifestResourceStream("nbformat.v4.5.schema.json")!;
        var node = JsonNode.Parse(stream)!.AsObject();
        // The file declares draft-04; it uses no keyword whose meaning changed since, so draft-07 evaluates it identically.
        node["$schema"] = "http://json-schema.org/draft-07/schema#";
        return JsonSchema.FromText(node.ToJsonString());
    });

    /// <summary>Problems found in a notebook file (empty when clean), each prefixed with the path.</summary>
    public static IReadOnlyList<string> Validate(string path)
    {
        JsonObject nb;
        try { nb = NotebookFile.Load(path); }
        catch (NotebookFormatException e) { return [e.Message]; }
        var problems = new List<string>(SchemaProblems(nb));
        if (problems.Count > 0) return problems.Select(p => $"{path}: {p}").ToArray(); // the rest assumes a valid notebook

        int minor = nb["nbformat_minor"]!.GetValue<int>();
        if (minor < 5) problems.Add($"nbformat 4.{minor} < 4.5 (cells need ids)");
        string? kernelspec = nb["metadata"]?["kernelspec"]?["name"]?.GetValue<string>();
        if (kernelspec != ".net-csharp") problems.Add($"metadata.kernelspec.name is '{kernelspec ?? "missing"}', Polyglot Notebooks expects '.net-csharp'");
        if (nb["metadata"]?["polyglot_notebook"] is null) problems.Add("metadata.polyglot_notebook (kernelInfo) is missing");
        var cells = (JsonArray)nb["cells"]!;
        for (int i = 0; i < cells.Count; i++)
        {
            var c = (JsonObject)cells[i]!;
            if (c["cell_type"]!.GetValue<string>() != "code") continue;
            if (c["metadata"]?["polyglot_notebook"]?["kernelName"] is null) problems.Add($"cell {i}: metadata.polyglot_notebook.kernelName is missing");
            if (((JsonArray)c["outputs"]!).OfType<JsonObject>().Any(o => o["output_type"]?.GetValue<string>() == "error"))
                problems.Add($"cell {i}: has a stored error output");
        }
        return problems.Select(p => $"{path}: {p}").ToArray();
    }

    /// <summary>What nbformat.validate rejects: the v4.5 schema (for nbformat 4 files) and duplicate cell ids.</summary>
    public static IEnumerable<string> SchemaProblems(JsonObject nb)
    {
        if (nb["nbformat"] is not JsonValue v || !v.TryGetValue<int>(out int major) || major != 4)
        {
            yield return "nbformat is not 4 (only nbformat 4 notebooks are supported)";
            yield break;
        }
        var result = Schema.Value.Evaluate(nb, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (!result.IsValid)
        {
            var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{(d.InstanceLocation.ToString() is { Length: > 0 } at ? at : "/")}: {e.Value}"))
                .Distinct().ToArray();
            // oneOf over the cell kinds reports every branch; the shortest messages name the actual problem first.
            foreach (var e in errors.Take(8)) yield return $"nbformat schema: {e}";
            if (errors.Length > 8) yield return $"nbformat schema: {errors.Length - 8} more";
            if (errors.Length == 0) yield return "nbformat schema: invalid";
        }
        var seen = new HashSet<string>();
        foreach (var id in (nb["cells"] as JsonArray ?? []).OfType<JsonObject>().Select(c => c["id"]).OfType<JsonValue>())
            if (id.TryGetValue<string>(out var s) && !seen.Add(s)) yield return $"non-unique cell id '{s}'";
    }
}
