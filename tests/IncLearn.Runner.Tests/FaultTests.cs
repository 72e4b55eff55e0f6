using System.Diagnostics;
using System.Text.Json.Nodes;
using IncLearn.Runner;
using IncLearn.TestSupport;
using static IncLearn.Runner.Tests.TestNotebooks;

namespace IncLearn.Runner.Tests;

/// <summary>
/// The runner under faults (issue 23), one test per defect: real kernels, real signals (to the whole process group for
/// Ctrl-C) and a real <c>kill -9</c> of a runner process. After each, no process of the run may be alive (read from /proc:
/// descendants, process groups, kernel tags) and no notebook may have changed that should not have.
/// </summary>
public class FaultTests
{
    private static string Runner => typeof(Program).Assembly.Location;

    /// <summary>A notebook of bare code cells (no per-cell kernel metadata) with the given kernelspec and default kernel.</summary>
    private static string WriteRaw(string dir, string name, string kernelspec, string? defaultKernelName, int minor, bool ids, params string[] sources)
    {
        var cells = new JsonArray();
        for (int i = 0; i < sources.Length; i++)
        {
            var cell = new JsonObject { ["cell_type"] = "code", ["execution_count"] = null, ["metadata"] = new JsonObject(), ["outputs"] = new JsonArray(), ["source"] = NotebookFile.Lines(sources[i]) };
            if (ids) cell["id"] = $"cell-{i}";
            cells.Add(cell);
        }
        var metadata = new JsonObject { ["kernelspec"] = new JsonObject { ["display_name"] = kernelspec, ["language"] = "x", ["name"] = kernelspec } };
        if (defaultKernelName is not null)
            metadata["polyglot_notebook"] = new JsonObject { ["kernelInfo"] = new JsonObject { ["defaultKernelName"] = defaultKernelName, ["items"] = new JsonArray() } };
        var nb = new JsonObject { ["cells"] = cells, ["metadata"] = metadata, ["nbformat"] = 4, ["nbformat_minor"] = minor };
        string path = Path.Combine(dir, name);
        File.WriteAllText(path, NotebookFile.Serialize(nb));
        return path;
    }

    /// <summary>Starts the runner CLI as a separate process leading its own session and process group (as a terminal's
    /// foreground job does), so that a signal to the group reaches the runner and nothing else of this test.</summary>
    private static Process StartRunner(string dir, params string[] args)
    {
        var psi = new ProcessStartInfo("setsid") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dir };
        foreach (var a in new[] { "dotnet", Runner }.Concat(args)) psi.ArgumentList.Add(a);
        var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    /// <summary>Ends a runner a failed assertion left running (its kernels follow it through their parent-death signal).</summary>
    private sealed class RunnerGuard(Process runner) : IDisposable
    {
        public void Dispose()
        {
            if (!runner.HasExited) Native.Kill(-runner.Id, Native.SigKill);
            runner.WaitForExit(30_000);
            runner.Dispose();
        }
    }

    private static int[] WaitForPids(Process runner, string file, int count)
    {
        var wait = Stopwatch.StartNew();
        while (true)
        {
            // The writer ends the list with '.', so a half-written file is not read as complete.
            string text = File.Exists(file) ? File.ReadAllText(file).Trim() : "";
            if (text.EndsWith('.') && text.TrimEnd('.').Split(' ', StringSplitOptions.RemoveEmptyEntries) is { } parts && parts.Length >= count)
                return parts.Take(count).Select(int.Parse).ToArray();
            Assert.False(runner.HasExited, $"the runner ended before {Path.GetFileName(file)} was written");
            Assert.True(wait.Elapsed < TimeSpan.FromMinutes(4), $"{Path.GetFileName(file)} was never written");
            Thread.Sleep(100);
        }
    }

    private static void Signal(string signal, int target)
    {
        using var kill = Process.Start("kill", [$"-{signal}", "--", target.ToString()])!;
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    // Defect 1: a background child holding the kernel's stdout hid Environment.Exit(3) behind a cell timeout, and survived.
    [Trait("Tier", "Kernel")]
    [Fact]
    public void AKernelThatExitsIsSeenAtOnceThoughABackgroundChildHoldsItsOutput()
    {
        using var dir = new TempFolder();
        string path = Write(dir, "a.ipynb",
            Cell("System.Diagnostics.Process.Start(\"/bin/sh\", new[] { \"-c\", \"sleep 600 & echo child $!\" })!.WaitForExit();\nConsole.WriteLine($\"kernel {Environment.ProcessId}\");"),
            Cell("Environment.Exit(3);"),
            Cell("\"never\""));
        byte[] before = File.ReadAllBytes(path);
        var r = Execute(path, new RunOptions { CellTimeout = TimeSpan.FromSeconds(90) });
        string printed = AllText(r, 0);
        int child = int.Parse(printed.Split("child ")[1].Split('\n')[0]);
        int kernel = int.Parse(printed.Split("kernel ")[1].Split('\n')[0]);
        Assert.Equal(CellStatus.Error, r.Cells[1].Status);
        var death = Assert.IsType<KernelDiedException>(r.Cells[1].Failure);
        Assert.Equal(3, death.ExitCode);
        Assert.Contains("exited with code 3", r.Cells[1].Error);
        Assert.Contains($"sleep (pid {child})", r.Cells[1].Error); // the run says what it ended
        Assert.Contains($"sleep (pid {child})", r.EndedProcesses);
        Assert.Equal(CellStatus.NotRun, r.Cells[2].Status);
        ProcessProbe.AssertGone([kernel, child], "the kernel and its background child");
        ProcessProbe.AssertNoKernelProcessLeft();
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    // Defect 2: Ctrl-C in a terminal (SIGINT to the whole process group) killed the kernel first; the runner recorded that as
    // the cell's error and wrote the unfinished notebook over the original with --inplace.
    [Trait("Tier", "Kernel")]
    [Fact]
    public void CtrlCToTheWholeProcessGroupWritesNoUnfinishedNotebook()
    {
        ProcessProbe.AssertSignalIsNotIgnored(2);
        using var dir = new TempFolder();
        string pids = Path.Combine(dir, "pids.txt");
        string quick = Write(dir, "a-quick.ipynb", Cell("\"done\""));
        string slow = Write(dir, "b-slow.ipynb",
            Cell("var child = System.Diagnostics.Process.Start(\"sleep\", \"600\")!;\n"
                + $"System.IO.File.WriteAllText(@\"{pids}\", $\"{{Environment.ProcessId}} {{child.Id}}.\");\n"
                + "while (true) { }"),
            Cell("\"after\""));
        byte[] quickBefore = File.ReadAllBytes(quick), slowBefore = File.ReadAllBytes(slow);
        var runner = StartRunner(dir, "run", quick, slow, "--parallel", "1", "--inplace");
        using var guard = new RunnerGuard(runner);
        var started = WaitForPids(runner, pids, 2);
        var run = ProcessProbe.DescendantsAndGroup(runner.Id).Concat(started).Distinct().ToArray();
        Signal("INT", -runner.Id); // the whole foreground group, as a terminal's Ctrl-C
        Assert.True(runner.WaitForExit(120_000), "the runner did not stop");
        Assert.Equal(130, runner.ExitCode);
        ProcessProbe.AssertGone(run, "processes of the interrupted run");
        Assert.Equal(slowBefore, File.ReadAllBytes(slow)); // unfinished: byte-identical
        Assert.NotEqual(quickBefore, File.ReadAllBytes(quick)); // finished before the signal: written
        Assert.Contains("done", File.ReadAllText(quick));
        Assert.Empty(Directory.GetFiles(dir, "*.tmp", SearchOption.AllDirectories));
    }

    // Defect 3: kill -9 of the runner (a CI timeout, the OOM killer) left both kernels spinning under PID 1.
    [Trait("Tier", "Kernel")]
    [Fact]
    public void KillDashNineOfTheRunnerLeavesNoKernelChildOrDaemonBehind()
    {
        using var dir = new TempFolder();
        string idle = Path.Combine(dir, "idle.txt"), busy = Path.Combine(dir, "busy.txt"), daemon = Path.Combine(dir, "daemon.txt");
        string a = Write(dir, "a-idle.ipynb",
            Cell($"System.IO.File.WriteAllText(@\"{idle}\", $\"{{Environment.ProcessId}}.\");"),
            Cell("System.Threading.Thread.Sleep(600_000);"));
        string b = Write(dir, "b-busy.ipynb", Cell(
            "var child = System.Diagnostics.Process.Start(\"sleep\", \"600\")!;\n"
            + $"System.Diagnostics.Process.Start(\"setsid\", new[] {{ \"-f\", \"sh\", \"-c\", \"echo $$. > '{daemon}'; exec sleep 600\" }})!.WaitForExit();\n"
            + $"System.IO.File.WriteAllText(@\"{busy}\", $\"{{Environment.ProcessId}} {{child.Id}}.\");\n"
            + "while (true) { }"));
        byte[] aBefore = File.ReadAllBytes(a), bBefore = File.ReadAllBytes(b);
        var runner = StartRunner(dir, "run", a, b, "--parallel", "2", "--inplace");
        using var guard = new RunnerGuard(runner);
        var started = WaitForPids(runner, idle, 1).Concat(WaitForPids(runner, busy, 2)).Concat(WaitForPids(runner, daemon, 1)).ToArray();
        var run = ProcessProbe.DescendantsAndGroup(runner.Id).Concat(started).Distinct().ToArray();
        Signal("KILL", runner.Id);
        Assert.True(runner.WaitForExit(60_000), "the runner survived kill -9");
        ProcessProbe.AssertGone(run, "processes of the killed runner (kernels, children, the daemon, the watchdog)");
        Assert.Equal(aBefore, File.ReadAllBytes(a));
        Assert.Equal(bBefore, File.ReadAllBytes(b));
    }

    // Defect 4: F# and PowerShell notebooks ran as C#.
    [Trait("Tier", "Kernel")]
    [Theory]
    [InlineData(".net-fsharp", null, "let x = 1 + 1\nprintfn \"sum %d\" x")]
    [InlineData(".net-csharp", "fsharp", "let x = 1 + 1\nprintfn \"sum %d\" x")]
    [InlineData(".net-pwsh", null, "$x = 1 + 1\nWrite-Output \"sum $x\"")]
    public void NotebooksRunInTheLanguageOfTheirKernelspecOrDefaultKernel(string kernelspec, string? defaultKernelName, string code)
    {
        using var dir = new TempFolder();
        string path = WriteRaw(dir, "a.ipynb", kernelspec, defaultKernelName, 5, true, code);
        var r = Execute(path, new RunOptions { CellTimeout = TimeSpan.FromSeconds(240) });
        Assert.True(r.Passed, r.FatalError ?? string.Join("; ", r.Cells.Select(c => c.Error)));
        Assert.Contains("sum 2", AllText(r, 0));
        ProcessProbe.AssertNoKernelProcessLeft();
    }

    [Fact]
    public async Task AKernelTheRunnerCannotStartIsRefusedWithItsName()
    {
        using var dir = new TempFolder();
        string path = WriteRaw(dir, "py.ipynb", "python3", null, 5, true, "print(1)");
        byte[] before = File.ReadAllBytes(path);
        var err = new StringWriter();
        var was = Console.Out;
        Console.SetOut(err);
        int exit;
        try { exit = await Program.Main(["run", path, "--inplace"]); }
        finally { Console.SetOut(was); }
        Assert.Equal(2, exit);
        Assert.Contains("'python3'", err.ToString());
        Assert.Equal(before, File.ReadAllBytes(path));
        ProcessProbe.AssertNoKernelProcessLeft();
    }

    // Defect 5: a symlink loop ran the same notebook 41 times.
    [Fact]
    public void AFolderWalkVisitsEachFileOnceThroughSymlinkLoopsAndLinks()
    {
        using var dir = new TempFolder();
        string a = Write(Path.Combine(dir, "sub"), "a.ipynb", Cell("1"));
        File.CreateSymbolicLink(Path.Combine(dir, "sub", "loop"), Path.Combine(dir, "sub"));
        File.CreateSymbolicLink(Path.Combine(dir, "again"), dir);
        File.CreateSymbolicLink(Path.Combine(dir, "link.ipynb"), a);
        Assert.Equal([a], NotebookRunner.Find([dir]));
        Assert.Equal([a], NotebookRunner.Find([a, Path.Combine(dir, "link.ipynb"), dir]));
    }

    // Defect 6: export wrote two same-named notebooks to one app and exited 0.
    [Fact]
    public async Task ExportRefusesAppNamesThatCollide()
    {
        using var dir = new TempFolder();
        Write(Path.Combine(dir, "x"), "same.ipynb", Cell("1"));
        Write(Path.Combine(dir, "y"), "same.ipynb", Cell("2"));
        string apps = Path.Combine(dir, "apps");
        Assert.Equal(2, await Program.Main(["export", Path.Combine(dir, "x"), Path.Combine(dir, "y"), "--output-dir", apps]));
        Assert.False(Directory.Exists(apps) && Directory.EnumerateFileSystemEntries(apps).Any());
    }

    private static (int Code, string Output) Nbformat(string path)
        => ToolFactAttribute.Run("/usr/bin/python3", $"-W ignore -c \"import json,sys; from nbformat.validator import validate; validate(json.load(open(sys.argv[1])), repair_duplicate_cell_ids=False)\" \"{path}\"");

    // Defect 7a: validate checked 4.0–4.4 notebooks against the 4.5 schema.
    [ToolFact("/usr/bin/python3", "-c \"import nbformat\"")]
    public void ValidateUsesTheSchemaOfTheNotebooksOwnMinorVersion()
    {
        using var dir = new TempFolder();
        for (int minor = 0; minor <= 5; minor++)
        {
            string path = WriteRaw(dir, $"v{minor}.ipynb", ".net-csharp", null, minor, ids: minor == 5, "1 + 1");
            Assert.True(Nbformat(path).Code == 0, $"4.{minor}: nbformat rejects the test notebook: {Nbformat(path).Output}");
            Assert.Empty(Validation.SchemaProblems(NotebookFile.Load(path)));
        }
        // Ids belong to 4.5: a 4.4 notebook with them is invalid for nbformat and for validate.
        string withIds = WriteRaw(dir, "ids44.ipynb", ".net-csharp", null, 4, ids: true, "1");
        Assert.NotEqual(0, Nbformat(withIds).Code);
        Assert.NotEmpty(Validation.SchemaProblems(NotebookFile.Load(withIds)));
    }

    // Defect 7b: -p on a 4.4 notebook wrote a cell id.
    [Trait("Tier", "Kernel")]
    [ToolFact("/usr/bin/python3", "-c \"import nbformat\"")]
    public async Task ParametersInAPre45NotebookAddNoCellId()
    {
        using var dir = new TempFolder();
        string path = WriteRaw(dir, "p.ipynb", ".net-csharp", null, 4, false, "var alpha = 1;", "alpha * 10");
        var nb = NotebookFile.Load(path);
        ((JsonObject)nb["cells"]![0]!["metadata"]!)["tags"] = new JsonArray("parameters");
        File.WriteAllText(path, NotebookFile.Serialize(nb));
        string outDir = Path.Combine(dir, "out");
        Assert.Equal(0, await Program.Main(["run", path, "-p", "alpha=4", "--output-dir", outDir]));
        string written = Path.Combine(outDir, "p.ipynb");
        var result = (JsonArray)NotebookFile.Load(written)["cells"]!;
        Assert.Equal(3, result.Count);
        Assert.All(result, c => Assert.False(((JsonObject)c!).ContainsKey("id")));
        Assert.Contains("40", File.ReadAllText(written));
        Assert.True(Nbformat(written).Code == 0, Nbformat(written).Output);
        Assert.Empty(Validation.SchemaProblems(NotebookFile.Load(written)));
        ProcessProbe.AssertNoKernelProcessLeft();
    }

    // Defect 8a: a kill -9 during a write left a temporary file no later run removed.
    [Fact]
    public void AStaleTemporaryFileOfOurNamingIsSweptAtTheNextWriteAndALiveOneKept()
    {
        using var dir = new TempFolder();
        string target = Path.Combine(dir, "a.ipynb");
        string stale = Path.Combine(dir, $".a.ipynb.{Guid.NewGuid():N}.tmp");
        string live = Path.Combine(dir, $".a.ipynb.{Guid.NewGuid():N}.tmp");
        string foreign = Path.Combine(dir, ".a.ipynb.mine.tmp");
        foreach (var f in new[] { stale, live, foreign }) File.WriteAllText(f, "partial");
        using (new FileStream(live, FileMode.Open, FileAccess.ReadWrite, FileShare.None)) // another run still writing it
            NotebookFile.WriteAtomic(target, "{}\n");
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(live));
        Assert.True(File.Exists(foreign)); // not of our naming: not ours to delete
        Assert.Equal("{}\n", File.ReadAllText(target));
    }

    // Defect 8c: a read-only output folder or --inplace target was refused only after every notebook had run.
    [Fact]
    public async Task UnwritableTargetsAreRefusedBeforeAnyNotebookRuns()
    {
        using var dir = new TempFolder();
        string marker = Path.Combine(dir, "ran.txt");
        string path = Write(dir, "a.ipynb", Cell($"System.IO.File.WriteAllText(@\"{marker}\", \"ran\");"));
        byte[] before = File.ReadAllBytes(path);
        string readOnly = Path.Combine(dir, "ro");
        Directory.CreateDirectory(readOnly);
        File.SetUnixFileMode(readOnly, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        Assert.Equal(2, await Program.Main(["run", path, "--output-dir", Path.Combine(readOnly, "out")]));
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        Assert.Equal(2, await Program.Main(["run", path, "--inplace"]));
        Assert.False(File.Exists(marker), "a notebook ran before its target was refused");
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Empty(Directory.EnumerateFileSystemEntries(readOnly));
        ProcessProbe.AssertNoKernelProcessLeft();
    }

    // Defect 8d: a notebook with no code cells still started a kernel.
    [Fact]
    public async Task ANotebookWithoutCodeCellsRunsWithoutAKernel()
    {
        using var dir = new TempFolder();
        string empty = Write(dir, "empty.ipynb");
        string prose = Write(dir, "prose.ipynb", Markdown("# only prose"), Cell("throw new Exception();", "skip-execution"));
        string code = Write(dir, "code.ipynb", Cell("1"));
        string? was = Environment.GetEnvironmentVariable(KernelTool.OverrideVariable);
        // No kernel can start: a notebook that asked for one would fail.
        Environment.SetEnvironmentVariable(KernelTool.OverrideVariable, Path.Combine(dir, "no-kernel-here.dll"));
        IReadOnlyList<NotebookResult> results;
        try { results = await NotebookRunner.RunAsync([empty, prose, code], new RunOptions()); }
        finally { Environment.SetEnvironmentVariable(KernelTool.OverrideVariable, was); }
        Assert.True(results[0].Passed, results[0].FatalError);
        Assert.True(results[1].Passed, results[1].FatalError);
        Assert.Equal(CellStatus.Skipped, Assert.Single(results[1].Cells).Status);
        Assert.Contains("no-kernel-here.dll", results[2].FatalError); // the control: this one needed the kernel
        ProcessProbe.AssertNoKernelProcessLeft();
    }

    // Defect 8e: invalid JSON said "at line , byte :".
    [Theory]
    [InlineData("")]
    [InlineData("{\"cells\": [")]
    public void InvalidJsonNamesAPositionOrNone(string text)
    {
        using var dir = new TempFolder();
        string path = Path.Combine(dir, "bad.ipynb");
        File.WriteAllText(path, text);
        var e = Assert.Throws<NotebookFormatException>(() => NotebookFile.Load(path));
        Assert.DoesNotContain("line ,", e.Message);
        Assert.DoesNotContain("byte :", e.Message);
        Assert.Contains("invalid JSON", e.Message);
    }
}
