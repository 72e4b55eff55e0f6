namespace IncLearn.Runner;

/// <summary>A cell ran past the cell or notebook timeout; its kernel was stopped (nbclient's CellTimeoutException).</summary>
public sealed class CellTimeoutException(string message) : RunnerException(message);
