using System.Text.Json.Nodes;
using IncLearn.Runner;
using IncLearn.TestSupport;

namespace IncLearn.RealKernel.Tests;

/// <summary>
/// The tutorial as users run it: every notebook in the real .NET Interactive kernel (tool 1.0.712001), through Jupyter
/// (nbclient) and dotnet-repl. No error outside raises-exception cells, every stored check shown and passing, every chart
/// present, every value as stored within the runner's comparison tolerance.
/// </summary>
[Collection("real kernel")]
[Trait("Tier", "Kernel")]
public class RealKernelTests(RealKernelFixture kernel)
{
    // The runner's default for exact numbers; checks and error measurements compare at their own precision (Comparison).
    private const double Rtol = 1e-9;

    private static NotebookOutputs Stored(string notebook) => NotebookOutputs.Load(Path.Combine(Repository.Root, "notebooks", notebook));

    private NotebookOutputs Jupyter(string notebook)
    {
        string path = kernel.NbclientOutput(notebook);
        Assert.True(File.Exists(path), $"nbclient wrote no {notebook} (exit {kernel.Nbclient.ExitCode}):\n{kernel.Nbclient.Output}");
        return NotebookOutputs.Load(path);
    }

    private NotebookOutputs Repl(string notebook)
    {
        string path = kernel.ReplOutput(notebook);
        Assert.True(File.Exists(path), $"dotnet-repl wrote no {notebook} (exit {kernel.Repl[notebook].ExitCode}):\n{kernel.Repl[notebook].Output}");
        return NotebookOutputs.Load(path);
    }

    [Fact]
    public void KernelspecIsThePinnedToolListeningLocallyOnly()
    {
        var spec = JsonNode.Parse(File.ReadAllText(Path.Combine(kernel.JupyterPath, "kernels", ".net-csharp", "kernel.json")))!;
        var argv = spec["argv"]!.AsArray().Select(a => (string)a!).ToArray();
        Assert.Contains("--http-local-only", argv);
        Assert.Contains(argv, a => a.Contains("microsoft.dotnet-interactive/1.0.712001/", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(NotebookOutputs.NotebookNames), MemberType = typeof(NotebookOutputs))]
    public void JupyterRunsWithoutErrors(string notebook)
    {
        var errors = Jupyter(notebook).UnexpectedErrors();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [MemberData(nameof(NotebookOutputs.StoredChecks), MemberType = typeof(NotebookOutputs))]
    public void CheckShownAndPassingInJupyter(string notebook, string check) => AssertCheck(Jupyter(notebook), notebook, check);

    [Theory]
    [MemberData(nameof(NotebookOutputs.StoredChecks), MemberType = typeof(NotebookOutputs))]
    public void CheckShownAndPassingInDotnetRepl(string notebook, string check) => AssertCheck(Repl(notebook), notebook, check);

    private static void AssertCheck(NotebookOutputs executed, string notebook, string check)
    {
        var found = executed.Checks().Where(c => c.Name == check).ToArray();
        Assert.True(found.Length > 0, $"{notebook}: check '{check}' was not shown; errors: {string.Join("\n", executed.UnexpectedErrors())}");
        Assert.All(found, c => Assert.True(c.PassedOrNotImplemented, $"{notebook}: ✗ {c.Name}: {c.Detail}"));
        Assert.Equal(Stored(notebook).Checks().Count(c => c.Name == check), found.Length);
    }

    [Theory]
    [MemberData(nameof(NotebookOutputs.NotebookNames), MemberType = typeof(NotebookOutputs))]
    public void NoCheckShownThatIsNotStored(string notebook)
    {
        var stored = Stored(notebook).Checks().Select(c => c.Name).ToHashSet();
        var extra = Jupyter(notebook).Checks().Select(c => c.Name).Where(n => !stored.Contains(n)).ToArray();
        Assert.True(extra.Length == 0, $"{notebook}: checks shown but not stored: {string.Join("; ", extra)}");
    }

    [Theory]
    [MemberData(nameof(NotebookOutputs.NotebookNames), MemberType = typeof(NotebookOutputs))]
    public void EveryChartPresent(string notebook)
    {
        var stored = Stored(notebook).ChartsPerCell();
        Assert.Equal(stored, Jupyter(notebook).ChartsPerCell());
        Assert.Equal(stored.Values.Sum(), Repl(notebook).ChartsPerCell().Values.Sum());
    }

    [Fact]
    public void TheTutorialHasChartsAndChecks()
    {
        // Guards the tests above against passing vacuously on notebooks that lost their outputs.
        Assert.True(Repository.Chapters.Sum(n => Stored(Repository.NameOf(n)).ChartsPerCell().Values.Sum()) >= 10);
        Assert.True(Repository.Chapters.Sum(n => Stored(Repository.NameOf(n)).Checks().Count) >= 50);
        Assert.True(Repository.Notebooks.Count > Repository.Chapters.Count, "the worked solutions are run too");
    }

    [Theory]
    [MemberData(nameof(NotebookOutputs.NotebookNames), MemberType = typeof(NotebookOutputs))]
    public void ValuesAgreeWithStoredOutputs(string notebook)
    {
        var diff = Comparison.Compare(Stored(notebook).Json, Jupyter(notebook).Json, Rtol);
        Assert.True(diff is null, $"{notebook}: the real kernel's outputs differ from the stored ones: {diff}");
    }

    [Theory]
    [MemberData(nameof(NotebookOutputs.NotebookNames), MemberType = typeof(NotebookOutputs))]
    public void DotnetReplExitsZero(string notebook)
    {
        var (code, output) = kernel.Repl[notebook];
        Assert.True(code == 0, $"dotnet-repl --run {notebook} exited {code}:\n{Tail(output)}");
        Assert.Empty(Repl(notebook).UnexpectedErrors());
    }

    [Fact]
    public void CanaryDirectPlotlyFailsInTheRealKernel()
    {
        // The failure users met: Plotly.NET 6 needs FSharp.Core 10.1, which the kernel's default context cannot load.
        var errors = Jupyter("plotly-direct.ipynb").UnexpectedErrors();
        Assert.Contains(errors, e => e.Contains("FSharp.Core, Version=10.1.0.0", StringComparison.Ordinal));
        Assert.NotEqual(0, kernel.Repl["../tests/RealKernel/canary/plotly-direct.ipynb"].ExitCode);
    }

    [Fact]
    public void CanaryFailingCheckIsShownAndFailsItsCell()
    {
        var executed = Jupyter("failing-check.ipynb");
        Assert.Contains(executed.Checks(), c => c.Name == "canary: 2 ≤ 1" && !c.Passed);
        Assert.Contains(executed.Checks(), c => c.Name == "canary: 1 ≤ 2" && c.Passed);
        Assert.Contains(executed.UnexpectedErrors(), e => e.Contains("Check failed: canary: 2 ≤ 1", StringComparison.Ordinal));
        Assert.NotEqual(0, kernel.Repl["../tests/RealKernel/canary/failing-check.ipynb"].ExitCode);
    }

    private static string Tail(string s) => s.Length > 3000 ? "…" + s[^3000..] : s;
}
