using System.Text.Json.Nodes;

namespace IncLearn.Runner;

/// <summary>One notebook after a run.</summary>
/// <param name="Path">The notebook's path.</param>
/// <param name="Notebook">The executed notebook (outputs, execution counts and cell metadata updated); null when it could not be read or the run was interrupted.</param>
/// <param name="Cells">Per code cell.</param>
/// <param name="WallSeconds">Wall time of the notebook, from taking it up (including waiting for its kernel) to its last cell.</param>
/// <param name="FatalError">A failure outside any cell (unreadable notebook, kernel that did not start, interrupted run).</param>
public sealed record NotebookResult(string Path, JsonObject? Notebook, IReadOnlyList<CellResult> Cells, double WallSeconds, string? FatalError = null)
{
    /// <summary>Processes the notebook left running (children, daemons) that the runner ended with its kernel.</summary>
    public IReadOnlyList<string> EndedProcesses { get; init; } = [];

    /// <summary>All checks in order.</summary>
    public IEnumerable<NotebookCheck> Checks => Cells.SelectMany(c => c.Checks);

    /// <summary>Seconds spent inside cells.</summary>
    public double CellSeconds => Cells.Sum(c => c.Seconds);

    /// <summary>Whether every cell ran as expected (or was skipped on purpose) and every check passed.</summary>
    public bool Passed => FatalError is null && Cells.All(c => c.Status is CellStatus.Ok or CellStatus.Skipped) && Checks.All(c => !c.Failed);
}
