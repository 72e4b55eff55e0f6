namespace IncLearn.Runner;

/// <summary>How one code cell ended.</summary>
public enum CellStatus
{
    /// <summary>Ran without error (or raised the error its <c>raises-exception</c> tag expected).</summary>
    Ok,
    /// <summary>The kernel reported an error, or the kernel died while running it.</summary>
    Error,
    /// <summary>Not run on purpose: tagged <c>skip-execution</c>.</summary>
    Skipped,
    /// <summary>Stopped after the cell or notebook timeout.</summary>
    Timeout,
    /// <summary>Not run because an earlier cell failed, timed out or killed the kernel (its stale outputs are removed).</summary>
    NotRun,
}
