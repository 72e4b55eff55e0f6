using System.Text.Json;
using System.Text.Json.Nodes;

namespace IncLearn.Runner;

/// <summary>
/// How checks reach the runner: the notebook layer renders every check as a display or execute_result output whose data
/// carries <see cref="MimeType"/>, a JSON array of {name, passed, kind, actual, expected, tolerance, detail, status, buildIt,
/// precision} (status, buildIt and precision may be absent in older outputs; status then follows passed) (beside
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
            return [new NotebookCheck("(malformed checks output)", NotebookCheckStatus.Failed, "malformed", null, null, null, $"{MimeType} data could not be read: {e.Message}")];
        }
    }

    private static NotebookCheck Check(JsonNode? node)
    {
        if (node is not JsonObject o) throw new FormatException("an element is not an object");
        string name = o["name"]?.GetValue<string>() ?? throw new FormatException("a check has no name");
        bool passed = o["passed"]?.GetValue<bool>() ?? throw new FormatException($"check '{name}' has no passed flag");
        var status = o["status"]?.GetValue<string>() switch
        {
            null => passed ? NotebookCheckStatus.Passed : NotebookCheckStatus.Failed,
            "passed" when passed => NotebookCheckStatus.Passed,
            "failed" when !passed => NotebookCheckStatus.Failed,
            "not-implemented" when !passed => NotebookCheckStatus.NotImplemented,
            var other => throw new FormatException($"check '{name}' has status '{other}' with passed = {passed}"),
        };
        return new NotebookCheck(name, status, o["kind"]?.GetValue<string>() ?? "", Number(o["actual"]), Number(o["expected"]),
            Number(o["tolerance"]), o["detail"]?.GetValue<string>() ?? "") 
        {
            BuildIt = o["buildIt"]?.GetValue<bool>() ?? false,
            MeasuresError = o["precision"]?.GetValue<string>() switch
            {
                null or "exact" => false,
                "magnitude" => true,
                var other => throw new FormatException($"check '{name}' has precision '{other}'"),
            },
        };
    }

    /// <summary>The status as the notebook layer spells it: passed, failed, not-implemented.</summary>
    public static string StatusName(NotebookCheckStatus status) => status switch
    {
        NotebookCheckStatus.Passed => "passed", NotebookCheckStatus.Failed => "failed", _ => "not-implemented",
    };

    private static double? Number(JsonNode? node) => node is null ? null : node.GetValue<double>();
}
