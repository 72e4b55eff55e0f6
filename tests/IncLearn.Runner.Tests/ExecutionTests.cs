using System.Text.Json.Nodes;
using IncLearn.Runner;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using static IncLearn.Runner.Tests.TestNotebooks;

namespace IncLearn.Runner.Tests;

public class ExecutionTests
{
    [Fact]
    public void TrailingExpressionIsDisplayedStatementIsNot()
    {
        var dir = NewFolder();
        var r = Execute(Write(dir, "a.ipynb", Cell("var x = 40;\nx + 2"), Cell("var y = 1;")));
        var first = Outputs(r, 0);
        Assert.Single(first);
        Assert.Equal("execute_result", first[0]!["output_type"]!.GetValue<string>());
        Assert.Contains("42", Text(first[0]!["data"]!["text/html"]));
        Assert.Empty(Outputs(r, 1));
        Assert.Equal(1, r.Notebook!["cells"]![0]!["execution_count"]!.GetValue<int>());
        Assert.Equal(2, r.Notebook!["cells"]![1]!["execution_count"]!.GetValue<int>());
    }

    [Fact]
    public void DisplayTwiceAndDisplayExtension()
    {
        var dir = NewFolder();
        var r = Execute(Write(dir, "a.ipynb", Cell("display(\"first\");\ndisplay(\"second\");\n\"third\".Display();")));
        var outs = Outputs(r, 0);
        Assert.Equal(3, outs.Count);
        Assert.Equal(new[] { "first", "second", "third" }, outs.Select(o => Text(o!["data"]!["text/plain"])).ToArray());
        Assert.All(outs, o => Assert.Equal("display_data", o!["output_type"]!.GetValue<string>()));
    }

    [Fact]
    public void ConsoleOutputBecomesStreamsOfTheCell()
    {
        var dir = NewFolder();
        var r = Execute(Write(dir, "a.ipynb", Cell("Console.WriteLine(\"out line\");\nConsole.Error.WriteLine(\"err line\");")));
        var outs = Outputs(r, 0);
        Assert.Equal("stdout", outs[0]!["name"]!.GetValue<string>());
        Assert.Equal("out line\n", Text(outs[0]!["text"]));
        Assert.Equal("stderr", outs[1]!["name"]!.GetValue<string>());
    }

    [Fact]
    public void CompileErrorHasCellRelativeLineNumbers()
    {
        var dir = NewFolder();
        var r = Execute(Write(dir, "a.ipynb", Cell("var a = 1;\n\n"), Cell("#!csharp\nvar ok = 1;\nint bad = \"text\";")));
        var err = Outputs(r, 1)[0]!;
        Assert.Equal("error", err["output_type"]!.GetValue<string>());
        Assert.Contains("(line 3, column", err["evalue"]!.GetValue<string>());
        Assert.Contains("CS0029", err["evalue"]!.GetValue<string>());
        Assert.False(r.Passed);
    }

    [Fact]
    public void RuntimeExceptionStopsTheNotebookUnlessAllowErrors()
    {
        var dir = NewFolder();
        var path = Write(dir, "a.ipynb", Cell("throw new InvalidOperationException(\"boom\");"), Cell("1 + 1"));
        var r = Execute(path);
        var err = Outputs(r, 0)[0]!;
        Assert.Equal("InvalidOperationException", err["ename"]!.GetValue<string>());
        Assert.Equal("boom", err["evalue"]!.GetValue<string>());
        Assert.NotEmpty((JsonArray)err["traceback"]!);
        Assert.Equal(CellStatus.Skipped, r.Cells[1].Status);
        Assert.Empty(Outputs(r, 1));
        var allowed = Execute(path, new ExecutionOptions(AllowErrors: true));
        Assert.Equal(CellStatus.Ok, allowed.Cells[1].Status);
    }

    [Fact]
    public void RaisesExceptionAndSkipExecutionTagsAreHonoured()
    {
        var dir = NewFolder();
        var r = Execute(Write(dir, "a.ipynb",
            Cell("throw new ArgumentException(\"expected\");", "raises-exception"),
            Cell("throw new Exception(\"never run\");", "skip-execution"),
            Cell("#!fsharp\nlet x = 1"),
            Cell("\"after\"")));
        Assert.Equal(CellStatus.Ok, r.Cells[0].Status);
        Assert.Equal(CellStatus.Skipped, r.Cells[1].Status);
        Assert.Contains("skip-execution", r.Cells[1].Error);
        Assert.Equal(CellStatus.Skipped, r.Cells[2].Status);
        Assert.Contains("fsharp", r.Cells[2].Error);
        Assert.Equal(CellStatus.Ok, r.Cells[3].Status);
        Assert.True(r.Passed);
    }

    [Fact]
    public async Task ParametersAreInjectedAfterTheParametersCell()
    {
        var dir = NewFolder();
        var path = Write(dir, "a.ipynb", Cell("double alpha = 0.5;\nstring label = \"x\";", "parameters"), Cell("$\"{alpha} {label}\""));
        var nb = NotebookFile.Load(path);
        NotebookExecutor.InjectParameters(nb, new Dictionary<string, string> { ["alpha"] = "1e-3", ["label"] = "hello" });
        var r = await NotebookExecutor.ExecuteAsync(path, nb, new ExecutionOptions());
        var cells = (JsonArray)r.Notebook!["cells"]!;
        Assert.Equal("injected-parameters", NotebookFile.Tags((JsonObject)cells[1]!)[0]);
        Assert.Contains("0.001 hello", Text(Outputs(r, 2)[0]!["data"]!["text/plain"]));
    }

    [Fact]
    public void RelativeReferenceToADllBuiltByTheTest()
    {
        var dir = NewFolder();
        Directory.CreateDirectory(Path.Combine(dir, "lib"));
        var compilation = CSharpCompilation.Create("TinyLib",
            [CSharpSyntaxTree.ParseText("namespace Tiny { public static class Answer { public static int Value => 42; } }")],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location),
             MetadataReference.CreateFromFile(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "System.Runtime.dll"))],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var emit = compilation.Emit(Path.Combine(dir, "lib", "TinyLib.dll"));
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        var r = Execute(Write(dir, "a.ipynb", Cell("#r \"lib/TinyLib.dll\"\nTiny.Answer.Value")));
        Assert.True(r.Passed, r.Cells[0].Error);
        Assert.Contains("42", Text(Outputs(r, 0)[0]!["data"]!["text/html"]));
    }

    [Fact]
    public void NugetReferenceOfACarriedPackageBindsAndChecksTheVersion()
    {
        var dir = NewFolder();
        var ok = Execute(Write(dir, "a.ipynb", Cell("#r \"nuget: MathNet.Numerics, 5.0.0\"\nMathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseIdentity(2).Trace()")));
        Assert.True(ok.Passed, ok.Cells[0].Error);
        var bad = Execute(Write(dir, "b.ipynb", Cell("#r \"nuget: MathNet.Numerics, 4.15.0\"")));
        Assert.False(bad.Passed);
        Assert.Contains("MathNet.Numerics", bad.Cells[0].Error);
        Assert.Contains("5.0.0", bad.Cells[0].Error);
    }

    [Fact]
    public void LoadResolvesAgainstTheNotebookFolder()
    {
        var dir = NewFolder();
        Directory.CreateDirectory(Path.Combine(dir, "scripts"));
        File.WriteAllText(Path.Combine(dir, "scripts", "helper.csx"), "int Twice(int x) => 2 * x;");
        var r = Execute(Write(dir, "a.ipynb", Cell("#load \"scripts/helper.csx\"\nTwice(21)")));
        Assert.True(r.Passed, r.Cells[0].Error);
        Assert.Contains("42", Text(Outputs(r, 0)[0]!["data"]!["text/html"]));
    }

    [Fact]
    public void WorkingDirectoryIsTheNotebookFolder()
    {
        var dir = NewFolder();
        File.WriteAllText(Path.Combine(dir, "input.txt"), "from the notebook's folder");
        var r = Execute(Write(dir, "a.ipynb", Cell("System.IO.File.ReadAllText(\"input.txt\")")));
        Assert.True(r.Passed, r.Cells[0].Error);
        Assert.Contains("from the notebook", Text(Outputs(r, 0)[0]!["data"]!["text/plain"]));
    }

    [Fact]
    public void ChecksAreRecordedPerCell()
    {
        var dir = NewFolder();
        var r = Execute(Write(dir, "a.ipynb",
            Cell("#r \"nuget: IncLearn.Interactive, 0.1.0\"\nIncLearn.Interactive.Check.AtMost(\"small\", 1, 2)"),
            Cell("IncLearn.Interactive.Check.Close(\"wrong\", 1, 2, 1e-9)")));
        Assert.Single(r.Cells[0].Checks);
        Assert.True(r.Cells[0].Checks[0].Passed);
        Assert.False(r.Cells[1].Checks[0].Passed);
        Assert.Equal(CellStatus.Error, r.Cells[1].Status);
        Assert.Contains("wrong", r.Cells[1].Error);
    }
}
