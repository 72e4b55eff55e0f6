using System.Text.Json.Nodes;
using Json.Schema;

namespace IncLearn.Runner;

/// <summary>
/// Format checks without executing: nbformat's own validator (the JSON schema of the notebook's own minor version, 4.0 to 4.5,
/// embedded, plus its unique-cell-id rule), then what VS Code Polyglot Notebooks expects (kernelspec, kernel names, no stored
/// errors).
/// </summary>
public static class Validation
{
    /// <summary>The newest nbformat 4 minor version whose schema is shipped.</summary>
    public const int LatestMinor = 5;

    private static readonly Lazy<JsonSchema>[] Schemas = Enumerable.Range(0, LatestMinor + 2)
        .Select(minor => new Lazy<JsonSchema>(() => Load(minor))).ToArray();

    // minor 0…5: that version's schema; anything newer: the latest, relaxed as nbformat relaxes it for notebooks "from the
    // future" (extra properties allowed, unknown cell and output types accepted).
    private static JsonSchema Load(int minor)
    {
        using var stream = typeof(Validation).Assembly.GetManifestResourceStream($"nbformat.v4.{Math.Min(minor, LatestMinor)}.schema.json")!;
        var node = JsonNode.Parse(stream)!.AsObject();
        // The files declare draft-04; they use no keyword whose meaning changed since, so draft-07 evaluates them identically.
        node["$schema"] = "http://json-schema.org/draft-07/schema#";
        if (minor > LatestMinor)
        {
            Relax(node);
            ((JsonArray)node["definitions"]!["cell"]!["oneOf"]!).Add(new JsonObject { ["$ref"] = "#/definitions/unrecognized_cell" });
            ((JsonArray)node["definitions"]!["output"]!["oneOf"]!).Add(new JsonObject { ["$ref"] = "#/definitions/unrecognized_output" });
        }
        return JsonSchema.FromText(node.ToJsonString());
    }

    private static void Relax(JsonNode? node)
    {
        if (node is JsonObject o)
        {
            o.Remove("additionalProperties");
            foreach (var (_, child) in o.ToArray()) Relax(child);
        }
        else if (node is JsonArray a) foreach (var child in a) Relax(child);
    }

    /// <summary>Problems found in a notebook file (empty when clean), each prefixed with the path.</summary>
    public static IReadOnlyList<string> Validate(string path)
    {
        JsonObject nb;
        try { nb = NotebookFile.Load(path); }
        catch (NotebookFormatException e) { return [e.Message]; }
        var problems = new List<string>(SchemaProblems(nb));
        if (problems.Count > 0) return problems.Select(p => $"{path}: {p}").ToArray(); // the rest assumes a valid notebook

        string? kernelspec = nb["metadata"]?["kernelspec"]?["name"]?.GetValue<string>();
        if (kernelspec is null) problems.Add("metadata.kernelspec.name is missing, Polyglot Notebooks expects one such as '.net-csharp'");
        try { KernelLanguage.DefaultOf(nb); }
        catch (KernelNotFoundException e) { problems.Add(e.Message); }
        if (nb["metadata"]?["polyglot_notebook"] is null) problems.Add("metadata.polyglot_notebook (kernelInfo) is missing");
        var cells = new NotebookDocument(nb).Cells;
        for (int i = 0; i < cells.Count; i++)
        {
            var c = cells[i];
            if (!c.IsCode) continue;
            if (c.Metadata?["polyglot_notebook"]?["kernelName"] is null) problems.Add($"cell {i}: metadata.polyglot_notebook.kernelName is missing");
            if (c.Outputs!.OfType<JsonObject>().Any(o => o["output_type"]?.GetValue<string>() == "error"))
                problems.Add($"cell {i}: has a stored error output");
        }
        return problems.Select(p => $"{path}: {p}").ToArray();
    }

    /// <summary>What nbformat.validate rejects: the schema of the notebook's nbformat 4 minor version and duplicate cell ids.</summary>
    public static IEnumerable<string> SchemaProblems(JsonObject nb)
    {
        if (nb["nbformat"] is not JsonValue v || !v.TryGetValue<int>(out int major) || major != 4)
        {
            yield return "nbformat is not 4 (only nbformat 4 notebooks are supported)";
            yield break;
        }
        int minor = nb["nbformat_minor"] is JsonValue m && m.TryGetValue<int>(out int n) && n >= 0 ? Math.Min(n, LatestMinor + 1) : LatestMinor;
        var result = Schemas[minor].Value.Evaluate(nb, new EvaluationOptions { OutputFormat = OutputFormat.List });
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
