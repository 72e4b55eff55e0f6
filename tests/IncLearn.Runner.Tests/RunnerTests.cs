using System.Text.Json.Nodes;
using IncLearn.Runner;
using IncLearn.TestSupport;
using static IncLearn.Runner.Tests.TestNotebooks;

namespace IncLearn.Runner.Tests;

public class RunnerTests
{
    [Fact]
    public async Task RunawayCellTimesOutWhileAnotherNotebookCompletes()
    {
        var dir = NewFolder();
        var loop = Write(dir, "a-loop.ipynb", Cell("while (true) { }"), Cell("1"));
        var fine = Write(dir, "b-fine.ipynb", Cell("Console.WriteLine(\"b says hi\");\n\"done\""));
        var results = await NotebookRunner.RunAsync([loop, fine], new RunOptions { Parallel = 2, CellTimeout = TimeSpan.FromSeconds(10) }); // 10 s: room for a cold worker's Roslyn start-up on a loaded CI machine
        var a = results.Single(r => r.Path == loop);
        var b = results.Single(r => r.Path == fine);
        Assert.Equal(CellStatus.Timeout, a.Cells[0].Status);
        Assert.Contains("timed out", a.Cells[0].Error);
        Assert.False(a.Passed);
        Assert.True(b.Passed, b.FatalError);
        Assert.Equal("b says hi\n", Text(Outputs(b, 0)[0]!["text"]));
    }

    [Fact]
    public async Task ParallelNotebooksKeepTheirOwnConsoleOutputAndStatics()
    {
        var dir = NewFolder();
        var paths = Enumerable.Range(0, 4).Select(i => Write(dir, $"n{i}.ipynb",
            Cell($"static int counter = {i};\nfor (int k = 0; k < 50; k++) Console.WriteLine(\"nb{i}\");"),
            Cell("counter"))).ToArray();
        var results = await NotebookRunner.RunAsync(paths, new RunOptions { Parallel = 2 });
        for (int i = 0; i < 4; i++)
        {
            var r = results.Single(x => x.Path == paths[i]);
            Assert.True(r.Passed, r.FatalError ?? string.Join(";", r.Cells.Select(c => c.Error)));
            string text = Text(Outputs(r, 0)[0]!["text"]);
            Assert.Equal(50, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l == $"nb{i}"));
            Assert.DoesNotContain($"nb{(i + 1) % 4}", text);
            Assert.Contains(i.ToString(), Text(Outputs(r, 1)[0]!["data"]!["text/html"]));
        }
    }

    [Fact]
    public async Task MalformedJsonIsReportedWithPositionAndNeverWritten()
    {
        var dir = NewFolder();
        string path = Path.Combine(dir, "broken.ipynb");
        const string broken = "{\n \"cells\": [\n  {\"cell_type\": \"code\",, }\n ]\n}\n";
        File.WriteAllText(path, broken);
        var results = await NotebookRunner.RunAsync([path], new RunOptions());
        Assert.Contains("line 3", results[0].FatalError);
        Assert.Contains("broken.ipynb", results[0].FatalError);
        Assert.Equal(broken, File.ReadAllText(path));
    }

    [Fact]
    public void InPlaceWritePreservesUnknownMetadataOfUntouchedCellsByteForByte()
    {
        var dir = NewFolder();
        var md = Markdown("# Title\n\nSome *markdown* with $x^2$.");
        md["metadata"] = new JsonObject { ["custom"] = new JsonObject { ["keep"] = new JsonArray(1, 2, "three") } };
        var code = Cell("1 + 1");
        ((JsonObject)code["metadata"]!)["unknown_key"] = "kept";
        string path = Write(dir, "a.ipynb", md, code);
        var nb = NotebookFile.Load(path);
        nb["metadata"]!.AsObject()["my_tool"] = new JsonObject { ["setting"] = true };
        File.WriteAllText(path, NotebookFile.Serialize(nb));
        string before = File.ReadAllText(path);
        var r = Execute(path);
        NotebookFile.WriteAtomic(path, NotebookFile.Serialize(r.Notebook!));
        string after = File.ReadAllText(path);
        var b = NotebookFile.Load(path);
        // The file's bytes up to the end of the (first, markdown) cell are unchanged.
        int end = before.IndexOf("\n  },", StringComparison.Ordinal);
        Assert.True(end > 0);
        Assert.Equal(before[..end], after[..end]);
        Assert.Contains("\"keep\": [", after);
        Assert.Equal("kept", b["cells"]![1]!["metadata"]!["unknown_key"]!.GetValue<string>());
        Assert.True(b["metadata"]!["my_tool"]!["setting"]!.GetValue<bool>());
        Assert.Equal(code["id"]!.GetValue<string>(), b["cells"]![1]!["id"]!.GetValue<string>());
        Assert.Equal("ok", b["cells"]![1]!["metadata"]!["inclearn"]!["status"]!.GetValue<string>());
        Assert.Empty(Directory.GetFiles(dir, "*.tmp")); // the atomic write left no temporary file
    }

    [Fact]
    public void CheckComparesNumbersWithRelativeTolerance()
    {
        Assert.True(Comparison.LinesEqual("value 1.0000000001 ok", "value 1.0000000002 ok", 1e-9));
        Assert.False(Comparison.LinesEqual("value 1.0001 ok", "value 1.0002 ok", 1e-9));
        Assert.False(Comparison.LinesEqual("value 1 ok", "value 1 no", 1e-9));
        var dir = NewFolder();
        var stored = Execute(Write(dir, "a.ipynb", Cell("Console.WriteLine(1.5)"))).Notebook!;
        var changed = Execute(Write(dir, "b.ipynb", Cell("Console.WriteLine(1.6)"))).Notebook!;
        var same = Execute(Write(dir, "c.ipynb", Cell("Console.WriteLine(1.5)"))).Notebook!;
        Assert.Null(Comparison.Compare(stored, same, 1e-9));
        var diff = Comparison.Compare(stored, changed, 1e-9);
        Assert.NotNull(diff);
        Assert.Contains("cell 0", diff);
        Assert.Contains("line 2", diff);
    }

    [Fact]
    public void ValidateReportsFormatProblems()
    {
        var dir = NewFolder();
        var withError = Execute(Write(dir, "a.ipynb", Cell("throw new Exception(\"x\");"))).Notebook!;
        string path = Path.Combine(dir, "a.ipynb");
        withError["nbformat_minor"] = 4;
        withError["metadata"]!["kernelspec"]!["name"] = "python3";
        File.WriteAllText(path, NotebookFile.Serialize(withError));
        var problems = Validation.Validate(path);
        Assert.Contains(problems, p => p.Contains("4.4"));
        Assert.Contains(problems, p => p.Contains(".net-csharp"));
        Assert.Contains(problems, p => p.Contains("stored error output"));
        string clean = Write(dir, "b.ipynb", Cell("1"));
        Assert.Empty(Validation.Validate(clean));
    }

    [ToolFact("/usr/bin/python3", "-c \"import nbformat\"")]
    public void WrittenNotebooksPassTheNbformatValidator()
    {
        var dir = NewFolder();
        var r = Execute(Write(dir, "a.ipynb", Markdown("# t"), Cell("Console.WriteLine(\"x\");\ndisplay(\"y\");\n3"), Cell("throw new Exception(\"e\");", "raises-exception")));
        string path = Path.Combine(dir, "out.ipynb");
        NotebookFile.WriteAtomic(path, NotebookFile.Serialize(r.Notebook!));
        var (code, output) = ToolFactAttribute.Run("/usr/bin/python3", $"-c \"import nbformat,sys; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))\" \"{path}\"");
        Assert.True(code == 0, output);
    }

    [ToolFact("/usr/bin/jupyter-nbconvert", "--version")]
    public void WrittenNotebooksRenderWithNbconvert()
    {
        var dir = NewFolder();
        var r = Execute(Write(dir, "a.ipynb", Markdown("# t"), Cell("display(\"y\");\n3")));
        string path = Path.Combine(dir, "out.ipynb");
        NotebookFile.WriteAtomic(path, NotebookFile.Serialize(r.Notebook!));
        var (code, output) = ToolFactAttribute.Run("/usr/bin/jupyter-nbconvert", $"--to html \"{path}\"");
        Assert.True(code == 0, output);
        Assert.True(File.Exists(Path.Combine(dir, "out.html")));
    }

    [Fact]
    public void HtmlExportInlinesPlotlyOnceAndKeepsMath()
    {
        var dir = NewFolder();
        var r = Execute(Write(dir, "a.ipynb", Markdown("Math $x_1^2$ stays."),
            Cell("#r \"nuget: Plotly.NET, 6.0.0\"\n#r \"nuget: Plotly.NET.CSharp, 0.14.0\"\n#r \"nuget: IncLearn.Interactive, 0.1.0\"\nIncLearn.Interactive.Notebook.Setup();\ndisplay(Plotly.NET.CSharp.Chart.Line<double,double,string>(x: new[]{1.0,2}, y: new[]{3.0,4}));\nPlotly.NET.CSharp.Chart.Line<double,double,string>(x: new[]{1.0,2}, y: new[]{5.0,6})")));
        Assert.True(r.Passed, r.Cells[0].Error);
        string html = Path.Combine(dir, "html");
        HtmlExport.Write([(Path.Combine(dir, "a.ipynb"), r.Notebook!)], html);
        string page = File.ReadAllText(Path.Combine(html, "a.html"));
        Assert.Contains("$x_1^2$", page);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(page, "Plotly.newPlot\\('chart").Count);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "plotly.js v2"));
        Assert.True(File.Exists(Path.Combine(html, "index.html")));
    }
}

public class ReportTests
{
    [Fact]
    public void JUnitHasOneTestCasePerCheckAndPerFailingCell()
    {
        var dir = NewFolder();
        var r = Execute(Write(dir, "a.ipynb",
            Cell("#r \"nuget: IncLearn.Interactive, 0.1.0\"\nIncLearn.Interactive.Check.AtMost(\"fine\", 1, 2)"),
            Cell("IncLearn.Interactive.Check.AtMost(\"too big\", 3, 2)")));
        string file = Path.Combine(dir, "junit.xml");
        Reports.WriteJUnit([r], file);
        var xml = System.Xml.Linq.XDocument.Load(file);
        var cases = xml.Descendants("testcase").ToArray();
        Assert.Contains(cases, c => (string?)c.Attribute("name") == "fine" && !c.Elements("failure").Any());
        Assert.Contains(cases, c => (string?)c.Attribute("name") == "too big" && c.Elements("failure").Any());
        Assert.Contains(cases, c => ((string?)c.Attribute("name"))!.StartsWith("cell 1") && c.Elements("failure").Any());
        Assert.Equal("2", (string?)xml.Descendants("testsuite").Single().Attribute("failures"));
    }

    [Fact]
    public void APackageThatCannotBeRestoredGivesAnErrorNamingIt()
    {
        var dir = NewFolder();
        var r = Execute(Write(dir, "a.ipynb", Cell("#r \"nuget: IncLearn.NoSuchPackage.Anywhere, 9.9.9\"\n1")));
        Assert.False(r.Passed);
        Assert.Contains("IncLearn.NoSuchPackage.Anywhere", r.Cells[0].Error);
        Assert.Contains("could not be restored", r.Cells[0].Error);
    }
}

public class IsolationTests
{
    [Fact]
    public async Task AWorkerThatExitsIsReportedAndReplaced()
    {
        var dir = NewFolder();
        var crash = Write(dir, "a-crash.ipynb", Cell("Environment.Exit(3);"));
        var after = Write(dir, "b-after.ipynb", Cell("\"still running\""));
        var results = await NotebookRunner.RunAsync([crash, after], new RunOptions { Parallel = 1 });
        Assert.Contains("exited unexpectedly", results[0].FatalError);
        Assert.False(results[0].Passed);
        Assert.True(results[1].Passed, results[1].FatalError);
    }
}
