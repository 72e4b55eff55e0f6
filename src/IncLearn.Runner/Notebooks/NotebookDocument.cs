using System.Text.Json.Nodes;

namespace IncLearn.Runner;

/// <summary>
/// A typed view of a notebook over its JSON tree (<see cref="NotebookFile"/> reads and writes the tree): the view keeps no
/// copy, so unknown top-level fields, notebook metadata and cells it does not touch are written back byte for byte.
/// </summary>
public sealed class NotebookDocument(JsonObject json)
{
    /// <summary>The notebook's JSON tree, the one source of truth.</summary>
    public JsonObject Json { get; } = json;

    /// <summary>Reads a notebook file (see <see cref="NotebookFile.Load"/>).</summary>
    public static NotebookDocument Load(string path) => new(NotebookFile.Load(path));

    private JsonArray CellArray => Json["cells"] as JsonArray ?? [];

    /// <summary>The cells in notebook order; a cell's position here is its index in the notebook.</summary>
    public IReadOnlyList<NotebookCell> Cells => CellArray.Select(c => new NotebookCell(c!.AsObject())).ToArray();

    /// <summary>The notebook's metadata, or null when it has none.</summary>
    public JsonObject? Metadata => Json["metadata"] as JsonObject;

    /// <summary>nbformat's minor version, when the notebook states it as an integer.</summary>
    public int? FormatMinor => Json["nbformat_minor"] is JsonValue v && v.TryGetValue<int>(out int m) ? m : null;

    /// <summary>The language its cells default to (<see cref="KernelLanguage.DefaultOf"/>).</summary>
    public string DefaultKernel => KernelLanguage.DefaultOf(Json);

    /// <summary>Inserts a cell at <paramref name="index"/>.</summary>
    public void Insert(int index, NotebookCell cell) => CellArray.Insert(index, cell.Json);

    /// <summary>Removes the cell at <paramref name="index"/>.</summary>
    public void RemoveAt(int index) => CellArray.RemoveAt(index);
}
