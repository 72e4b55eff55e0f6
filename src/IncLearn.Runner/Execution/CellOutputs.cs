using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace IncLearn.Runner;

/// <summary>
/// The outputs of one cell, built from the kernel's events as they arrive: stdout/stderr text (consecutive writes to one
/// stream merged in a growing buffer, so capture is linear in the output size), displays, the return value, an error.
/// Displays are registered by their value id so that <c>display(x).Update(y)</c> replaces the output it produced, in
/// this cell or an earlier one.
/// </summary>
public sealed partial class CellOutputs(Dictionary<string, JsonObject> displays)
{
    private readonly List<object> items = []; // StreamText or a finished JsonObject output
    private readonly List<NotebookCheck> checks = [];

    private sealed class StreamText(string name)
    {
        public string Name { get; } = name;
        public StringBuilder Text { get; } = new();
    }

    [GeneratedRegex(@"^application/(.*\+)?json$")]
    private static partial Regex JsonMime();

    /// <summary>Checks displayed by the cell, in order.</summary>
    public IReadOnlyList<NotebookCheck> Checks => checks;

    /// <summary>Applies one kernel event (unknown event types carry no output and are ignored).</summary>
    public void Apply(string eventType, JsonObject ev)
    {
        switch (eventType)
        {
            case "StandardOutputValueProduced": AddStream("stdout", PlainText(ev)); break;
            case "StandardErrorValueProduced": AddStream("stderr", PlainText(ev)); break;
            case "ErrorProduced": AddStream("stderr", (ev["message"]?.GetValue<string>() ?? PlainText(ev)) + "\n"); break;
            case "DisplayedValueProduced": AddDisplay(ev, result: false); break;
            case "ReturnValueProduced": AddDisplay(ev, result: true); break;
            case "DisplayedValueUpdated":
                if (ev["valueId"]?.GetValue<string>() is { } id && displays.TryGetValue(id, out var shown) && Data(ev) is { } data)
                    shown["data"] = data;
                break;
        }
    }

    /// <summary>Appends text to a stream output, merging with the previous output when it is the same stream.</summary>
    public void AddStream(string name, string text)
    {
        if (text.Length == 0) return;
        if (items.Count == 0 || items[^1] is not StreamText s || s.Name != name) items.Add(s = new StreamText(name));
        s.Text.Append(text);
    }

    /// <summary>Appends an error output.</summary>
    public void AddError(JsonObject error) => items.Add(error);

    private void AddDisplay(JsonObject ev, bool result)
    {
        var data = Data(ev);
        if (data is null) return;
        foreach (var (mime, value) in data)
            if (mime == ChecksOutput.MimeType) checks.AddRange(ChecksOutput.Read(value));
        var output = result
            ? new JsonObject { ["data"] = data, ["execution_count"] = null, ["metadata"] = new JsonObject(), ["output_type"] = "execute_result" }
            : new JsonObject { ["data"] = data, ["metadata"] = new JsonObject(), ["output_type"] = "display_data" };
        if (ev["valueId"]?.GetValue<string>() is { } id) displays[id] = output;
        items.Add(output);
    }

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

    /// <summary>The nbformat outputs; execute_result outputs get <paramref name="executionCount"/>.</summary>
    public JsonArray ToJson(int? executionCount)
    {
        var array = new JsonArray();
        foreach (var item in items)
        {
            if (item is StreamText s)
                array.Add(new JsonObject { ["name"] = s.Name, ["output_type"] = "stream", ["text"] = NotebookFile.Lines(s.Text.ToString()) });
            else
            {
                var o = (JsonObject)item;
                if (o["output_type"]?.GetValue<string>() == "execute_result") o["execution_count"] = executionCount;
                // An output node may already sit in a notebook (a display updated later): detach by re-parenting a clone only once.
                array.Add(o.Parent is null ? o : o.DeepClone());
            }
        }
        return array;
    }
}
