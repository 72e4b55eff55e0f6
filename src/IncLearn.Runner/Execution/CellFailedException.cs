namespace IncLearn.Runner;

/// <summary>The kernel reported an error for a cell (nbclient's CellFailedException): compile error or exception.</summary>
public sealed class CellFailedException(string ename, string evalue, string message) : RunnerException(message)
{
    /// <summary>The error's name (exception type, or <c>Error</c>).</summary>
    public string Ename { get; } = ename;

    /// <summary>The error's value (its message).</summary>
    public string Evalue { get; } = evalue;
}
