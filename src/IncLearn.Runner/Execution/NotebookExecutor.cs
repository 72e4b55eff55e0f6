using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace IncLearn.Runner;

/// <summary>
/// Executes one notebook on one fresh real kernel: code cells in order as <c>SubmitCode</c> commands to the kernel the cell
/// names, outputs from the kernel's events, execution counts 1..n, per-cell start/end/status/checks in
/// <c>metadata.inclearn</c>. Markdown, raw cells and unknown metadata are left as they are. Cells that do not run lose
/// their stale outputs and counts.
/// </summary>
public static class NotebookExecutor
{
    /// <summary>Adds the <c>injected-parameters</c> cell after the <c>parameters</c> cell (or first), as papermill does.</summary>
    public static void InjectParameters(JsonObject notebook, IReadOnlyDictionary<string, string> parameters)
    {
        if (parameters.Count == 0) return;
        var document = new NotebookDocument(notebook);
        var cells = document.Cells;
        for (int i = cells.Count - 1; i >= 0; i--)
            if (cells[i].HasTag("injected-parameters")) document.RemoveAt(i);
        cells = document.Cells;
        int at = 0;
        for (int i = 0; i < cells.Count; i++)
            if (cells[i].HasTag("parameters")) { at = i + 1; break; }
        string code = "// Injected parameters\n" + string.Join("\n", parameters.Select(p => $"{p.Key} = {Literal(p.Value)};"));
        var cell = new JsonObject
        {
            ["cell_type"] = "code",
            ["execution_count"] = null,
            ["id"] = "injected-parameters",
            ["metadata"] = new JsonObject
            {
                ["dotnet_interactive"] = new JsonObject { ["language"] = "csharp" },
                ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" },
                ["tags"] = new JsonArray("injected-parameters"),
            },
            ["outputs"] = new JsonArray(),
            ["source"] = NotebookFile.Lines(code),
        };
        // Cell ids belong to nbformat 4.5: an older notebook with one would no longer be valid.
        if (document.FormatMinor < 5) cell.Remove("id");
        document.Insert(at, new NotebookCell(cell));
    }

    /// <summary>Whether running the notebook needs a kernel: some code cell not tagged skip-execution.</summary>
    public static bool NeedsKernel(JsonObject notebook)
        => new NotebookDocument(notebook).Cells.Any(c => c.IsCode && !c.HasTag("skip-execution"));

    // A parameter value becomes C#: numbers and booleans as they are, arrays as code (`new double[] { 1, 2 }`, `new[] { 3 }`
    // or a collection expression `[1, 2]`), anything else as a string literal.
    private static string Literal(string v)
    {
        if (v is "true" or "false") return v;
        if (v.StartsWith("new ", StringComparison.Ordinal) || v.StartsWith("new[", StringComparison.Ordinal) || v.StartsWith('[')) return v;
        if (double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) return v;
        return "\"" + v.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
    }

    /// <summary>Executes the notebook on <paramref name="kernel"/> (which it does not dispose); the kernel may be null only
    /// when <see cref="NeedsKernel"/> is false. A kernel killed by SIGINT/SIGTERM/SIGHUP while the run is being cancelled (a
    /// terminal's Ctrl-C reaches the whole process group) is the interruption, not the cell's error: it throws
    /// <see cref="OperationCanceledException"/>, so the unfinished notebook is never written.</summary>
    public static async Task<NotebookResult> ExecuteAsync(string path, JsonObject notebook, KernelProcess? kernel, ExecutionOptions options,
        Action<int, int>? onCellStart = null, CancellationToken cancel = default)
    {
        var document = new NotebookDocument(notebook);
        string defaultKernel = document.DefaultKernel;
        var wall = Stopwatch.StartNew();
        var cells = document.Cells;
        var results = new List<CellResult>();
        var displays = new Dictionary<string, JsonObject>();
        int count = 0;
        string? stopReason = null;
        for (int i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            if (!cell.IsCode) continue;
            var meta = cell.Metadata ?? new JsonObject();
            cell.Json["metadata"] = meta;
            if (stopReason is not null || cell.HasTag("skip-execution"))
            {
                var status = stopReason is not null ? CellStatus.NotRun : CellStatus.Skipped;
                string reason = stopReason ?? "skipped: tagged skip-execution";
                // Not run in this execution: no stale outputs or count from an earlier run stay behind.
                cell.Outputs = [];
                cell.ExecutionCount = null;
                meta["inclearn"] = new JsonObject { ["status"] = status == CellStatus.NotRun ? "not-run" : "skipped", ["reason"] = reason };
                results.Add(new CellResult(i, status, 0, [], reason));
                continue;
            }
            onCellStart?.Invoke(i, cells.Count);
            var start = DateTimeOffset.UtcNow;
            var clock = Stopwatch.StartNew();
            var outcome = await RunCellAsync(cell, kernel, defaultKernel, new CellOutputs(displays), options, options.NotebookTimeout - wall.Elapsed, cancel);
            clock.Stop();
            count++;
            var (outputs, failure) = (outcome.Outputs, outcome.Failure);
            if (failure is not null) outputs.AddError(ErrorOutput.ToJson(failure));
            cell.ExecutionCount = count;
            cell.Outputs = outputs.ToJson(count);
            var info = new JsonObject
            {
                ["start"] = start.ToString("o", CultureInfo.InvariantCulture),
                ["end"] = DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture),
                ["duration_s"] = Math.Round(clock.Elapsed.TotalSeconds, 3),
                ["status"] = outcome.StatusName,
            };
            if (outputs.Checks.Count > 0)
                info["checks"] = new JsonArray(outputs.Checks.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["passed"] = c.Passed, ["status"] = ChecksOutput.StatusName(c.Status) }).ToArray());
            meta["inclearn"] = info;
            string? error = failure is null ? null : failure is CellFailedException ce ? $"{ce.Ename}: {ce.Evalue}" : $"{failure.GetType().Name}: {failure.Message}";
            results.Add(new CellResult(i, outcome.Status, clock.Elapsed.TotalSeconds, outputs.Checks, error, outcome.FailedAsExpected ? null : failure));
            stopReason = failure switch
            {
                null => null,
                _ when outcome.FailedAsExpected => null,
                CellTimeoutException => $"not run: cell {i} timed out and its kernel was stopped",
                KernelDiedException => $"not run: the kernel died in cell {i}",
                _ when !options.AllowErrors => $"not run: cell {i} failed (run with --allow-errors to continue after errors)",
                _ => null,
            };
        }
        return new NotebookResult(path, notebook, results, wall.Elapsed.TotalSeconds);
    }

    /// <summary>Runs one code cell within the cell timeout and what is <paramref name="remaining"/> of the notebook's. A failure
    /// that stops the run (timeout, dead kernel) is thrown by the kernel and becomes the outcome here; the kernel's error is
    /// the expected one when the cell is tagged <c>raises-exception</c>.</summary>
    private static async Task<CellOutcome> RunCellAsync(NotebookCell cell, KernelProcess? kernel, string defaultKernel, CellOutputs outputs,
        ExecutionOptions options, TimeSpan remaining, CancellationToken cancel)
    {
        bool notebookLimit = remaining < options.CellTimeout;
        var limit = notebookLimit ? remaining : options.CellTimeout;
        CellOutcome outcome;
        try
        {
            if (kernel is null) throw new ArgumentNullException(nameof(kernel), "a notebook with code cells to run needs a kernel");
            outcome = limit <= TimeSpan.Zero ? new CellOutcome(CellStatus.Timeout, outputs, NotebookTimedOut(options))
                : await kernel.SubmitAsync(cell.Source, cell.KernelName(defaultKernel), outputs, limit, cancel);
        }
        catch (CellTimeoutException)
        {
            outcome = new CellOutcome(CellStatus.Timeout, outputs, notebookLimit ? NotebookTimedOut(options)
                : new CellTimeoutException($"cell timed out after {options.CellTimeout.TotalSeconds:G4} s (--cell-timeout); the kernel was stopped"));
        }
        catch (KernelDiedException e) { outcome = new CellOutcome(CellStatus.Error, outputs, e); }
        if (outcome.Failure is KernelDiedException && kernel!.DiedOfInterrupt)
        {
            // The signal may reach the kernel before the runner's handler has cancelled the run: give it a moment.
            try { await Task.Delay(TimeSpan.FromSeconds(3), cancel); }
            catch (OperationCanceledException) { }
            cancel.ThrowIfCancellationRequested();
        }
        return outcome.Failure is CellFailedException && cell.HasTag("raises-exception") ? outcome with { Status = CellStatus.Ok } : outcome;
    }

    private static CellTimeoutException NotebookTimedOut(ExecutionOptions o)
        => new($"notebook timed out after {o.NotebookTimeout.TotalSeconds:G4} s (--notebook-timeout); the kernel was stopped");
}
