using System.Text.Json;
using System.Text.Json.Nodes;
using IncLearn.Runner;
using static IncLearn.Runner.Tests.TestNotebooks;
using static IncLearn.TestSupport.LiveMarkup;

namespace IncLearn.Runner.Tests;

/// <summary>Hostile notebook text (markdown, code, streams, errors, plain text, a chart's title and series names, an image's
/// data, the notebook's name) through the offline pages: none of it becomes markup, and the chart JSON reads back unchanged.</summary>
public class HostileNotebookPageTests
{
    private static JsonObject Outputs(JsonObject cell, params JsonObject[] outputs)
    {
        cell["execution_count"] = 1;
        cell["outputs"] = new JsonArray(outputs.Select(o => (JsonNode?)o).ToArray());
        return cell;
    }

    private static JsonObject Display(string mime, JsonNode value)
        => new() { ["data"] = new JsonObject { [mime] = value }, ["metadata"] = new JsonObject(), ["output_type"] = "display_data" };

    [Fact]
    public void OfflinePageShowsHostileNotebookTextAsText()
    {
        using var dir = new TempFolder();
        var figure = new JsonObject
        {
            ["data"] = new JsonArray(new JsonObject { ["type"] = "scatter", ["name"] = Hostile, ["x"] = new JsonArray(1, 2), ["y"] = new JsonArray(3, 4) }),
            ["layout"] = new JsonObject { ["title"] = new JsonObject { ["text"] = Hostile } },
        };
        var nb = Notebook(
            Markdown($"# {Hostile}\n\n{Hostile}\n\n[link](javascript:alert(4)) <javascript:alert(5)> ![i](data:text/html,<script>alert(6)</script>)"),
            Outputs(Cell($"var s = \"{Hostile}\";"),
                new JsonObject { ["name"] = "stdout", ["output_type"] = "stream", ["text"] = Hostile },
                Display("text/plain", Hostile),
                Display("image/png", "\"><img src=x onerror=alert(7)>"),
                Display("application/vnd.plotly.v1+json", figure.ToJsonString()),
                Display("application/vnd.plotly.v1+json", "1}; alert(8); var g = {"),
                new JsonObject { ["ename"] = Hostile, ["evalue"] = Hostile, ["output_type"] = "error", ["traceback"] = new JsonArray() }));
        string name = "<img src=x onerror=alert(9)>";
        HtmlExport.Write([(Path.Combine(dir, name + ".ipynb"), nb)], dir, plotlyJs: () => "/* plotly.js stand-in */");
        // KaTeX's two when found, plotly.js, then the one chart whose data is a JSON object (the other is not a figure and is not put in a script).
        int katex = KatexAssets.Find() is null ? 0 : 2;
        var page = AssertNone(File.ReadAllText(Path.Combine(dir, name + ".html")), scripts: katex + 2);
        Assert.Equal(name, page.Title);
        string text = page.Body!.TextContent;
        Assert.Contains(Hostile, text); // the markdown paragraph, the code, the stream, the plain text
        Assert.DoesNotContain(page.QuerySelectorAll("a[href], img[src]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")), url => url!.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("data:text", StringComparison.OrdinalIgnoreCase));
        using var expected = JsonDocument.Parse(figure.ToJsonString());
        AssertSameJson(expected.RootElement, JsonIn(page.Scripts[katex + 1], "var f=", ";Plotly.newPlot"));
        AssertNone(File.ReadAllText(Path.Combine(dir, "index.html")), scripts: 0);
    }
}
