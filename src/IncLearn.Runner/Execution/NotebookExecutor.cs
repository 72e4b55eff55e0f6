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
        var cells = (JsonArray)notebook["cells"]!;
        for (int i = cells.Count - 1; i >= 0; i--)
            if (cells[i] is JsonObject c && NotebookFile.Tags(c).Contains("injected-parameters")) cells.RemoveAt(i);
        int at = 0;
        for (int i = 0; i < cells.Count; i++)
            if (cells[i] is JsonObject c && NotebookFile.Tags(c).Contains("parameters")) { at = i + 1; break; }
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
        if (notebook["nbformat_minor"] is JsonValue minor && minor.TryGetValue<int>(out int m) && m < 5) cell.Remove("id");
        cells.Insert(at, cell);
    }

    /// <summary>Whether running the notebook needs a kernel: some code cell not tagged skip-execution.</summary>
    public static bool NeedsKernel(JsonObject notebook)
        => ((JsonArray)notebook["cells"]!).OfType<JsonObject>()
            .Any(c => c["cell_type"]?.GetValue<string>() == "code" && !NotebookFile.Tags(c).Contains("skip-execution"));

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
        string defaultKernel = KernelLanguage.DefaultOf(notebook);
        var wall = Stopwatch.StartNew();
        var cells = (JsonArray)notebook["cells"]!;
        var results = new List<CellResult>();
        var displays = new Dictionary<string, JsonObject>();
        int count = 0;
        string? stopReason = null;
        for (int i = 0; i < cells.Count; i++)
        {
            if (cells[i] is not JsonObject cell || cell["cell_type"]?.GetValue<string>() != "code") continue;
            var tags = NotebookFile.Tags(cell);
            var meta = cell["metadata"] as JsonObject ?? new JsonObject();
            cell["metadata"] = meta;
            if (stopReason is not null || tags.Contains("skip-execution"))
            {
                var status = stopReason is not null ? CellStatus.NotRun : CellStatus.Skipped;
                string reason = stopReason ?? "skipped: tagged skip-execution";
                // Not run in this execution: no stale outputs or count from an earlier run stay behind.
                cell["outputs"] = new JsonArray();
                cell["execution_count"] = null;
                meta["inclearn"] = new JsonObject { ["status"] = status == CellStatus.NotRun ? "not-run" : "skipped", ["reason"] = reason };
                results.Add(new CellResult(i, status, 0, [], reason));
                continue;
            }
            onCellStart?.Invoke(i, cells.Count);
            var outputs = new CellOutputs(displays);
            var start = DateTimeOffset.UtcNow;
            var clock = Stopwatch.StartNew();
            var remaining = options.NotebookTimeout - wall.Elapsed;
            bool notebookLimit = remaining < options.CellTimeout;
            var limit = notebookLimit ? remaining : options.CellTimeout;
            Exception? failure;
            try
            {
                if (kernel is null) throw new ArgumentNullException(nameof(kernel), "a notebook with code cells to run needs a kernel");
                failure = limit <= TimeSpan.Zero ? NotebookTimedOut(options)
                    : await kernel.SubmitAsync(NotebookFile.Source(cell), NotebookFile.KernelOf(cell, defaultKernel), outputs, limit, cancel);
            }
            catch (CellTimeoutException) { failure = notebookLimit ? NotebookTimedOut(options) : new CellTimeoutException($"cell timed out after {options.CellTimeout.TotalSeconds:G4} s (--cell-timeout); the kernel was stopped"); }
            catch (KernelDiedException e) { failure = e; }
            if (failure is KernelDiedException && kernel!.DiedOfInterrupt)
            {
                // The signal may reach the kernel before the runner's handler has cancelled the run: give it a moment.
                try { await Task.Delay(TimeSpan.FromSeconds(3), cancel); }
                catch (OperationCanceledException) { }
                cancel.ThrowIfCancellationRequested();
            }
            clock.Stop();
            count++;
            if (failure is not null) outputs.AddError(ErrorOutput.ToJson(failure));
            bool expected = failure is CellFailedException && tags.Contains("raises-exception");
            var cellStatus = failure is null || expected ? CellStatus.Ok : failure is CellTimeoutException ? CellStatus.Timeout : CellStatus.Error;
            cell["execution_count"] = count;
            cell["outputs"] = outputs.ToJson(count);
            var info = new JsonObject
            {
                ["start"] = start.ToString("o", CultureInfo.InvariantCulture),
                ["end"] = DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture),
                ["duration_s"] = Math.Round(clock.Elapsed.TotalSeconds, 3),
                ["status"] = failure is null ? "ok" : expected ? "expected-error" : cellStatus == CellStatus.Timeout ? "timeout" : "error",
            };
            if (outputs.Checks.Count > 0)
                info["checks"] = new JsonArray(outputs.Checks.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["passed"] = c.Passed, ["status"] = ChecksOutput.StatusName(c.Status) }).ToArray());
            meta["inclearn"] = info;
            string? error = failure is null ? null : failure is CellFailedException ce ? $"{ce.Ename}: {ce.Evalue}" : $"{failure.GetType().Name}: {failure.Message}";
            results.Add(new CellResult(i, cellStatus, clock.Elapsed.TotalSeconds, outputs.Checks, error, expected ? null : failure));
            stopReason = failure switch
            {
                null => null,
                _ when expected => null,
                CellTimeoutException => $"not run: cell {i} timed out and its kernel was stopped",
                KernelDiedException => $"not run: the kernel died in cell {i}",
                _ when !options.AllowErrors => $"not run: cell {i} failed (run with --allow-errors to continue after errors)",
                _ => null,
            };
        }
        return new NotebookResult(path, notebook, results, wall.Elapsed.TotalSeconds);
    }

    private static CellTimeoutException NotebookTimedOut(ExecutionOptions o)
        => new($"notebook timed out after {o.NotebookTimeout.TotalSeconds:G4} s (--notebook-timeout); the kernel was stopped");
}
