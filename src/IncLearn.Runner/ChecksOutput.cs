using System.Text.Json;
using System.Text.Json.Nodes;

namespace IncLearn.Runner;

/// <summary>
/// How checks reach the runner: the notebook layer renders every check as a display or execute_result output whose data
/// carries <see cref="MimeType"/>, a JSON array of {name, passed, kind, actual, expected, tolerance, detail} (beside
/// text/html and text/plain for people). The runner reads nothing else.
/// </summary>
public static class ChecksOutput
{
    /// <summary>The MIME type of check data.</summary>
    public const string MimeType = "application/vnd.inclearn.checks+json";

    /// <summary>The checks in one output's data value (parsed JSON, or JSON text). Data that is not such an array becomes one
    /// failed check saying so: a malformed report must never read as a pass.</summary>
    public static IReadOnlyList<NotebookCheck> Read(JsonNode? value)
    {
        try
        {
            var node = value is JsonValue v && v.TryGetValue<string>(out var text) ? JsonNode.Parse(text) : value;
            if (node is not JsonArray array) throw new FormatException("not a JSON array");
            return array.Select(Check).ToArray();
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
        {
            return [new NotebookCheck("(malformed checks output)", false, "malformed", null, null, null, $"{MimeType} data could not be read: {e.Message}")];
        }
    }

    private static NotebookCheck Check(JsonNode? node)
    {
        if (node is not JsonObject o) throw new FormatException("an element is not an object");
        string name = o["name"]?.GetValue<string>() ?? throw new FormatException("a check has no name");
        bool passed = o["passed"]?.GetValue<bool>() ?? throw new FormatException($"check '{name}' has no passed flag");
        return new NotebookCheck(name, passed, o["kind"]?.GetValue<string>() ?? "", Number(o["actual"]), Number(o["expected"]),
            Number(o["tolerance"]), o["detail"]?.GetValue<string>() ?? "");
    }

    private static double? Number(JsonNode? node) => node is null ? null : node.GetValue<double>();
}
