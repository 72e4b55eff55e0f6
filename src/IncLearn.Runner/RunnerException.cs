namespace IncLearn.Runner;

/// <summary>The runner's typed failures: a cell that failed (<see cref="CellFailedException"/>) or timed out
/// (<see cref="CellTimeoutException"/>), a kernel that died (<see cref="KernelDiedException"/>) or cannot be started
/// (<see cref="KernelNotFoundException"/>), a notebook that cannot be read (<see cref="NotebookFormatException"/>).</summary>
public abstract class RunnerException(string message) : Exception(message);
