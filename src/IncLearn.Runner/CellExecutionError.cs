namespace IncLearn.Runner;

/// <summary>The kernel reported an error for a cell (nbclient's CellExecutionError): compile error or exception.</summary>
public sealed class CellExecutionError(string ename, string evalue, string message) : Exception(message)
{
    /// <summary>The error's name (exception type, or <c>Error</c>).</summary>
    public string Ename { get; } = ename;

    /// <summary>The error's value (its message).</summary>
    public string Evalue { get; } = evalue;
}
