using IncLearn.Processes;
namespace IncLearn.FirstRun.Tests;

/// <summary>
/// A clean checkout of the repository as it stands (every file git tracks or would add, no build output, no bin/obj/
/// artifacts) in a temporary folder, with the runner built in Release there as README command 1's <c>dotnet run</c> would
/// build it — and not the library the notebooks load. Removed afterwards.
/// </summary>
public sealed class CleanCopy : IAsyncLifetime
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(15);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "inclearn-clean-" + Guid.NewGuid().ToString("N"));

    /// <summary>Output of the setup steps, for failure messages.</summary>
    public string SetupLog { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var (code, files) = await ChildProcess.RunAsync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], Repository.Root, StepTimeout);
        if (code != 0) throw new InvalidOperationException($"git ls-files failed: {files}");
        foreach (var file in files.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            string source = Path.Combine(Repository.Root, file);
            if (!File.Exists(source)) continue; // deleted in the working tree, not yet in the index
            string target = Path.Combine(Root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
        }
        var (built, log) = await ChildProcess.RunAsync("dotnet", ["build", "src/IncLearn.Runner", "-c", "Release", "-nologo", "-v", "q"], Root, StepTimeout);
        SetupLog = log;
        if (built != 0) throw new InvalidOperationException($"building the runner in the clean copy failed:\n{log}");
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }
}
