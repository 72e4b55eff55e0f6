using System.Text.Json.Nodes;

namespace IncLearn.Runner;

/// <summary>
/// A typed view of one cell over its JSON object: reads come from the object and writes go into it, so what the view does
/// not name (the cell's id, attachments, unknown fields and metadata) stays as it was, in its place.
/// </summary>
public sealed class NotebookCell(JsonObject json)
{
    /// <summary>The cell's JSON object, the one source of truth.</summary>
    public JsonObject Json { get; } = json;

    /// <summary>The cell type: <c>code</c>, <c>markdown</c> or <c>raw</c> (empty when absent).</summary>
    public string Kind => Json["cell_type"] is JsonValue v && v.TryGetValue<string>(out var kind) ? kind : "";

    /// <summary>Whether this is a code cell.</summary>
    public bool IsCode => Kind == "code";

    /// <summary>The source as one string (nbformat stores a string or a list of lines).</summary>
    public string Source => NotebookFile.Text(Json["source"]);

    /// <summary>The cell's metadata, or null when it has none.</summary>
    public JsonObject? Metadata => Json["metadata"] as JsonObject;

    /// <summary>The tags (metadata.tags); entries that are not strings are passed over.</summary>
    public IReadOnlyList<string> Tags => Metadata?["tags"] is JsonArray tags
        ? tags.Select(t => t is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>().ToArray()
        : [];

    /// <summary>Whether the cell carries <paramref name="tag"/>.</summary>
    public bool HasTag(string tag) => Tags.Contains(tag);

    /// <summary>The outputs of a code cell, or null when it has none; setting replaces them in place.</summary>
    public JsonArray? Outputs
    {
        get => Json["outputs"] as JsonArray;
        set => Json["outputs"] = value;
    }

    /// <summary>The execution count (null: not run); setting writes it in place.</summary>
    public int? ExecutionCount
    {
        get => Json["execution_count"] is JsonValue v && v.TryGetValue<int>(out int n) ? n : null;
        set => Json["execution_count"] = value;
    }

    /// <summary>Whether the cell has an execution count (JSON null or absent: it did not run).</summary>
    public bool HasRun => Json["execution_count"] is not null;

    /// <summary>The kernel a code cell is sent to, as VS Code sends it: metadata.polyglot_notebook.kernelName, else
    /// metadata.dotnet_interactive.language, else the notebook's default kernel (<see cref="KernelLanguage.DefaultOf"/>).
    /// Magics such as <c>#!fsharp</c> inside the cell are the kernel's business.</summary>
    public string KernelName(string defaultKernel)
        => Metadata?["polyglot_notebook"]?["kernelName"]?.GetValue<string>()
            ?? Metadata?["dotnet_interactive"]?["language"]?.GetValue<string>()
            ?? defaultKernel;
}
