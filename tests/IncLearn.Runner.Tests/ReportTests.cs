using System.Text.Json.Nodes;
using System.Xml.Linq;
using IncLearn.Runner;
using IncLearn.TestSupport;
using static IncLearn.Runner.Tests.TestNotebooks;

namespace IncLearn.Runner.Tests;

/// <summary>check's comparison, validate, JUnit, offline pages; written notebooks pass nbformat and nbconvert.</summary>
public class ReportTests
{
    [Fact]
    public void CheckComparesNumbersWithRelativeTolerance()
    {
        Assert.True(Comparison.LinesEqual("value 1.0000000001 ok", "value 1.0000000002 ok", 1e-9));
        Assert.False(Comparison.LinesEqual("value 1.0001 ok", "value 1.0002 ok", 1e-9));
        Assert.False(Comparison.LinesEqual("value 1 ok", "value 1 no", 1e-9));
        JsonObject Printed(string text) => Notebook(WithOutput(Cell("x"), new JsonObject { ["name"] = "stdout", ["output_type"] = "stream", ["text"] = text }));
        Assert.Null(Comparison.Compare(Printed("a 1.5\n"), Printed("a 1.5000000000001\n"), 1e-9));
        var diff = Comparison.Compare(Printed("a 1.5\n"), Printed("a 1.6\n"), 1e-9);
        Assert.Contains("cell 0", diff);
    }

    [Fact]
    public void ComparisonLooksPastWhatOnlyOneFrontEndShows()
    {
        static JsonObject Display(string mime, string value) => new() { ["data"] = new JsonObject { [mime] = value }, ["metadata"] = new JsonObject(), ["output_type"] = "display_data" };
        static JsonObject Executed(params JsonObject[] outputs)
        {
            var cell = Cell("x");
            cell["execution_count"] = 1;
            cell["outputs"] = new JsonArray(outputs);
            return Notebook(cell);
        }
        // The Jupyter-mode bootstrap script (connects the page to the kernel's HTTP API) is not a result.
        Assert.Null(Comparison.Compare(Executed(Display("text/html", "<script>function loadDotnetInteractiveApi() {}</script>"), Display("text/plain", "x = 1")),
            Executed(Display("text/plain", "x = 1")), 1e-9));
        // Compiler warnings Jupyter prints as stderr are not a result either; other stderr is.
        static JsonObject Stderr(string text) => new() { ["name"] = "stderr", ["output_type"] = "stream", ["text"] = text };
        Assert.Null(Comparison.Compare(Executed(Stderr("\nwarning CS1701: Assuming assembly reference …\n"), Display("text/plain", "x = 1")),
            Executed(Display("text/plain", "x = 1")), 1e-9));
        Assert.NotNull(Comparison.Compare(Executed(Stderr("something failed\n"), Display("text/plain", "x = 1")), Executed(Display("text/plain", "x = 1")), 1e-9));
        // Images compare by presence: a PNG whose bytes differ is still the same rendering of the data beside it.
        Assert.Null(Comparison.Compare(Executed(Display("image/png", "AAAA")), Executed(Display("image/png", "BBBB")), 1e-9));
        Assert.NotNull(Comparison.Compare(Executed(Display("image/png", "AAAA")), Executed(Display("text/plain", "x")), 1e-9));
        // So does an image embedded in HTML (a chart's PNG fallback), with the chart's volatile ids; the HTML around it still counts.
        static string Chart(string id, string png, string title) => $"<div><img id=\"inclearn-png-{id}\" src=\"data:image/png;base64,{png}\" alt=\"{title}\"></div>";
        Assert.Null(Comparison.Compare(Executed(Display("text/html", Chart(new string('a', 32), "iVBOR1e5+/=", "t"))),
            Executed(Display("text/html", Chart(new string('b', 32), "iVBOR2e7/+", "t"))), 1e-9));
        Assert.NotNull(Comparison.Compare(Executed(Display("text/html", Chart(new string('a', 32), "iVBOR", "one"))),
            Executed(Display("text/html", Chart(new string('a', 32), "iVBOR", "two"))), 1e-9));
        // Checks compare as data: the stdio protocol's \u escapes equal the characters, an exact actual within rtol, others differ.
        const string mime = ChecksOutput.MimeType;
        Assert.Null(Comparison.Compare(Executed(Display(mime, "[{\"name\":\"σ\",\"passed\":true,\"kind\":\"at-most\",\"actual\":1.0000000000001,\"expected\":2}]")),
            Executed(Display(mime, "[{\"name\":\"\\u03C3\",\"passed\":true,\"kind\":\"at-most\",\"actual\":1.0,\"expected\":2}]")), 1e-9));
        Assert.NotNull(Comparison.Compare(Executed(Display(mime, "[{\"name\":\"σ\",\"passed\":true,\"kind\":\"at-most\",\"actual\":1.1,\"expected\":2}]")),
            Executed(Display(mime, "[{\"name\":\"σ\",\"passed\":true,\"kind\":\"at-most\",\"actual\":1.0,\"expected\":2}]")), 1e-9));
    }

    [Fact]
    public void ArrayParametersAreInjectedAsCode()
    {
        var nb = Notebook(Cell("int[] widths = { 1 };"));
        NotebookExecutor.InjectParameters(nb, new Dictionary<string, string> { ["widths"] = "new[] { 6, 18 }", ["eig"] = "new double[] { 1, 2 }", ["name"] = "abc", ["alpha"] = "1e-5" });
        string code = new NotebookDocument(nb).Cells[0].Source;
        Assert.Contains("widths = new[] { 6, 18 };", code);
        Assert.Contains("eig = new double[] { 1, 2 };", code);
        Assert.Contains("name = \"abc\";", code);
        Assert.Contains("alpha = 1e-5;", code);
    }

    private static JsonObject WithOutput(JsonObject cell, JsonObject output)
    {
        cell["execution_count"] = 1;
        cell["outputs"] = new JsonArray(output);
        return cell;
    }

    [Trait("Tier", "Kernel")]
    [Fact]
    public async Task CheckCommandReproducesAStoredRunAndNeverAcceptsNaN()
    {
        using var dir = new TempFolder();
        string path = Write(dir, "a.ipynb", Cell("Console.WriteLine(1.5);"));
        Assert.Equal(0, await Program.Main(["run", path, "--inplace"]));
        Assert.Equal(0, await Program.Main(["check", path, "--rtol", "1e-9"]));
        Assert.Equal(2, await Program.Main(["check", path, "--rtol", "NaN"]));
    }

    public static TheoryData<string, string> Invalid => new()
    {
        { "no nbformat_minor", "{\"cells\": [], \"metadata\": {}, \"nbformat\": 4}" },
        { "unknown top-level key", "{\"cells\": [], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5, \"extra\": 1}" },
        { "cell id with a space", "{\"cells\": [{\"cell_type\": \"markdown\", \"id\": \"a b\", \"metadata\": {}, \"source\": \"\"}], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}" },
        { "duplicate cell ids", "{\"cells\": [{\"cell_type\": \"markdown\", \"id\": \"a\", \"metadata\": {}, \"source\": \"\"}, {\"cell_type\": \"markdown\", \"id\": \"a\", \"metadata\": {}, \"source\": \"\"}], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}" },
        { "stream without name", "{\"cells\": [{\"cell_type\": \"code\", \"id\": \"a\", \"metadata\": {}, \"source\": \"\", \"execution_count\": 1, \"outputs\": [{\"output_type\": \"stream\", \"text\": \"x\"}]}], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}" },
        { "kernelspec without display_name", "{\"cells\": [], \"metadata\": {\"kernelspec\": {\"name\": \".net-csharp\"}}, \"nbformat\": 4, \"nbformat_minor\": 5}" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void ValidateRejectsWhatNbformatRejects(string what, string json)
    {
        using var dir = new TempFolder();
        string path = Path.Combine(dir, "x.ipynb");
        File.WriteAllText(path, json);
        Assert.Contains(Validation.Validate(path), p => p.Contains("nbformat schema") || p.Contains("non-unique"));
        if (File.Exists("/usr/bin/python3")) // the same file, by nbformat itself (CI installs python3-nbformat); strict about duplicate ids, which nbformat.validate otherwise repairs
        {
            var (code, output) = ToolFactAttribute.Run("/usr/bin/python3", $"-W ignore -c \"import json,sys; from nbformat.validator import validate; validate(json.load(open(sys.argv[1])), repair_duplicate_cell_ids=False)\" \"{path}\"");
            Assert.True(code != 0, $"{what}: nbformat accepted it: {output}");
        }
    }

    [Trait("Tier", "Kernel")]
    [ToolFact("/usr/bin/python3", "-c \"import nbformat\"")]
    public void ExecutedNotebooksPassValidateNbformatAndNbconvert()
    {
        using var dir = new TempFolder();
        string path = Write(dir, "a.ipynb", Markdown("# t"), Cell("Console.WriteLine(\"x\");\ndisplay(\"y\");\n" + DisplayChecks(("c", true)) + "\n3"),
            Cell("throw new Exception(\"e\");", "raises-exception"));
        var r = Execute(path);
        string written = Path.Combine(dir, "out.ipynb");
        NotebookFile.WriteAtomic(written, NotebookFile.Serialize(r.Notebook!));
        Assert.Empty(Validation.SchemaProblems(NotebookFile.Load(written)));
        var (code, output) = ToolFactAttribute.Run("/usr/bin/python3", $"-c \"import nbformat,sys; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))\" \"{written}\"");
        Assert.True(code == 0, output);
        if (File.Exists("/usr/bin/jupyter-nbconvert"))
        {
            (code, output) = ToolFactAttribute.Run("/usr/bin/jupyter-nbconvert", $"--to html \"{written}\"");
            Assert.True(code == 0, output);
            File.Delete(Path.Combine(dir, "out.html"));
        }
    }

    [Trait("Tier", "Kernel")]
    [Fact]
    public void JUnitHasOneTestCasePerCheckAndPerFailingCell()
    {
        using var dir = new TempFolder();
        var r = Execute(Write(dir, "a.ipynb", Cell(DisplayChecks(("fine", true))), Cell(DisplayChecks(("too big", false)) + "\nthrow new Exception(\"Check failed: too big\");")));
        string file = Path.Combine(dir, "junit.xml");
        Reports.WriteJUnit([r], file);
        var xml = XDocument.Load(file);
        var cases = xml.Descendants("testcase").ToArray();
        Assert.Contains(cases, c => (string?)c.Attribute("name") == "fine" && !c.Elements("failure").Any());
        Assert.Contains(cases, c => (string?)c.Attribute("name") == "too big" && c.Elements("failure").Any());
        Assert.Contains(cases, c => ((string?)c.Attribute("name"))!.StartsWith("cell 1") && c.Elements("failure").Any());
        Assert.Equal("2", (string?)xml.Descendants("testsuite").Single().Attribute("failures"));
    }

    [Fact]
    public void HtmlPagesDrawPlotlyOutputsOfflineAndKeepMath()
    {
        using var dir = new TempFolder();
        var figure = new JsonObject { ["data"] = new JsonArray(new JsonObject { ["type"] = "scatter", ["x"] = new JsonArray(1, 2), ["y"] = new JsonArray(3, 4) }), ["layout"] = new JsonObject() };
        var chart = WithOutput(Cell("chart"), new JsonObject
        {
            ["data"] = new JsonObject { ["application/vnd.plotly.v1+json"] = figure, ["text/html"] = "<div>chart</div>" },
            ["metadata"] = new JsonObject(), ["output_type"] = "display_data",
        });
        var nb = Notebook(Markdown("Math $x_1^2$ stays."), chart, WithOutput(Cell("again"), chart["outputs"]![0]!.DeepClone().AsObject()));
        string html = Path.Combine(dir, "html");
        int asked = 0;
        HtmlExport.Write([(Path.Combine(dir, "a.ipynb"), nb)], html, plotlyJs: () => { asked++; return "/* plotly.js v2 (stand-in) */"; });
        string page = File.ReadAllText(Path.Combine(html, "a.html"));
        // Markdig's math extension marks the formula for KaTeX (typeset in the browser; see the offline-page test).
        Assert.Contains("<span class=\"math\">\\(x_1^2\\)</span>", page);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(page, "Plotly.newPlot\\('chart").Count);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "plotly.js v2"));
        Assert.Equal(1, asked);
        Assert.True(File.Exists(Path.Combine(html, "index.html")));
    }

    [Fact]
    public void HtmlPagesWithoutPlotlyShowTheChartsHtml()
    {
        using var dir = new TempFolder();
        var chart = WithOutput(Cell("chart"), new JsonObject
        {
            ["data"] = new JsonObject { ["text/html"] = "<div id=\"mine\">chart</div>" }, ["metadata"] = new JsonObject(), ["output_type"] = "display_data",
        });
        HtmlExport.Write([(Path.Combine(dir, "b.ipynb"), Notebook(chart))], dir, plotlyJs: () => null);
        Assert.Contains("<div id=\"mine\">chart</div>", File.ReadAllText(Path.Combine(dir, "b.html")));
    }

    [Fact]
    public void HtmlPagesInlinePlotlyForAnExplorableAndShowItsHtml()
    {
        using var dir = new TempFolder();
        var explorable = WithOutput(Cell("explore"), new JsonObject
        {
            ["data"] = new JsonObject { ["text/html"] = "<div id=\"live\">slider</div>", [HtmlExport.ExplorableMimeType] = "{\"kind\":\"spectral\"}" },
            ["metadata"] = new JsonObject(), ["output_type"] = "display_data",
        });
        HtmlExport.Write([(Path.Combine(dir, "c.ipynb"), Notebook(explorable))], dir);
        string page = File.ReadAllText(Path.Combine(dir, "c.html"));
        Assert.Contains("<div id=\"live\">slider</div>", page);
        Assert.NotNull(PlotlyScript.Find()); // the runner tests restore Plotly.NET through the notebook layer's build
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "plotly.js v2"));
    }
}
