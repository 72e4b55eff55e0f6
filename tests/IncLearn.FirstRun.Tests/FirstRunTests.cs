using IncLearn.Processes;
namespace IncLearn.FirstRun.Tests;

/// <summary>
/// A first run that explains itself: from a clean checkout, the runner started before the library is built, or without
/// the pinned kernel, stops before starting any kernel with one line that says what to run.
/// </summary>
[Trait("Tier", "App")]
public sealed class FirstRunTests(CleanCopy copy) : IClassFixture<CleanCopy>
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task RunningBeforeTheLibraryIsBuiltSaysWhichBuildToRun()
    {
        Assert.False(Directory.Exists(Path.Combine(copy.Root, "src", "IncLearn.Interactive", "bin")), "the clean copy already has a build of the library");

        // README command 1 without its first half, as a new user runs it.
        var (code, output) = await ChildProcess.RunAsync("dotnet", ["run", "--project", "src/IncLearn.Runner", "-c", "Release", "--", "run"], copy.Root, RunTimeout);

        Assert.True(code == 2, $"exit {code}\n{output}");
        var hint = Assert.Single(Lines(output), l => l.Contains("not built", StringComparison.Ordinal));
        Assert.Contains("run `dotnet build src/IncLearn.Interactive -c Release` first", hint);
        Assert.DoesNotContain(Lines(output), l => l.StartsWith("running ", StringComparison.Ordinal)); // no notebook started
        Assert.False(Directory.Exists(Path.Combine(copy.Root, "artifacts", "notebooks")), "executed notebooks were written");
    }

    [Fact]
    public async Task RunningWithoutThePinnedKernelSaysToRestoreTheTools()
    {
        // A folder with the repository's tool manifest and a notebook, an empty NuGet packages folder (the tool is not
        // restored) and no reachable package source (so the runner's own `dotnet tool restore` cannot fetch it).
        string folder = Path.Combine(copy.Root, "artifacts", "no-kernel");
        Directory.CreateDirectory(Path.Combine(folder, ".config"));
        Directory.CreateDirectory(Path.Combine(folder, "notebooks"));
        Directory.CreateDirectory(Path.Combine(folder, "empty-source"));
        File.Copy(Path.Combine(copy.Root, ".config", "dotnet-tools.json"), Path.Combine(folder, ".config", "dotnet-tools.json"));
        File.Copy(Path.Combine(copy.Root, "notebooks", "00-Start-Here.ipynb"), Path.Combine(folder, "notebooks", "00-Start-Here.ipynb"));
        File.WriteAllText(Path.Combine(folder, "nuget.config"),
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration><packageSources><clear /><add key=\"empty\" value=\"empty-source\" /></packageSources></configuration>\n");
        string runner = Path.Combine(copy.Root, "src", "IncLearn.Runner", "bin", "Release", "net10.0", "IncLearn.Runner.dll");

        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { WorkingDirectory = folder, ArgumentList = { runner, "run" } };
        start.Environment["NUGET_PACKAGES"] = Path.Combine(folder, "packages");
        start.Environment.Remove("INCLEARN_DOTNET_INTERACTIVE"); // the pinned tool must be found (or not) as a user's run finds it
        var (code, output) = await ChildProcess.RunAsync(start, RunTimeout);

        Assert.True(code == 2, $"exit {code}\n{output}");
        var hint = Assert.Single(Lines(output), l => l.Contains("dotnet tool restore", StringComparison.Ordinal));
        Assert.StartsWith("the pinned kernel (dotnet-interactive) is not available: run `dotnet tool restore`", hint);
        Assert.DoesNotContain(Lines(output), l => l.StartsWith("running ", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(folder, "artifacts", "notebooks")), "executed notebooks were written");
    }

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
