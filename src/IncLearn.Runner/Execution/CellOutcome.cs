namespace IncLearn.Runner;

/// <summary>What one code cell produced: its outputs (kept as they arrived, also when it failed) and how it ended. A failure
/// that did not abort the run (the kernel's error for the cell) and one that did (a timeout, a dead kernel: thrown where it
/// happens, caught by the executor) both end up here.</summary>
/// <param name="Status">How the cell ended.</param>
/// <param name="Outputs">What it displayed and printed.</param>
/// <param name="Failure">Why it failed (<see cref="CellFailedException"/>, <see cref="CellTimeoutException"/>,
/// <see cref="KernelDiedException"/>); with <see cref="CellStatus.Ok"/>, the error its <c>raises-exception</c> tag expected.</param>
public sealed record CellOutcome(CellStatus Status, CellOutputs Outputs, RunnerException? Failure = null)
{
    /// <summary>Whether the cell failed as its <c>raises-exception</c> tag said it would.</summary>
    public bool FailedAsExpected => Status == CellStatus.Ok && Failure is not null;

    /// <summary>The status written to the cell's <c>metadata.inclearn.status</c>.</summary>
    public string StatusName => Failure is null ? "ok" : FailedAsExpected ? "expected-error" : Status == CellStatus.Timeout ? "timeout" : "error";
}
