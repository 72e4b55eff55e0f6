using System.Text.Json.Nodes;

namespace IncLearn.Runner;

/// <summary>
/// The cells tagged <c>build-it</c> of an executed notebook, each with its state, read from what the run recorded: the cell's
/// status and the checks it displayed (the notebook layer marks a check made inside <c>Check.BuildIt</c> as a build-it check,
/// and reports "not-implemented" while the learner's scaffold still throws NotImplementedException).
/// </summary>
public static class BuildItCells
{
    /// <summary>The tag that marks a cell the learner completes.</summary>
    public const string Tag = "build-it";

    /// <summary>The build-it cells of <paramref name="result"/>, in notebook order (none when the notebook never ran).</summary>
    public static IReadOnlyList<BuildItCell> Of(NotebookResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Notebook is null) return [];
        var cells = new NotebookDocument(result.Notebook).Cells;
        var tagged = Enumerable.Range(0, cells.Count).Where(i => cells[i].IsCode && cells[i].HasTag(Tag)).ToArray();
        var byIndex = result.Cells.ToDictionary(c => c.Index);
        var list = new List<BuildItCell>();
        for (int n = 0; n < tagged.Length; n++)
        {
            int index = tagged[n];
            int next = n + 1 < tagged.Length ? tagged[n + 1] : cells.Count;
            byIndex.TryGetValue(index, out var cell);
            // The check normally ends the tagged cell; when the learner's copy moved it into the cells that follow (before the
            // next build-it cell), it still belongs to this one.
            var own = cell?.Checks ?? [];
            var checks = own.Any(c => c.BuildIt) ? own
                : own.Concat(Enumerable.Range(index + 1, next - index - 1).SelectMany(i => byIndex.TryGetValue(i, out var c) ? c.Checks.Where(k => k.BuildIt) : [])).ToArray();
            string label = checks.FirstOrDefault(c => c.BuildIt)?.Name ?? $"cell {index}";
            var (state, detail) = Judge(cell, checks);
            list.Add(new BuildItCell(n + 1, index, label, state, detail));
        }
        return list;
    }

    private static (BuildItState, string) Judge(CellResult? cell, IReadOnlyList<NotebookCheck> checks)
    {
        if (cell is null || cell.Status is CellStatus.NotRun or CellStatus.Skipped)
            return (BuildItState.NotRun, cell?.Status == CellStatus.Skipped ? "skipped (tagged skip-execution)" : "not executed: an earlier cell stopped the run");
        if (checks.FirstOrDefault(c => c.Failed) is { } failed) return (BuildItState.ImplementedFailing, $"{failed.Name}: {failed.Detail}");
        if (cell.Status is CellStatus.Error or CellStatus.Timeout) return (BuildItState.ImplementedFailing, cell.Error ?? cell.Status.ToString());
        if (checks.FirstOrDefault(c => c.Status == NotebookCheckStatus.NotImplemented) is { } open) return (BuildItState.NotImplemented, open.Detail);
        if (checks.Any(c => c.BuildIt && c.Passed)) return (BuildItState.ImplementedPassing, string.Join("; ", checks.Where(c => c.BuildIt).Select(c => c.Detail)));
        return (BuildItState.ImplementedFailing, "the cell displayed no build-it check (Check.BuildIt) to confirm it");
    }
}
