using System.Text.Json;
using System.Text.Json.Nodes;

namespace IncLearn.Runner;

/// <summary>The JSON types the runner relies on when it reads a notebook (a wrong type is reported, never an unhandled exception).</summary>
public static class NotebookShape
{
    /// <summary>Problems with the shape of a parsed notebook, first the most basic.</summary>
    public static IEnumerable<string> Problems(JsonObject nb)
    {
        if (nb["cells"] is not JsonArray cells) { yield return "\"cells\" is missing or not an array"; yield break; }
        if (nb.ContainsKey("metadata") && nb["metadata"] is not JsonObject) yield return "\"metadata\" is not an object";
        foreach (var key in new[] { "nbformat", "nbformat_minor" })
            if (nb.ContainsKey(key) && !IsInteger(nb[key])) yield return $"\"{key}\" is not an integer";
        for (int i = 0; i < cells.Count; i++)
        {
            if (cells[i] is not JsonObject cell) { yield return $"cells[{i}] is not an object"; continue; }
            string? type = Kind(cell["cell_type"]) == JsonValueKind.String ? cell["cell_type"]!.GetValue<string>() : null;
            if (type is not ("code" or "markdown" or "raw")) { yield return $"cells[{i}].cell_type is not \"code\", \"markdown\" or \"raw\""; continue; }
            var source = cell["source"];
            if (!(Kind(source) == JsonValueKind.String || source is JsonArray a && a.All(l => Kind(l) == JsonValueKind.String)))
                yield return $"cells[{i}].source is not a string or an array of strings";
            if (cell.ContainsKey("metadata") && cell["metadata"] is not JsonObject) { yield return $"cells[{i}].metadata is not an object"; continue; }
            var meta = cell["metadata"] as JsonObject;
            if (meta?["tags"] is { } tags && !(tags is JsonArray t && t.All(x => Kind(x) == JsonValueKind.String)))
                yield return $"cells[{i}].metadata.tags is not an array of strings";
            if (meta?["polyglot_notebook"] is { } pn && (pn is not JsonObject || pn["kernelName"] is { } kn && Kind(kn) != JsonValueKind.String))
                yield return $"cells[{i}].metadata.polyglot_notebook.kernelName is not a string";
            if (meta?["dotnet_interactive"] is { } di && (di is not JsonObject || di["language"] is { } lang && Kind(lang) != JsonValueKind.String))
                yield return $"cells[{i}].metadata.dotnet_interactive.language is not a string";
            if (type != "code") continue;
            if (cell["outputs"] is { } outs && !(outs is JsonArray o && o.All(x => x is JsonObject)))
                yield return $"cells[{i}].outputs is not an array of objects";
            if (cell["execution_count"] is { } n && !IsInteger(n))
                yield return $"cells[{i}].execution_count is not null or an integer";
        }
    }

    private static JsonValueKind Kind(JsonNode? n) => n?.GetValueKind() ?? JsonValueKind.Null;

    private static bool IsInteger(JsonNode? n) => n is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out _);
}
