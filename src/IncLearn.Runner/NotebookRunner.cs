using System.Text.Json.Nodes;

namespace IncLearn.Runner;

/// <summary>Options of <c>run</c> and <c>check</c>.</summary>
public sealed record RunOptions
{
    /// <summary>Notebooks run at once (worker processes).</summary>
    public int Parallel { get; init; } = Environment.ProcessorCount;
    /// <summary>Per-cell limit.</summary>
    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromSeconds(300);
    /// <summary>Per-notebook limit.</summary>
    public TimeSpan NotebookTimeout { get; init; } = TimeSpan.FromSeconds(1800);
    /// <summary>Continue after a failing cell.</summary>
    public bool AllowErrors { get; init; }
    /// <summary>papermill-style parameters.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();
    /// <summary>Progress callback: notebook path, cell index, cell count.</summary>
    public Action<string, int, int>? Progress { get; init; }
}

/// <summary>Finds notebooks and runs them on a <see cref="WorkerPool"/>; the CLI and the tests both call this.</summary>
public static class NotebookRunner
{
    /// <summary>The .ipynb files under the given paths, in file-name order (checkpoints skipped). A path that does not exist throws.</summary>
    public static IReadOnlyList<string> Find(IEnumerable<string> paths)
    {
        var found = new List<string>();
        foreach (var p in paths)
        {
            if (File.Exists(p)) found.Add(Path.GetFullPath(p));
            else if (Directory.Exists(p))
                found.AddRange(Directory.EnumerateFiles(p, "*.ipynb", SearchOption.AllDirectories)
                    .Where(f => !f.Contains(".ipynb_checkpoints", StringComparison.Ordinal)).Select(Path.GetFullPath)
                    .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal));
            else throw new FileNotFoundException($"no such notebook or folder: {Path.GetFullPath(p)}", p);
        }
        return found;
    }

    /// <summary>Runs every notebook (parsed first; an unreadable one is reported and never written).</summary>
    public static async Task<IReadOnlyList<NotebookResult>> RunAsync(IReadOnlyList<string> notebooks, RunOptions options)
    {
        await using var pool = new WorkerPool(Math.Min(options.Parallel, Math.Max(1, notebooks.Count)));
        var timeouts = new Timeouts(options.CellTimeout, options.NotebookTimeout);
        var tasks = notebooks.Select(async path =>
        {
            JsonObject nb;
            try { nb = NotebookFile.Load(path); }
            catch (NotebookFormatException e) { return new NotebookResult(path, null, [], 0, e.Message); }
            NotebookExecutor.InjectParameters(nb, options.Parameters);
            return await pool.RunAsync(path, nb, new ExecutionOptions(options.AllowErrors, options.Parameters), timeouts,
                (cell, count) => options.Progress?.Invoke(path, cell, count));
        }).ToArray();
        return await Task.WhenAll(tasks);
    }
}
