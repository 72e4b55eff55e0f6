using System.Text.Json;
using System.Text.Json.Nodes;
using IncLearn.Runner;
using IncLearn.TestSupport;

namespace IncLearn.RealKernel.Tests;

/// <summary>
/// The committed notebooks carry no clutter and every chart reads: no stored stderr output (a compiler warning, a stack trace),
/// a legend on every chart with two or more series, and titles that fit a 700 px wide chart in plotly's default font —
/// measured by drawing each chart with plotly.js at 700 px in headless Chromium and taking the title's bounding box.
/// Data-driven: one case per notebook, so a failure names the notebook and the cell.
/// </summary>
public class NotebookClutterTests
{
    private const int Width = 700;

    [Theory]
    [MemberData(nameof(NotebookOutputs.NotebookNames), MemberType = typeof(NotebookOutputs))]
    public void NoStoredStderr(string notebook)
    {
        var nb = NotebookOutputs.Load(Path.Combine(Repository.Root, "notebooks", notebook));
        var found = nb.CodeCells.SelectMany(c => NotebookOutputs.Outputs(c.Cell)
                .Where(o => (string?)o["output_type"] == "stream" && (string?)o["name"] == "stderr")
                .Select(o => $"cell {c.Index}: {Flatten(o["text"]).Trim().Split('\n')[0]}"))
            .ToArray();
        Assert.True(found.Length == 0, $"{notebook}: stderr stored under {found.Length} cells:\n{string.Join("\n", found)}");
    }

    /// <summary>The kernel's per-session handshake (a hidden div "The below script needs to be able to find the current output
    /// cell…" and a script probing its HTTP API) is not stored: a sanitizing static view strips its display:none and shows the
    /// text under the setup cell. tests/RealKernel/execute_nbclient.py --inplace leaves it out.</summary>
    [Theory]
    [MemberData(nameof(NotebookOutputs.NotebookNames), MemberType = typeof(NotebookOutputs))]
    public void NoKernelSessionBootstrapIsStored(string notebook)
    {
        var nb = NotebookOutputs.Load(Path.Combine(Repository.Root, "notebooks", notebook));
        var cells = nb.CodeCells.Where(c => NotebookOutputs.Outputs(c.Cell).Any(o => o["data"]?["text/html"] is JsonNode html
            && Flatten(html).Contains("The below script needs to be able to find the current output cell", StringComparison.Ordinal))).Select(c => c.Index).ToArray();
        Assert.True(cells.Length == 0, $"{notebook}: the kernel's session bootstrap is stored under cell(s) {string.Join(", ", cells)}");
    }

    [Theory]
    [MemberData(nameof(NotebookOutputs.NotebookNames), MemberType = typeof(NotebookOutputs))]
    public void EveryChartWithTwoOrMoreSeriesHasALegend(string notebook)
    {
        var problems = new List<string>();
        foreach (var (cell, figure) in Charts(notebook))
        {
            var traces = figure["data"]!.AsArray().OfType<JsonObject>().ToArray();
            if (traces.Length < 2) continue;
            string title = Title(figure);
            if (figure["layout"]?["showlegend"] is JsonValue v && v.GetValue<bool>() == false)
                problems.Add($"cell {cell} “{title}”: {traces.Length} series, legend turned off");
            var listed = traces.Where(t => !(t["showlegend"] is JsonValue s && s.GetValue<bool>() == false)).ToArray();
            if (listed.Length == 0) problems.Add($"cell {cell} “{title}”: {traces.Length} series, none listed in the legend");
            var unnamed = listed.Count(t => string.IsNullOrWhiteSpace((string?)t["name"]));
            if (unnamed > 0) problems.Add($"cell {cell} “{title}”: {unnamed} series without a name (plotly would list them as “trace N”)");
        }
        Assert.True(problems.Count == 0, $"{notebook}:\n{string.Join("\n", problems)}");
    }

    /// <summary>The notebooks that store at least one chart.</summary>
    public static IEnumerable<object[]> NotebooksWithCharts() => Repository.Notebooks.Select(Repository.NameOf).Where(n => Charts(n).Any()).Select(n => new object[] { n });

    [Theory]
    [Trait("Tier", "Browser")] // draws every chart in headless Chromium
    [MemberData(nameof(NotebooksWithCharts))]
    public async Task ChartTitlesFitAt700Px(string notebook)
    {
        Assert.True(File.Exists(HeadlessChromium.Executable), $"{HeadlessChromium.Executable} is missing (Debian package chromium; .ci/run installs it)");
        string plotly = PlotlyScript.Find() ?? throw new InvalidOperationException("no restored Plotly.NET carries plotly.js (build src/IncLearn.Interactive)");
        var charts = Charts(notebook).ToArray();
        Assert.NotEmpty(charts);
        string dir = Path.Combine(Path.GetTempPath(), "inclearn-titles-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(dir);
            // Each figure drawn as stored, but 700 px wide; plotly.js centres the title on the figure and never wraps or
            // shortens it, so it fits when its bounding box lies within [0, 700].
            var figures = new JsonArray(charts.Select(c =>
            {
                var f = c.Figure.DeepClone().AsObject();
                var layout = f["layout"] as JsonObject ?? [];
                layout["width"] = Width;
                f["layout"] = layout;
                return (JsonNode)new JsonObject { ["cell"] = c.Cell, ["figure"] = f };
            }).ToArray());
            string page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><script>" + plotly + "</script></head><body><script>"
                + "var figs = " + figures.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default }) + ";"
                + "var out = figs.map(function (x) { var d = document.createElement('div'); document.body.appendChild(d);"
                + " Plotly.newPlot(d, x.figure.data, x.figure.layout, {staticPlot: true});"
                + " var t = d.querySelector('.gtitle'); if (!t) return { cell: x.cell, none: true };"
                + " var b = t.getBBox(); return { cell: x.cell, text: t.textContent, left: b.x, right: b.x + b.width }; });"
                + "document.body.setAttribute('data-probe', JSON.stringify(out));</script></body></html>";
            string file = Path.Combine(dir, "titles.html");
            File.WriteAllText(file, page);
            string dom = await HeadlessChromium.DumpDomAsync(file, Path.Combine(dir, "profile"), TimeSpan.FromMinutes(3), 20_000, "800,900");
            var probed = HeadlessChromium.Probe(dom);
            Assert.True(probed.HasValue, $"{notebook}: the measuring script did not run");
            var measured = probed.Value.EnumerateArray().ToArray();
            Assert.Equal(charts.Length, measured.Length);
            var cut = measured.Where(r => !r.TryGetProperty("none", out _) && (r.GetProperty("left").GetDouble() < 0 || r.GetProperty("right").GetDouble() > Width))
                .Select(r => $"cell {r.GetProperty("cell").GetInt32()}: “{r.GetProperty("text").GetString()}” spans {r.GetProperty("left").GetDouble():F0}…{r.GetProperty("right").GetDouble():F0} px")
                .ToArray();
            Assert.True(cut.Length == 0, $"{notebook}: {cut.Length} titles do not fit {Width} px:\n{string.Join("\n", cut)}");
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    // Every chart a notebook stores, as its plotly figure JSON (the real kernel stores it as JSON text).
    private static IEnumerable<(int Cell, JsonObject Figure)> Charts(string notebook)
    {
        var nb = NotebookOutputs.Load(Path.Combine(Repository.Root, "notebooks", notebook));
        foreach (var (index, cell) in nb.CodeCells)
            foreach (var o in NotebookOutputs.Outputs(cell))
                if (o["data"]?[NotebookOutputs.PlotlyMime] is JsonNode fig)
                    yield return (index, (fig is JsonValue v && v.TryGetValue<string>(out var text) ? JsonNode.Parse(text) : fig is JsonArray a ? JsonNode.Parse(Flatten(a)) : fig)!.AsObject());
    }

    private static string Title(JsonObject figure) => figure["layout"]?["title"] switch
    {
        JsonObject t => (string?)t["text"] ?? "",
        JsonValue v => v.GetValue<string>(),
        _ => "",
    };

    private static string Flatten(JsonNode? node) => node switch
    {
        JsonArray a => string.Concat(a.Select(x => x?.GetValue<string>() ?? "")),
        JsonValue v => v.GetValue<string>(),
        _ => "",
    };
}
