namespace IncLearn.Runner;

/// <summary>One code cell of an executed notebook.</summary>
/// <param name="Index">Index of the cell in the notebook (all cell types counted).</param>
/// <param name="Status">How it ended.</param>
/// <param name="Seconds">Time inside the cell.</param>
/// <param name="Checks">Checks the cell displayed.</param>
/// <param name="Error">Why it failed or did not run, as text.</param>
/// <param name="Failure">The typed failure (<see cref="CellFailedException"/>, <see cref="CellTimeoutException"/>, <see cref="KernelDiedException"/>), when it failed.</param>
public sealed record CellResult(int Index, CellStatus Status, double Seconds, IReadOnlyList<NotebookCheck> Checks, string? Error, Exception? Failure = null);
