using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace IncLearn.Runner;

/// <summary>Limits of one run.</summary>
/// <param name="CellTimeout">Longest a single cell may run.</param>
/// <param name="NotebookTimeout">Longest a whole notebook may run.</param>
public sealed record Timeouts(TimeSpan CellTimeout, TimeSpan NotebookTimeout);

/// <summary>
/// Worker processes that execute notebooks, one at a time each, reused from notebook to notebook with a fresh script state
/// (start-up paid once) and replaced after a timeout or a crash. A process is the only reliable way to stop a runaway cell
/// in .NET (threads cannot be aborted) and it isolates crashes, the process-wide current directory and static state of
/// code a notebook compiles. Protocol: one JSON request per line on stdin, JSON events per line on the worker's stdout.
/// </summary>
public sealed class WorkerPool : IAsyncDisposable
{
    private readonly Channel<Worker> idle;
    private readonly int size;

    /// <summary>A pool of <paramref name="size"/> workers, started lazily.</summary>
    public WorkerPool(int size)
    {
        this.size = Math.Max(1, size);
        idle = Channel.CreateUnbounded<Worker>();
        for (int i = 0; i < this.size; i++) idle.Writer.TryWrite(new Worker());
    }

    /// <summary>Number of workers.</summary>
    public int Size => size;

    /// <summary>Runs one notebook on a free worker.</summary>
    public async Task<NotebookResult> RunAsync(string path, JsonObject notebook, ExecutionOptions options, Timeouts timeouts,
        Action<int, int>? onProgress = null)
    {
        var worker = await idle.Reader.ReadAsync();
        try { return await worker.RunAsync(path, notebook, options, timeouts, onProgress); }
        finally { idle.Writer.TryWrite(worker); }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        idle.Writer.TryComplete();
        await foreach (var w in idle.Reader.ReadAllAsync()) w.Dispose();
    }

    /// <summary>The request a worker reads.</summary>
    internal sealed record Request(string Path, string Notebook, bool AllowErrors);

    /// <summary>An event a worker writes.</summary>
    internal sealed record Event(string Kind, int Index, string? Cell, CellResult? Result, double Wall);

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed class Worker : IDisposable
    {
        private Process? process;
        private Channel<string?>? lines;

        private void EnsureStarted()
        {
            if (process is { HasExited: false }) return;
            process?.Dispose();
            string dll = typeof(WorkerPool).Assembly.Location;
            string host = Environment.ProcessPath is { } pp && Path.GetFileNameWithoutExtension(pp) == "dotnet" ? pp
                : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
            var psi = new ProcessStartInfo(host)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = false,
                UseShellExecute = false,
            };
            psi.ArgumentList.Add("exec");
            psi.ArgumentList.Add(dll);
            psi.ArgumentList.Add("worker");
            process = Process.Start(psi)!;
            var ch = Channel.CreateUnbounded<string?>();
            lines = ch;
            var p = process;
            _ = Task.Run(async () =>
            {
                try
                {
                    string? line;
                    while ((line = await p.StandardOutput.ReadLineAsync()) is not null) await ch.Writer.WriteAsync(line);
                }
                catch (Exception) { /* the process died: completion below tells the reader */ }
                ch.Writer.TryComplete();
            });
        }

        public async Task<NotebookResult> RunAsync(string path, JsonObject notebook, ExecutionOptions options, Timeouts timeouts, Action<int, int>? onProgress)
        {
            var wall = Stopwatch.StartNew(); // includes starting a worker process, when one is needed
            EnsureStarted();
            var cells = (JsonArray)notebook["cells"]!;
            var results = new List<CellResult>();
            var request = JsonSerializer.Serialize(new Request(Path.GetFullPath(path), NotebookFile.Serialize(notebook), options.AllowErrors), Json);
            await process!.StandardInput.WriteLineAsync(request);
            await process.StandardInput.FlushAsync();
            int current = -1;
            var cellClock = Stopwatch.StartNew();
            while (true)
            {
                var remainingCell = timeouts.CellTimeout - cellClock.Elapsed;
                var remainingNotebook = timeouts.NotebookTimeout - wall.Elapsed;
                var wait = remainingCell < remainingNotebook ? remainingCell : remainingNotebook;
                string? line = null;
                bool timedOut = false;
                if (wait <= TimeSpan.Zero) timedOut = true;
                else
                {
                    using var cts = new CancellationTokenSource(wait);
                    try { line = await lines!.Reader.ReadAsync(cts.Token); }
                    catch (OperationCanceledException) { timedOut = true; }
                    catch (ChannelClosedException) { line = null; }
                }
                if (timedOut)
                {
                    bool cellLimit = remainingCell <= remainingNotebook;
                    string why = cellLimit ? $"cell timed out after {timeouts.CellTimeout.TotalSeconds:G4} s (--cell-timeout)"
                        : $"notebook timed out after {timeouts.NotebookTimeout.TotalSeconds:G4} s (--notebook-timeout)";
                    Kill();
                    if (current >= 0 && cells[current] is JsonObject c)
                    {
                        c["outputs"] = NotebookExecutor.ToJson([new CellSink.ErrorOutput("TimeoutException", why, [why])], 0);
                        ((JsonObject)c["metadata"]!)["inclearn"] = new JsonObject { ["status"] = "timeout" };
                        results.Add(new CellResult(current, CellStatus.Timeout, cellClock.Elapsed.TotalSeconds, [], why));
                    }
                    return new NotebookResult(path, notebook, results, wall.Elapsed.TotalSeconds, current < 0 ? why : null);
                }
                if (line is null)
                {
                    Kill();
                    return new NotebookResult(path, notebook, results, wall.Elapsed.TotalSeconds, "the worker process exited unexpectedly (crash or Environment.Exit in a cell)");
                }
                var ev = JsonSerializer.Deserialize<Event>(line, Json)!;
                switch (ev.Kind)
                {
                    case "start":
                        current = ev.Index;
                        cellClock.Restart();
                        onProgress?.Invoke(ev.Index, cells.Count);
                        break;
                    case "cell":
                        cells[ev.Index] = JsonNode.Parse(ev.Cell!);
                        results.Add(ev.Result!);
                        current = -1;
                        break;
                    case "done":
                        return new NotebookResult(path, notebook, results, wall.Elapsed.TotalSeconds);
                    case "fatal":
                        return new NotebookResult(path, notebook, results, wall.Elapsed.TotalSeconds, ev.Cell);
                }
            }
        }

        private void Kill()
        {
            try { if (process is { HasExited: false }) process.Kill(entireProcessTree: true); }
            catch (InvalidOperationException) { }
            process?.Dispose();
            process = null;
        }

        public void Dispose()
        {
            try { process?.StandardInput.Close(); process?.WaitForExit(2000); } catch (Exception) { }
            Kill();
        }
    }

    /// <summary>The worker side: reads requests, executes each notebook in a fresh script state, writes events.</summary>
    public static async Task<int> ServeAsync()
    {
        // The protocol owns the real stdout; notebook code's Console output is routed to its cell (or to stderr).
        var protocol = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true };
        Console.SetOut(Console.Error);
        OutputCapture.Install();
        string? line;
        while ((line = await Console.In.ReadLineAsync()) is not null)
        {
            if (line.Length == 0) continue;
            var req = JsonSerializer.Deserialize<Request>(line, Json)!;
            void Send(Event e) { lock (protocol) protocol.WriteLine(JsonSerializer.Serialize(e, Json)); }
            try
            {
                var nb = NotebookFile.Parse(req.Notebook, req.Path);
                var result = await NotebookExecutor.ExecuteAsync(req.Path, nb, new ExecutionOptions(req.AllowErrors),
                    onCellStart: i => Send(new Event("start", i, null, null, 0)),
                    onCellDone: (r, cell) => Send(new Event("cell", r.Index, cell.ToJsonString(), r, 0)));
                Send(new Event("done", -1, null, null, result.WallSeconds));
            }
            catch (Exception e)
            {
                Send(new Event("fatal", -1, e.Message, null, 0));
            }
        }
        return 0;
    }
}
