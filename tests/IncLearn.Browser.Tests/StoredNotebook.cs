using System.Text.Json.Nodes;

namespace IncLearn.Browser.Tests;

/// <summary>
/// What a notebook's committed outputs (the real kernel's, as stored) say a run must show: how many charts and how many checks.
/// Derived from the file, so the tests follow the notebooks when their content changes.
/// </summary>
public sealed class StoredNotebook
{
    private const string PlotlyMime = "application/vnd.plotly.v1+json";
    private const string ChecksMime = "application/vnd.inclearn.checks+json";

    private StoredNotebook(int charts, int checks, int notImplemented)
    {
        Charts = charts;
        Checks = checks;
        NotImplemented = notImplemented;
    }

    /// <summary>Of <see cref="Checks"/>, the build-it checks whose scaffold a chapter ships unfilled (shown ○, neither ✓ nor ✗).</summary>
    public int NotImplemented { get; }

    /// <summary>Chart outputs (those carrying plotly's figure JSON).</summary>
    public int Charts { get; }

    /// <summary>Checks shown, summed over every check output.</summary>
    public int Checks { get; }

    public static StoredNotebook Read(string path)
    {
        var notebook = JsonNode.Parse(File.ReadAllText(path)) ?? throw new InvalidDataException($"{path}: empty JSON");
        int charts = 0, checks = 0, notImplemented = 0;
        foreach (var cell in notebook["cells"]!.AsArray())
        {
            if ((string?)cell!["cell_type"] != "code") continue;
            foreach (var output in cell["outputs"]?.AsArray() ?? [])
            {
                var data = output!["data"];
                if (data is null) continue;
                if (data[PlotlyMime] is not null) charts++;
                if (data[ChecksMime] is { } stored)
                {
                    // Stored as a JSON string by the kernel (a MIME bundle value), or as JSON itself.
                    var list = stored is JsonValue text && text.TryGetValue<string>(out var json) ? JsonNode.Parse(json) : stored;
                    checks += list!.AsArray().Count;
                    notImplemented += list.AsArray().Count(c => (string?)c?["status"] == "not-implemented");
                }
            }
        }
        return new StoredNotebook(charts, checks, notImplemented);
    }
}
