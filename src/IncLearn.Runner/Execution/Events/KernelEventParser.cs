using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace IncLearn.Runner;

/// <summary>
/// Parses the lines of <c>dotnet-interactive stdio</c>'s standard output into <see cref="KernelLine"/>s, once, where they are
/// read. An envelope is <c>{"event": {…}, "eventType": "…", "command": {"token": "…", …}}</c>; MIME bundles become
/// nbformat's <c>data</c> (sorted by MIME type, JSON types parsed, the others as lists of lines).
/// </summary>
public static partial class KernelEventParser
{
    [GeneratedRegex(@"^application/(.*\+)?json$")]
    private static partial Regex JsonMime();

    /// <summary>Parses one line (without its newline).</summary>
    public static KernelLine Parse(string line)
    {
        // Raw output without a newline may sit right before an envelope on the same line.
        int json = line.StartsWith('{') ? 0 : line.IndexOf("{\"event\":", StringComparison.Ordinal);
        string glued = json > 0 ? line[..json] : "";
        if (json > 0) line = line[json..];
        JsonObject? envelope = null;
        if (json >= 0)
        {
            try { envelope = JsonNode.Parse(line) as JsonObject; }
            catch (JsonException) { }
        }
        if (envelope?["eventType"] is not JsonValue t || !t.TryGetValue<string>(out var type)) return new KernelLine(glued + line + "\n", null);
        return new KernelLine(glued, Event(type, envelope["event"] as JsonObject, String(envelope["command"]?["token"])));
    }

    private static KernelEvent Event(string type, JsonObject? ev, string? token) => (type, ev) switch
    {
        ("CommandSucceeded", _) => new CommandSucceeded(token),
        ("CommandFailed", _) => new CommandFailed(String(ev?["message"]), token),
        ("StandardOutputValueProduced", not null) => new StandardOutputProduced(PlainText(ev), token),
        ("StandardErrorValueProduced", not null) => new StandardErrorProduced(PlainText(ev), token),
        ("ErrorProduced", not null) => new ErrorProduced(String(ev["message"]) ?? PlainText(ev), token),
        ("DisplayedValueProduced", not null) => new DisplayedValueProduced(Data(ev), String(ev["valueId"]), token),
        ("DisplayedValueUpdated", not null) => new DisplayedValueUpdated(Data(ev), String(ev["valueId"]), token),
        ("ReturnValueProduced", not null) => new ReturnValueProduced(Data(ev), String(ev["valueId"]), token),
        _ => new OtherKernelEvent(type, token),
    };

    private static string? String(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>The MIME bundle of an event, sorted by MIME type; JSON MIME types hold parsed JSON, others nbformat's lines.</summary>
    private static JsonObject? Data(JsonObject ev)
    {
        var values = (ev["formattedValues"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(f => f["suppressDisplay"]?.GetValue<bool>() != true && f["mimeType"] is not null)
            .GroupBy(f => f["mimeType"]!.GetValue<string>()).OrderBy(g => g.Key, StringComparer.Ordinal).ToArray();
        if (values.Length == 0) return null;
        var data = new JsonObject();
        foreach (var g in values)
        {
            string text = g.Last()["value"]?.GetValue<string>() ?? "";
            data[g.Key] = JsonMime().IsMatch(g.Key) ? ParseOrText(text) : NotebookFile.Lines(text);
        }
        return data;
    }

    private static JsonNode? ParseOrText(string text)
    {
        try { return JsonNode.Parse(text); }
        catch (JsonException) { return JsonValue.Create(text); }
    }

    private static string PlainText(JsonObject ev)
        => string.Concat((ev["formattedValues"] as JsonArray ?? []).OfType<JsonObject>().Take(1).Select(f => f["value"]?.GetValue<string>() ?? ""));
}
