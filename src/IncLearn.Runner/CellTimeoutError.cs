namespace IncLearn.Runner;

/// <summary>A cell ran past the cell or notebook timeout; its kernel was stopped (nbclient's CellTimeoutError).</summary>
public sealed class CellTimeoutError(string message) : Exception(message);
