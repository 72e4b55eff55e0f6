namespace IncLearn.Runner;

/// <summary>Options of one notebook's execution.</summary>
/// <param name="AllowErrors">Continue after a failing cell (nbclient's allow_errors). A timeout or a dead kernel always stops.</param>
/// <param name="CellTimeout">Longest a single cell may run.</param>
/// <param name="NotebookTimeout">Longest the whole notebook may run.</param>
public sealed record ExecutionOptions(bool AllowErrors, TimeSpan CellTimeout, TimeSpan NotebookTimeout);
