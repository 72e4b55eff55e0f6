using System.Diagnostics;
using System.Text.Json.Nodes;
using IncLearn.Runner;
using static IncLearn.Runner.Tests.TestNotebooks;

namespace IncLearn.Runner.Tests;

/// <summary>Adversarial cells: raw output, floods, crashes, runaway loops; fresh kernels; warm spares.</summary>
public class RobustnessTests
{
    [Trait("Tier", "Kernel")]
    [Fact]
    public void RawStandardOutputAndChildProcessesReachTheCellWithoutBreakingTheRun()
    {
        using var dir = new TempFolder();
        var r = Execute(Write(dir, "a.ipynb",
            Cell("var raw = Console.OpenStandardOutput();\nraw.Write(System.Text.Encoding.UTF8.GetBytes(\"raw line\\n{\\\"not\\\": \\\"an event\\\"}\\nno newline\"));\nraw.Flush();\n"
                + "System.Diagnostics.Process.Start(\"/bin/sh\", new[] { \"-c\", \"echo from child; echo child err >&2\" })!.WaitForExit();\n\"after\""),
            Cell("\"next cell\"")));
        Assert.True(r.Passed, string.Join("; ", r.Cells.Select(c => c.Error)));
        string text = AllText(r, 0);
        Assert.Contains("raw line", text);
        Assert.Contains("{\"not\": \"an event\"}", text);
        Assert.Contains("from child", text);
        Assert.Contains("after", text);
        Assert.Contains("next cell", AllText(r, 1));
    }

    [Trait("Tier", "Kernel")]
    [Fact]
    public void HundredThousandPrintedLinesAreCapturedWhole()
    {
        using var dir = new TempFolder();
        var r = Execute(Write(dir, "a.ipynb", Cell("for (int i = 0; i < 100000; i++) Console.WriteLine(i);")));
        Assert.True(r.Passed, r.Cells[0].Error);
        var lines = Text(Outputs(r, 0)[0]!["text"]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(100000, lines.Length);
        Assert.Equal("99999", lines[^1]);
    }

    [Fact]
    public void AMillionStreamWritesAreCapturedAsOneOutput()
    {
        var outputs = new CellOutputs([]);
        var ev = KernelEventParser.Parse("""{"event":{"formattedValues":[{"mimeType":"text/plain","value":"a line of printed text\n"}]},"eventType":"StandardOutputValueProduced","command":{"token":"t"}}""").Event!;
        // How fast capture is (linear in the output size) is a benchmark's question, not a test's: no wall clock here.
        for (int i = 0; i < 1_000_000; i++) outputs.Apply(ev);
        var json = outputs.ToJson(1);
        Assert.Equal(1_000_000, ((JsonArray)json[0]!["text"]!).Count);
    }

    // Each crash: how the process ended, and the cause the runtime printed before the framework frames (issue 23).
    public static TheoryData<string, string, string> Crashes => new()
    {
        { "Environment.Exit(3);", "exited with code 3", "" },
        { "Environment.FailFast(\"bye from the cell\");", "killed by signal SIGABRT", "bye from the cell" },
        { "int Deep(int n) => Deep(n + 1) + 1;\nDeep(0);", "killed by signal", "Stack overflow" },
        { "new System.Threading.Thread(() => throw new InvalidOperationException(\"background\")).Start();\nSystem.Threading.Thread.Sleep(30000);", "killed by signal SIGABRT", "System.InvalidOperationException: background" },
    };

    [Trait("Tier", "Kernel")]
    [Theory]
    [MemberData(nameof(Crashes))]
    public void ACrashingCellIsAnErrorNamingTheExitAndLaterCellsLoseStaleOutputs(string code, string expected, string cause)
    {
        using var dir = new TempFolder();
        var stale = Cell("\"later\"");
        stale["execution_count"] = 3;
        stale["outputs"] = new JsonArray(new JsonObject { ["data"] = new JsonObject { ["text/plain"] = "stale" }, ["execution_count"] = 3, ["metadata"] = new JsonObject(), ["output_type"] = "execute_result" });
        string path = Write(dir, "a.ipynb", Cell("Console.WriteLine(Environment.ProcessId);"), Cell(code), stale);
        var r = Execute(path);
        int kernelPid = int.Parse(Text(Outputs(r, 0)[0]!["text"]).Trim());
        Assert.Equal(CellStatus.Error, r.Cells[1].Status);
        Assert.IsType<KernelDiedException>(r.Cells[1].Failure);
        Assert.Contains(expected, r.Cells[1].Error);
        // The cause comes before the stderr tail of framework frames.
        string beforeTail = r.Cells[1].Error!.Split("its last words on stderr")[0];
        Assert.Contains(cause, beforeTail);
        Assert.Equal("KernelDiedException", Outputs(r, 1).Last()!["ename"]!.GetValue<string>());
        Assert.Equal(CellStatus.NotRun, r.Cells[2].Status);
        Assert.Empty(Outputs(r, 2));
        Assert.Null(r.Notebook!["cells"]![2]!["execution_count"]);
        Assert.NotNull(Comparison.Compare(NotebookFile.Load(path), r.Notebook, 1e-9)); // never "reproduced"
        Assert.False(Alive(kernelPid));
        ProcessProbe.AssertNoKernelProcessLeft();
    }

    [Trait("Tier", "Kernel")]
    [Fact]
    public void ATimedOutCellKeepsWhatItPrintedAndItsKernelAndChildrenAreStopped()
    {
        using var dir = new TempFolder();
        var r = Execute(Write(dir, "a.ipynb",
            Cell("var child = System.Diagnostics.Process.Start(\"sleep\", \"600\")!;\nConsole.WriteLine($\"{Environment.ProcessId} {child.Id}\");\nConsole.WriteLine(\"before the loop\");\nwhile (true) { }"),
            Cell("\"never\"")),
            new RunOptions { CellTimeout = TimeSpan.FromSeconds(8) });
        Assert.Equal(CellStatus.Timeout, r.Cells[0].Status);
        Assert.IsType<CellTimeoutException>(r.Cells[0].Failure);
        string printed = Text(Outputs(r, 0)[0]!["text"]);
        Assert.Contains("before the loop", printed);
        Assert.Contains("--cell-timeout", r.Cells[0].Error);
        Assert.Equal(CellStatus.NotRun, r.Cells[1].Status);
        var pids = printed.Split('\n')[0].Split(' ').Select(int.Parse).ToArray();
        Assert.All(pids, pid => Assert.False(Alive(pid), $"process {pid} survived"));
    }

    [Trait("Tier", "Kernel")]
    [Fact]
    public async Task EachNotebookGetsAFreshKernel()
    {
        using var dir = new TempFolder();
        var paths = Enumerable.Range(0, 3).Select(i => Write(dir, $"n{i}.ipynb",
            Cell($"static int counter = {i};\nSystem.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo(\"de-DE\");\nConsole.WriteLine(Environment.ProcessId);"),
            Cell("System.Threading.Thread.Sleep(6000);\n(counter, System.Globalization.CultureInfo.CurrentCulture.Name == \"de-DE\" ? \"leaked\" : \"fresh\")"))).ToArray();
        // A culture set in one notebook must not reach the next: check the first cell before it sets it.
        var probe = Write(dir, "probe.ipynb", Cell("System.Globalization.CultureInfo.CurrentCulture.Name"));
        var results = await NotebookRunner.RunAsync([.. paths, probe], new RunOptions { Parallel = 1 });
        Assert.All(results, r => Assert.True(r.Passed, r.FatalError ?? string.Join(";", r.Cells.Select(c => c.Error))));
        var pids = results.Take(3).Select(r => Text(Outputs(r, 0)[0]!["text"]).Trim()).ToArray();
        Assert.Equal(3, pids.Distinct().Count());
        for (int i = 0; i < 3; i++) Assert.Contains($"({i}, ", AllText(results[i], 1));
        Assert.DoesNotContain("de-DE", AllText(results[3], 0));
        // The overhead outside cells (a warm spare kernel) is measured by the runner's report and bench/, not asserted here.
    }

    [Trait("Tier", "Kernel")]
    [Fact]
    public async Task RunawayNotebookTimesOutWhileAnotherCompletes()
    {
        using var dir = new TempFolder();
        var loop = Write(dir, "a-loop.ipynb", Cell("while (true) { }"), Cell("1"));
        var fine = Write(dir, "b-fine.ipynb", Cell("Console.WriteLine(\"b says hi\");"));
        var results = await NotebookRunner.RunAsync([loop, fine], new RunOptions { Parallel = 2, CellTimeout = TimeSpan.FromSeconds(60), NotebookTimeout = TimeSpan.FromSeconds(8) });
        Assert.Equal(CellStatus.Timeout, results[0].Cells[0].Status);
        Assert.Contains("--notebook-timeout", results[0].Cells[0].Error);
        Assert.True(results[1].Passed, results[1].FatalError);
        Assert.Equal("b says hi\n", Text(Outputs(results[1], 0)[0]!["text"]));
    }
}
