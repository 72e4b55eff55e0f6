// Shared by the test projects that reference the runner (linked, not copied).
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IncLearn.TestSupport;

/// <summary>Reads what an executed notebook shows: checks, charts, errors, per code cell.</summary>
public sealed class NotebookOutputs
{
    public const string ChecksMime = IncLearn.Runner.ChecksOutput.MimeType;
    public const string PlotlyMime = "application/vnd.plotly.v1+json";

    private readonly JsonObject notebook;

    private NotebookOutputs(JsonObject notebook) => this.notebook = notebook;

    public static NotebookOutputs Load(string path)
        => new(JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new InvalidDataException($"{path} is not a JSON object"));

    /// <summary>The notebook JSON itself.</summary>
    public JsonObject Json => notebook;

    /// <summary>Code cells with their index among all cells.</summary>
    public IEnumerable<(int Index, JsonObject Cell)> CodeCells
        => ((JsonArray)notebook["cells"]!).Select((c, i) => (i, (JsonObject)c!)).Where(t => (string?)t.Item2["cell_type"] == "code");

    public static IEnumerable<JsonObject> Outputs(JsonObject cell) => (cell["outputs"] as JsonArray ?? []).OfType<JsonObject>();

    public static bool HasTag(JsonObject cell, string tag)
        => cell["metadata"]?["tags"] is JsonArray tags && tags.Any(t => (string?)t == tag);

    /// <summary>Every check shown, in order.</summary>
    public IReadOnlyList<ShownCheck> Checks()
    {
        var list = new List<ShownCheck>();
        foreach (var (index, cell) in CodeCells)
            foreach (var o in Outputs(cell))
                if (o["data"]?[ChecksMime] is JsonNode data)
                {
                    // The kernel sends a JSON MIME value as text: nbclient stores it as one string, dotnet-repl as nbformat's list
                    // of lines; a JSON-aware writer may store the JSON itself.
                    var array = data switch
                    {
                        JsonValue v when v.TryGetValue<string>(out var text) => JsonNode.Parse(text)!.AsArray(),
                        JsonArray lines when lines.All(l => l is JsonValue) => JsonNode.Parse(string.Concat(lines.Select(l => (string)l!)))!.AsArray(),
                        _ => data.AsArray(),
                    };
                    foreach (var c in array.OfType<JsonObject>())
                        list.Add(new ShownCheck(index, (string)c["name"]!, (bool)c["passed"]!, (string?)c["detail"] ?? "")
                            { NotImplemented = (string?)c["status"] == "not-implemented" });
                }
        return list;
    }

    /// <summary>Outputs that carry a static image (a chart's PNG, or an explorable's picture of its default α).</summary>
    public int StaticImages()
        => CodeCells.Sum(c => Outputs(c.Cell).Count(o => o["data"]?["image/png"] is not null));

    /// <summary>Number of chart outputs per code cell index.</summary>
    public IReadOnlyDictionary<int, int> ChartsPerCell()
        => CodeCells.ToDictionary(c => c.Index, c => Outputs(c.Cell).Count(o => o["data"]?[PlotlyMime] is not null));

    /// <summary>Error outputs, as "cell i: ename: evalue", outside cells tagged raises-exception.</summary>
    public IReadOnlyList<string> UnexpectedErrors()
        => CodeCells.Where(c => !HasTag(c.Cell, "raises-exception"))
            .SelectMany(c => Outputs(c.Cell).Where(o => (string?)o["output_type"] == "error")
                .Select(o => $"cell {c.Index}: {o["ename"]}: {FirstLines((string?)o["evalue"] ?? "", 6)}"))
            .ToList();

    private static string FirstLines(string s, int n) => string.Join("\n", s.Split('\n').Take(n));

    /// <summary>The (notebook, check name) pairs stored in the committed notebooks, for test discovery.</summary>
    public static IEnumerable<object[]> StoredChecks()
        => Repository.Notebooks.SelectMany(p => Load(p).Checks().Select(c => c.Name).Distinct().Select(n => new object[] { Repository.NameOf(p), n }));

    /// <summary>One row per committed notebook (chapters and solutions), for test discovery.</summary>
    public static IEnumerable<object[]> NotebookNames() => Repository.Notebooks.Select(p => new object[] { Repository.NameOf(p) });

    /// <summary>One row per chapter, for test discovery.</summary>
    public static IEnumerable<object[]> ChapterNames() => Repository.Chapters.Select(p => new object[] { Repository.NameOf(p) });

    internal static JsonSerializerOptions Indented { get; } = new() { WriteIndented = true };
}
