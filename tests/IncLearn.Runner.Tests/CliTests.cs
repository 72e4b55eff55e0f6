using System.Diagnostics;
using System.Xml.Linq;
using IncLearn.Runner;
using static IncLearn.Runner.Tests.TestNotebooks;

namespace IncLearn.Runner.Tests;

/// <summary>The command line: option checks, per-notebook failures, separate outputs, signals.</summary>
public class CliTests
{
    [Theory]
    [InlineData("check", "--rtol", "NaN")]
    [InlineData("check", "--rtol", "-1")]
    [InlineData("check", "--rtol", "Infinity")]
    [InlineData("run", "--parallel", "0")]
    [InlineData("run", "--parallel", "1000")]
    [InlineData("run", "--cell-timeout", "NaN")]
    [InlineData("run", "--cell-timeout", "Infinity")]
    [InlineData("run", "--notebook-timeout", "-5")]
    public async Task UnusableOptionValuesExitWith2(string command, string option, string value)
    {
        using var dir = new TempFolder();
        string path = Write(dir, "a.ipynb", Cell("1"));
        Assert.Equal(2, await Program.Main([command, path, option, value]));
        Assert.Equal([path], Directory.GetFiles(dir, "*", SearchOption.AllDirectories)); // nothing ran, nothing written
    }

    [Trait("Tier", "Kernel")]
    [Fact]
    public async Task SameNameNotebooksInDifferentFoldersKeepSeparateOutputsPagesAndSuites()
    {
        using var dir = new TempFolder();
        string a = Write(Path.Combine(dir, "a"), "nb.ipynb", Cell("\"from a\""));
        string b = Write(Path.Combine(dir, "b"), "nb.ipynb", Cell("\"from b\""));
        string outDir = Path.Combine(dir, "out"), html = Path.Combine(dir, "html"), junit = Path.Combine(dir, "junit.xml");
        Assert.Equal(0, await Program.Main(["run", a, b, "--output-dir", outDir, "--html", html, "--junit", junit]));
        Assert.Contains("from a", File.ReadAllText(Path.Combine(outDir, "a", "nb.ipynb")));
        Assert.Contains("from b", File.ReadAllText(Path.Combine(outDir, "b", "nb.ipynb")));
        Assert.Contains("from a", File.ReadAllText(Path.Combine(html, "a", "nb.html")));
        Assert.Contains("from b", File.ReadAllText(Path.Combine(html, "b", "nb.html")));
        Assert.Equal(["a/nb.ipynb", "b/nb.ipynb"], XDocument.Load(junit).Descendants("testsuite").Select(s => (string)s.Attribute("name")!));
    }

    [Trait("Tier", "Kernel")]
    [Fact]
    public async Task EachFailureIsReportedForItsNotebookWhileTheOthersRunAndReportsAreWritten()
    {
        using var dir = new TempFolder();
        string good = Write(dir, "good.ipynb", Cell("\"fine\""));
        string bad = Path.Combine(dir, "bad.ipynb");
        byte[] badBytes = [.. "{\"cells\": [], \"x\": \""u8, 0xFF, .. "\"}"u8];
        File.WriteAllBytes(bad, badBytes);
        string dangling = Path.Combine(dir, "dangling.ipynb");
        File.CreateSymbolicLink(dangling, Path.Combine(dir, "missing.ipynb"));
        string htmlIsAFile = Path.Combine(dir, "pages");
        File.WriteAllText(htmlIsAFile, "a file, not a folder");
        string outDir = Path.Combine(dir, "out"), junit = Path.Combine(dir, "junit.xml");
        int exit = await Program.Main(["run", good, bad, dangling, good, "--output-dir", outDir, "--html", htmlIsAFile, "--junit", junit]);
        Assert.Equal(2, exit);
        Assert.Contains("fine", File.ReadAllText(Path.Combine(outDir, "good.ipynb")));
        Assert.Equal(badBytes, File.ReadAllBytes(bad)); // refused, never rewritten
        Assert.False(File.Exists(Path.Combine(outDir, "bad.ipynb")));
        var suites = XDocument.Load(junit).Descendants("testsuite").Select(s => (string)s.Attribute("name")!).ToArray();
        Assert.Equal(["good.ipynb", "bad.ipynb", "dangling.ipynb"], suites); // the path given twice runs once
        Assert.Equal("a file, not a folder", File.ReadAllText(htmlIsAFile));
    }

    [Trait("Tier", "Kernel")]
    [Fact]
    public async Task InPlaceOnAReadOnlyFileIsReportedAndTheFileKept()
    {
        using var dir = new TempFolder();
        string path = Write(dir, "ro.ipynb", Cell("1"));
        string before = File.ReadAllText(path);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead);
        Assert.Equal(2, await Program.Main(["run", path, "--inplace"]));
        Assert.Equal(before, File.ReadAllText(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.GroupRead, File.GetUnixFileMode(path));
    }

    private static int Kill(int pid, int signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", pid.ToString()])!;
        kill.WaitForExit();
        return kill.ExitCode;
    }

    [Trait("Tier", "Kernel")]
    [Theory]
    [InlineData(15, 143)]
    [InlineData(2, 130)]
    public async Task ASignalStopsTheRunLeavingNoProcessOrTemporaryFileAndNoHalfWrittenNotebook(int signal, int expectedExit)
    {
        ProcessProbe.AssertSignalIsNotIgnored(signal);
        using var dir = new TempFolder();
        string pids = Path.Combine(dir, "pids.txt");
        string quick = Write(dir, "a-quick.ipynb", Cell("\"done\""));
        string slow = Write(dir, "b-slow.ipynb", Cell(
            "var child = System.Diagnostics.Process.Start(\"sleep\", \"600\")!;\n"
            + $"System.IO.File.WriteAllText(@\"{pids}\", $\"{{Environment.ProcessId}} {{child.Id}}\");\n"
            + "while (true) { }"));
        string outDir = Path.Combine(dir, "out");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dir };
        foreach (var a in new[] { typeof(Program).Assembly.Location, "run", quick, slow, "--parallel", "1", "--output-dir", outDir }) psi.ArgumentList.Add(a);
        using var runner = Process.Start(psi)!;
        var stdout = runner.StandardOutput.ReadToEndAsync();
        var stderr = runner.StandardError.ReadToEndAsync();
        var wait = Stopwatch.StartNew();
        while (!File.Exists(pids) || File.ReadAllText(pids).Split(' ').Length < 2)
        {
            if (runner.HasExited) Assert.Fail("the runner ended before the slow cell started: " + await stdout + await stderr);
            Assert.True(wait.Elapsed < TimeSpan.FromSeconds(120), "the slow cell never started");
            await Task.Delay(100);
        }
        var started = File.ReadAllText(pids).Split(' ').Select(int.Parse).ToArray();
        Assert.Equal(0, Kill(runner.Id, signal));
        Assert.True(runner.WaitForExit(60_000), "the runner did not stop");
        Assert.Equal(expectedExit, runner.ExitCode);
        Assert.All(started, pid => Assert.False(Alive(pid), $"process {pid} survived"));
        string log = await stdout + await stderr;
        Assert.True(File.Exists(Path.Combine(outDir, "a-quick.ipynb")), log); // finished: written whole
        NotebookFile.Load(Path.Combine(outDir, "a-quick.ipynb"));
        Assert.False(File.Exists(Path.Combine(outDir, "b-slow.ipynb"))); // unfinished: not written
        Assert.Empty(Directory.GetFiles(dir, "*.tmp", SearchOption.AllDirectories));
        Assert.Empty(ProcessProbe.RuntimeFilesOf(started[0])); // the killed kernel's runtime sockets and pipes
    }

    // A kernel ends by SIGKILL, which leaves the .NET runtime's per-process sockets and pipes (and PowerShell's host pipe) in
    // the temporary directory: four files per kernel, 56 per run of the tutorial, until the runner removed them.
    [Trait("Tier", "Kernel")]
    [Fact]
    public async Task AFinishedRunLeavesNoRuntimeFileOfItsKernel()
    {
        using var dir = new TempFolder();
        string pid = Path.Combine(dir, "pid.txt");
        string nb = Write(dir, "nb.ipynb", Cell($"System.IO.File.WriteAllText(@\"{pid}\", $\"{{Environment.ProcessId}}\");"));
        Assert.Equal(0, await Program.Main(["run", nb, "--output-dir", Path.Combine(dir, "out")]));
        int kernel = int.Parse(File.ReadAllText(pid));
        Assert.NotEqual(Environment.ProcessId, kernel);
        Assert.Empty(ProcessProbe.RuntimeFilesOf(kernel));
    }
}
