namespace IncLearn.Runner;

/// <summary>Options of <c>run</c> and <c>check</c>.</summary>
public sealed record RunOptions
{
    /// <summary>Most notebooks run at once (default <see cref="DefaultParallel"/>, the CLI's too), 1…<see cref="MaxParallel"/>.</summary>
    public int Parallel { get; init; } = DefaultParallel;
    /// <summary>Per-cell limit.</summary>
    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromSeconds(300);
    /// <summary>Per-notebook limit.</summary>
    public TimeSpan NotebookTimeout { get; init; } = TimeSpan.FromSeconds(1800);
    /// <summary>How long a kernel may take to start.</summary>
    public TimeSpan KernelStartTimeout { get; init; } = TimeSpan.FromSeconds(120);
    /// <summary>Continue after a failing cell (nbclient's allow_errors; off by default, as there).</summary>
    public bool AllowErrors { get; init; }
    /// <summary>papermill-style parameters.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();
    /// <summary>Progress callback: notebook path, cell index, cell count.</summary>
    public Action<string, int, int>? Progress { get; init; }

    /// <summary>The largest <see cref="Parallel"/> accepted: each slot holds a running kernel and a warm spare (≈ 0.3 GB each).</summary>
    public const int MaxParallel = 64;

    /// <summary>One slot per core (clamped to 1…<see cref="MaxParallel"/>): the one default of the library and the CLI.</summary>
    public static int DefaultParallel => Math.Clamp(Environment.ProcessorCount, 1, MaxParallel);
}
