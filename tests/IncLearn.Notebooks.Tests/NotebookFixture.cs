using System.Text.Json.Nodes;
using IncLearn.Processes;
using IncLearn.TestSupport;
using IncLearn.Runner;

namespace IncLearn.Notebooks.Tests;

/// <summary>
/// Runs every notebook (chapters and solutions) once with the runner, on the real kernel, as `inclearn-nb run` does; then
/// each chapter again with each alternative parameter set of notebooks/parameters/alternatives.json (the runner's -p).
/// </summary>
public sealed class NotebookFixture : IAsyncLifetime
{
    private static readonly RunOptions Options = new() { Parallel = 2, CellTimeout = TimeSpan.FromSeconds(300) };

    /// <summary>Results of the re-execution, by name relative to notebooks/.</summary>
    public Dictionary<string, NotebookResult> Results { get; } = new();

    /// <summary>Results with alternative parameters, by (name, index of the set).</summary>
    public Dictionary<(string Notebook, int Set), NotebookResult> Alternatives { get; } = new();

    /// <summary>The alternative parameter sets, by notebook name.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<Dictionary<string, string>>> AlternativeSets { get; } = LoadAlternatives();

    private static IReadOnlyDictionary<string, IReadOnlyList<Dictionary<string, string>>> LoadAlternatives()
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Root, "notebooks", "parameters", "alternatives.json")))!.AsObject();
        return json.Where(kv => !kv.Key.StartsWith('$')).ToDictionary(kv => kv.Key,
            kv => (IReadOnlyList<Dictionary<string, string>>)kv.Value!.AsArray().Select(set => set!.AsObject().ToDictionary(p => p.Key, p => (string)p.Value!)).ToList());
    }

    /// <summary>(notebook, set index) rows, for test discovery.</summary>
    public static IEnumerable<object[]> AlternativeRuns() => AlternativeSets.SelectMany(kv => kv.Value.Select((_, k) => new object[] { kv.Key, k }));

    public async Task InitializeAsync()
    {
        // The notebooks load the library from its Release build, as the README tells a user to build it.
        (int code, string log) build;
        using (await IncLearn.TestSupport.BuildLock.AcquireAsync(Repository.Root))
            build = await ChildProcess.RunAsync("dotnet", ["build", "src/IncLearn.Interactive", "-c", "Release", "-nologo", "-v", "q"],
                Repository.Root, TimeSpan.FromMinutes(10));
        var (code, log) = build;
        if (code != 0) throw new InvalidOperationException($"dotnet build src/IncLearn.Interactive -c Release failed:\n{log}");
        foreach (var r in await NotebookRunner.RunAsync(Repository.Notebooks, Options)) Results[Repository.NameOf(r.Path)] = r;

        using var slots = new SemaphoreSlim(2);
        await Task.WhenAll(AlternativeSets.SelectMany(kv => kv.Value.Select(async (set, k) =>
        {
            await slots.WaitAsync();
            try
            {
                var r = await NotebookRunner.RunAsync([Path.Combine(Repository.Root, "notebooks", kv.Key)], Options with { Parallel = 1, Parameters = set });
                lock (Alternatives) Alternatives[(kv.Key, k)] = r.Single();
            }
            finally { slots.Release(); }
        })));
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

[CollectionDefinition("notebooks")]
public sealed class NotebookCollection : ICollectionFixture<NotebookFixture>;
