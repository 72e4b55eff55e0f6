using System.Text.RegularExpressions;
using IncLearn.Processes;
using IncLearn.TestSupport;
using IncLearn.Runner;

namespace IncLearn.Apps.Tests;

/// <summary>The third way to use the tutorial: each notebook as a file-based app in apps/, kept in sync with the notebook and
/// run with `dotnet run`; it must exit 0 and print exactly the notebook's checks.</summary>
public class FileBasedAppTests
{
    private static string AppOf(string notebook) => Path.Combine(Repository.Root, "apps", Path.GetFileNameWithoutExtension(notebook) + ".cs");

    [Theory]
    [Trait("Tier", "App")]
    [MemberData(nameof(NotebookOutputs.ChapterNames), MemberType = typeof(NotebookOutputs))]
    public async Task AppRunsAndPrintsEveryCheckOfItsNotebook(string notebook)
    {
        string output = Path.Combine(Path.GetTempPath(), "inclearn-app-" + Guid.NewGuid().ToString("N"));
        try
        {
            // The build (of the app and the library it references) holds the lock; the run does not, so apps run side by side.
            (int ExitCode, string Output) build;
            using (await IncLearn.TestSupport.BuildLock.AcquireAsync(Repository.Root))
                build = await ChildProcess.RunAsync("dotnet", ["build", AppOf(notebook)], Repository.Root, TimeSpan.FromMinutes(10));
            Assert.True(build.ExitCode == 0, $"dotnet build {AppOf(notebook)} exited {build.ExitCode}:\n{Tail(build.Output)}");
            var (code, text) = await ChildProcess.RunAsync("dotnet", ["run", "--no-build", AppOf(notebook)], Repository.Root, TimeSpan.FromMinutes(5),
                new Dictionary<string, string> { ["INCLEARN_APP_OUTPUT"] = output });
            Assert.True(code == 0, $"dotnet run {AppOf(notebook)} exited {code}:\n{Tail(text)}");
            // A check prints as "✓ name: detail" (names may contain ": " themselves); a build-it check whose scaffold is not
            // filled in yet as "○ name: not yet implemented…", as the chapter shows it.
            var printed = text.Split('\n').Where(l => l.StartsWith("✓ ", StringComparison.Ordinal) || l.StartsWith("✗ ", StringComparison.Ordinal)
                || l.StartsWith("○ ", StringComparison.Ordinal)).ToList();
            var stored = NotebookOutputs.Load(Path.Combine(Repository.Root, "notebooks", notebook)).Checks();
            Assert.Equal(stored.Count, printed.Count);
            Assert.DoesNotContain(printed, line => line.StartsWith("✗", StringComparison.Ordinal));
            foreach (var check in stored)
            {
                string mark = check.NotImplemented ? "○" : "✓";
                int i = printed.FindIndex(l => l.StartsWith($"{mark} {check.Name}: ", StringComparison.Ordinal));
                Assert.True(i >= 0, $"check '{check.Name}' was not printed");
                printed.RemoveAt(i);
            }
            // Each figure is written beside the app, and its path printed.
            foreach (Match m in Regex.Matches(text, "^figure: (.*)$", RegexOptions.Multiline)) Assert.True(File.Exists(m.Groups[1].Value.Trim()), m.Value);
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        }
    }

    private static string Tail(string s) => s.Length > 3000 ? "…" + s[^3000..] : s;
}
