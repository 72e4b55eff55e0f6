using System.Text;
using System.Text.Json.Nodes;

namespace IncLearn.Runner;

/// <summary>
/// The outputs of one cell, built from the kernel's events as they arrive: stdout/stderr text (consecutive writes to one
/// stream merged in a growing buffer, so capture is linear in the output size), displays, the return value, an error.
/// Displays are registered by their value id so that <c>display(x).Update(y)</c> replaces the output it produced, in
/// this cell or an earlier one.
/// </summary>
public sealed class CellOutputs(Dictionary<string, JsonObject> displays)
{
    private readonly List<object> items = []; // StreamText or a finished JsonObject output
    private readonly List<NotebookCheck> checks = [];

    private sealed class StreamText(string name)
    {
        public string Name { get; } = name;
        public StringBuilder Text { get; } = new();
    }

    /// <summary>Checks displayed by the cell, in order.</summary>
    public IReadOnlyList<NotebookCheck> Checks => checks;

    /// <summary>Applies one kernel event (events that carry no output are ignored).</summary>
    public void Apply(KernelEvent e)
    {
        switch (e)
        {
            case StandardOutputProduced o: AddStream("stdout", o.Text); break;
            case StandardErrorProduced o: AddStream("stderr", o.Text); break;
            case ErrorProduced o: AddStream("stderr", o.Message + "\n"); break;
            case DisplayedValueProduced d: AddDisplay(d.Data, d.ValueId, result: false); break;
            case ReturnValueProduced r: AddDisplay(r.Data, r.ValueId, result: true); break;
            case DisplayedValueUpdated { ValueId: { } id, Data: { } data } when displays.TryGetValue(id, out var shown):
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

    private void AddDisplay(JsonObject? data, string? valueId, bool result)
    {
        if (data is null) return;
        foreach (var (mime, value) in data)
            if (mime == ChecksOutput.MimeType) checks.AddRange(ChecksOutput.Read(value));
        var output = result
            ? new JsonObject { ["data"] = data, ["execution_count"] = null, ["metadata"] = new JsonObject(), ["output_type"] = "execute_result" }
            : new JsonObject { ["data"] = data, ["metadata"] = new JsonObject(), ["output_type"] = "display_data" };
        if (valueId is { } id) displays[id] = output;
        items.Add(output);
    }

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
