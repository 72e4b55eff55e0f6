using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using IncLearn.Interactive;

namespace IncLearn.Runner;

/// <summary>How one cell ended.</summary>
public enum CellStatus
{
    /// <summary>Ran without error (or raised an error its <c>raises-exception</c> tag expected).</summary>
    Ok,
    /// <summary>Raised an error.</summary>
    Error,
    /// <summary>Not run: <c>skip-execution</c> tag, another kernel, or after an earlier failure.</summary>
    Skipped,
    /// <summary>Stopped after the cell timeout.</summary>
    Timeout,
}

/// <summary>One executed code cell.</summary>
/// <param name="Index">Index of the cell in the notebook (all cell types counted).</param>
/// <param name="Status">How it ended.</param>
/// <param name="Seconds">Time inside the cell.</param>
/// <param name="Checks">Checks made by the cell.</param>
/// <param name="Error">The error text, when it failed.</param>
public sealed record CellResult(int Index, CellStatus Status, double Seconds, IReadOnlyList<CheckResult> Checks, string? Error);

/// <summary>One executed notebook.</summary>
/// <param name="Path">The notebook's path.</param>
/// <param name="Notebook">The executed notebook (outputs, execution counts and cell metadata updated).</param>
/// <param name="Cells">Per executed code cell.</param>
/// <param name="WallSeconds">Wall time of the notebook.</param>
/// <param name="FatalError">A failure outside any cell (unreadable notebook, crashed worker).</param>
public sealed record NotebookResult(string Path, JsonObject? Notebook, IReadOnlyList<CellResult> Cells, double WallSeconds, string? FatalError = null)
{
    /// <summary>All checks in order.</summary>
    public IEnumerable<CheckResult> Checks => Cells.SelectMany(c => c.Checks);

    /// <summary>Seconds spent inside cells.</summary>
    public double CellSeconds => Cells.Sum(c => c.Seconds);

    /// <summary>Whether every cell ran as expected and every check passed.</summary>
    public bool Passed => FatalError is null && Cells.All(c => c.Status is CellStatus.Ok or CellStatus.Skipped) && Checks.All(c => c.Passed)
        && !Cells.Any(c => c.Status == CellStatus.Skipped && c.Error == NotebookExecutor.StoppedEarlier);
}

/// <summary>Options of one execution.</summary>
/// <param name="AllowErrors">Continue after a failing cell (as nbclient's allow_errors).</param>
/// <param name="Parameters">papermill-style parameters injected after the cell tagged <c>parameters</c>.</param>
public sealed record ExecutionOptions(bool AllowErrors = false, IReadOnlyDictionary<string, string>? Parameters = null);

/// <summary>
/// Executes a notebook in this process: one <see cref="ScriptKernel"/> per notebook, cells in order, outputs in the kernel's
/// shapes, execution counts 1..n, per-cell start/end/status in <c>metadata.inclearn</c>. Markdown, raw cells and unknown
/// metadata are left as they are. Worker processes call this; tests may call it directly.
/// </summary>
public static class NotebookExecutor
{
    internal const string StoppedEarlier = "not run: an earlier cell failed";
    private static bool checkHooked;
    private static readonly object HookGate = new();

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
        cells.Insert(at, cell);
    }

    private static string Literal(string v)
    {
        if (v is "true" or "false") return v;
        if (double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) return v;
        return "\"" + v.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
    }

    /// <summary>Executes the notebook, calling <paramref name="onCell"/> before each code cell runs (index) and after (result).</summary>
    public static async Task<NotebookResult> ExecuteAsync(string path, JsonObject notebook, ExecutionOptions options,
        Action<int>? onCellStart = null, Action<CellResult, JsonObject>? onCellDone = null, CancellationToken cancel = default)
    {
        OutputCapture.Install();
        HookChecks();
        var wall = Stopwatch.StartNew();
        string dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var kernel = new ScriptKernel(dir);
        var cells = (JsonArray)notebook["cells"]!;
        var results = new List<CellResult>();
        int count = 0;
        bool stopped = false;
        for (int i = 0; i < cells.Count; i++)
        {
            if (cells[i] is not JsonObject cell || cell["cell_type"]?.GetValue<string>() != "code") continue;
            var tags = NotebookFile.Tags(cell);
            string kernelName = NotebookFile.KernelOf(cell);
            var meta = cell["metadata"] as JsonObject ?? new JsonObject();
            cell["metadata"] = meta;
            string? skipReason = stopped ? StoppedEarlier
                : tags.Contains("skip-execution") ? "skipped: tagged skip-execution"
                : kernelName is not ("csharp" or "C#" or "c#") ? $"skipped: the runner executes C# cells only; this cell is for the '{kernelName}' kernel"
                : null;
            if (skipReason is not null)
            {
                var skipped = new CellResult(i, CellStatus.Skipped, 0, [], skipReason);
                meta["inclearn"] = new JsonObject { ["status"] = "skipped", ["reason"] = skipReason };
                // Not run in this execution: no stale outputs from an earlier run are left behind.
                cell["outputs"] = new JsonArray();
                cell["execution_count"] = null;
                results.Add(skipped);
                onCellDone?.Invoke(skipped, cell);
                continue;
            }
            onCellStart?.Invoke(i);
            var sink = new CellSink();
            var start = DateTimeOffset.UtcNow;
            var sw = Stopwatch.StartNew();
            CellSink.ErrorOutput? error;
            OutputCapture.Current = sink;
            try { error = await kernel.RunCellAsync(NotebookFile.Source(cell), sink, cancel); }
            finally { OutputCapture.Current = null; }
            sw.Stop();
            if (error is not null) sink.Add(error);
            bool expected = tags.Contains("raises-exception");
            var status = error is null || expected ? CellStatus.Ok : CellStatus.Error;
            count++;
            cell["execution_count"] = count;
            cell["outputs"] = ToJson(sink.Outputs, count);
            meta["inclearn"] = new JsonObject
            {
                ["start"] = start.ToString("o", CultureInfo.InvariantCulture),
                ["end"] = DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture),
                ["duration_s"] = Math.Round(sw.Elapsed.TotalSeconds, 3),
                ["status"] = error is null ? "ok" : expected ? "expected-error" : "error",
            };
            if (sink.Checks.Count > 0)
                ((JsonObject)meta["inclearn"]!)["checks"] = new JsonArray(sink.Checks.Select(c =>
                    (JsonNode)new JsonObject { ["name"] = c.Name, ["passed"] = c.Passed }).ToArray());
            var result = new CellResult(i, status, sw.Elapsed.TotalSeconds, sink.Checks, error is null ? null : $"{error.Name}: {error.Value}");
            results.Add(result);
            onCellDone?.Invoke(result, cell);
            if (status == CellStatus.Error && !options.AllowErrors) stopped = true;
        }
        return new NotebookResult(path, notebook, results, wall.Elapsed.TotalSeconds);
    }

    private static void HookChecks()
    {
        lock (HookGate)
        {
            if (checkHooked) return;
            CheckLog.Recorded += c => OutputCapture.Current?.AddCheck(c);
            checkHooked = true;
        }
    }

    /// <summary>nbformat outputs: stream, display_data, execute_result, error.</summary>
    public static JsonArray ToJson(IReadOnlyList<CellSink.Output> outputs, int executionCount)
    {
        var arr = new JsonArray();
        foreach (var o in outputs)
        {
            switch (o)
            {
                case CellSink.StreamOutput s:
                    arr.Add(new JsonObject { ["name"] = s.Name, ["output_type"] = "stream", ["text"] = NotebookFile.Lines(s.Text) });
                    break;
                case CellSink.DisplayOutput d:
                    var data = new JsonObject();
                    foreach (var (mime, text) in d.Data)
                        data[mime] = mime.EndsWith("json", StringComparison.Ordinal) ? SafeJson(text) : NotebookFile.Lines(text);
                    var obj = new JsonObject { ["data"] = data, ["metadata"] = new JsonObject() };
                    if (d.IsResult) { obj["execution_count"] = executionCount; obj["output_type"] = "execute_result"; }
                    else obj["output_type"] = "display_data";
                    arr.Add(obj);
                    break;
                case CellSink.ErrorOutput e:
                    arr.Add(new JsonObject
                    {
                        ["ename"] = e.Name,
                        ["evalue"] = e.Value,
                        ["output_type"] = "error",
                        ["traceback"] = new JsonArray(e.Traceback.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
                    });
                    break;
            }
        }
        return arr;
    }

    private static JsonNode? SafeJson(string text)
    {
        try { return JsonNode.Parse(text); }
        catch (System.Text.Json.JsonException) { return JsonValue.Create(text); }
    }
}
