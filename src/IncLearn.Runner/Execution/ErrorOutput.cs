using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace IncLearn.Runner;

/// <summary>nbformat error outputs from the kernel's failure messages and from the runner's own failures.</summary>
public static partial class ErrorOutput
{
    [GeneratedRegex(@"^(?<name>[A-Za-z_][\w.]*(?:Exception|Error)): (?<value>.*)$")]
    private static partial Regex TypedMessage();

    /// <summary>The kernel's <c>CommandFailed</c> message as a typed error: "System.X: text\n   at …" names its exception type;
    /// compile errors ("(1,5): error CS0103: …") are named <c>Error</c>, as the kernel names them.</summary>
    public static CellFailedException ToFailure(string message)
    {
        string first = message.Split('\n', 2)[0].TrimEnd('\r');
        var m = TypedMessage().Match(first);
        return m.Success
            ? new CellFailedException(m.Groups["name"].Value, m.Groups["value"].Value, message)
            : new CellFailedException("Error", message, message);
    }

    /// <summary>The nbformat error output (keys in nbformat's order).</summary>
    public static JsonObject ToJson(string ename, string evalue, string traceback) => new()
    {
        ["ename"] = ename,
        ["evalue"] = evalue,
        ["output_type"] = "error",
        ["traceback"] = new JsonArray(traceback.Split('\n').Select(l => (JsonNode?)JsonValue.Create(l.TrimEnd('\r'))).ToArray()),
    };

    /// <summary>The error output of a typed failure.</summary>
    public static JsonObject ToJson(Exception failure) => failure switch
    {
        CellFailedException e => ToJson(e.Ename, e.Evalue, e.Message),
        _ => ToJson(failure.GetType().Name, failure.Message, $"{failure.GetType().Name}: {failure.Message}"),
    };
}
