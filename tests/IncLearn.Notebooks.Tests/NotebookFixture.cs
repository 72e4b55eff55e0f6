using System.Text.Json.Nodes;
using IncLearn.Runner;

namespace IncLearn.Notebooks.Tests;

/// <summary>Finds the repository and runs every notebook once (worker processes, as the CLI does) for all tests.</summary>
public sealed class NotebookFixture : IAsyncLifetime
{
    /// <summary>The repository root (the folder holding IncLearnNotebooks.sln).</summary>
    public static string RepoRoot { get; } = FindRoot();

    /// <summary>The notebooks, in file-name order.</summary>
    public static IReadOnlyList<string> Notebooks { get; } = NotebookRunner.Find([Path.Combine(RepoRoot, "notebooks")]);

    /// <summary>Results of the re-execution, by file name.</summary>
    public Dictionary<string, NotebookResult> Results { get; } = new();

    private static string FindRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "IncLearnNotebooks.sln"))) return d.FullName;
        string? built = typeof(NotebookFixture).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .OfType<System.Reflection.AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepoRoot")?.Value;
        if (built is not null && File.Exists(Path.Combine(built, "IncLearnNotebooks.sln"))) return built;
        throw new InvalidOperationException("repository root (IncLearnNotebooks.sln) not found above " + AppContext.BaseDirectory);
    }

    /// <summary>(notebook, check name) pairs recorded in the stored notebooks' cell metadata by the runner.</summary>
    public static IEnumerable<object[]> StoredChecks()
    {
        foreach (var path in Notebooks)
        {
            var nb = NotebookFile.Load(path);
            foreach (var cell in ((JsonArray)nb["cells"]!).OfType<JsonObject>())
                if (cell["metadata"]?["inclearn"]?["checks"] is JsonArray checks)
                    foreach (var c in checks.OfType<JsonObject>())
                        yield return [Path.GetFileName(path), c["name"]!.GetValue<string>()];
        }
    }

    /// <summary>One row per notebook.</summary>
    public static IEnumerable<object[]> NotebookNames() => Notebooks.Select(p => new object[] { Path.GetFileName(p) });

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        var results = await NotebookRunner.RunAsync(Notebooks, new RunOptions { Parallel = Environment.ProcessorCount, CellTimeout = TimeSpan.FromSeconds(120) });
        foreach (var r in results) Results[Path.GetFileName(r.Path)] = r;
    }

    /// <inheritdoc/>
    public Task DisposeAsync() => Task.CompletedTask;
}

[CollectionDefinition("notebooks")]
public sealed class NotebookCollection : ICollectionFixture<NotebookFixture>;
