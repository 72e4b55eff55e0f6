using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace IncLearn.Runner;

/// <summary>
/// One real .NET Interactive kernel: the pinned <c>dotnet-interactive</c> tool in <c>stdio</c> mode, one process per notebook.
/// Commands go in as JSON lines on its standard input (<c>SubmitCode</c> envelopes, one at a time), events come back as JSON
/// lines on its standard output. Code that writes to the raw standard output (or a child process that inherits it) writes
/// into that same stream: such lines are not events, so they become the running cell's stdout (or are dropped between
/// cells) and never break the event stream.
/// <para>Faults: the kernel leads its own session and process group (<c>setsid</c>), so a terminal's Ctrl-C reaches the
/// runner, not the kernel, and has a parent-death signal (<c>setpriv --pdeathsig KILL</c>), so it dies with the runner even
/// on <c>kill -9</c>; <see cref="KernelWatchdog"/> then ends what it started. Its death is seen from the process itself (its
/// exit), not from the end of its standard output, which a background child may hold open. Ending the kernel ends its
/// group, its descendants and every process carrying its tag; those other than the kernel are listed in
/// <see cref="EndedProcesses"/>.</para>
/// <para>Why our own pump rather than Microsoft.DotNet.Interactive's <c>StdIoKernelConnector</c>: the connector kills the
/// kernel process but not its tree (a cell's child processes and build servers would outlive the notebook), and it assumes
/// a clean standard output, so a cell that writes to the raw stdout breaks its event stream.</para>
/// </summary>
public sealed class KernelProcess : IDisposable
{
    /// <summary>Submitted once, before the notebook, so that <c>Console.ReadLine()</c> fails at once instead of waiting for input
    /// a headless run never gives (nbclient does the same without <c>allow_stdin</c>); it also warms up the C# compiler.</summary>
    internal const string NoStdinSetup = """
        class InclearnNoStandardInput : System.IO.TextReader
        {
            static System.InvalidOperationException Refuse() => new("Console input is not available: inclearn-nb runs notebooks headlessly, without standard input (as nbclient does without allow_stdin).");
            public override int Peek() => throw Refuse();
            public override int Read() => throw Refuse();
            public override int Read(char[] buffer, int index, int count) => throw Refuse();
            public override string ReadLine() => throw Refuse();
            public override string ReadToEnd() => throw Refuse();
        }
        System.Console.SetIn(new InclearnNoStandardInput());
        """;

    /// <summary>How long the runner keeps reading a dead or stopped kernel's output before it stops waiting for it.</summary>
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(3);

    private static int kernelCount;

    private readonly Process process;
    private readonly string tag;
    private readonly Task stdoutPump;
    private readonly Task stderrPump;
    private readonly Task exited;
    private readonly Queue<string> stderrTail = new();
    private readonly List<string> stderrCauses = new();
    private int causeLines;
    private readonly List<ProcessSweep.Member> ended = new();
    private readonly object gate = new();
    private CellOutputs? sink;
    private string? pendingToken;
    private TaskCompletionSource<KernelEvent?>? pending;
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int tokens;
    private bool disposed;

    private KernelProcess(Process process, string tag)
    {
        this.process = process;
        this.tag = tag;
        exited = process.WaitForExitAsync();
        stdoutPump = Task.Run(PumpStdoutAsync);
        stderrPump = Task.Run(PumpStderrAsync);
        _ = exited.ContinueWith(_ => { lock (gate) pending?.TrySetResult(null); }, TaskScheduler.Default);
    }

    /// <summary>The kernel's process id (also its process group and session id).</summary>
    public int ProcessId => process.Id;

    /// <summary>Processes other than the kernel that were still alive when the kernel was ended (children and daemons a cell left).</summary>
    public IReadOnlyList<string> EndedProcesses
    {
        get { lock (ended) return ended.Select(m => m.ToString()).ToArray(); }
    }

    /// <summary>Starts a kernel whose working directory is <paramref name="workingDirectory"/> and waits until it has run the
    /// set-up submission; throws <see cref="KernelDiedException"/> when it does not start.</summary>
    public static async Task<KernelProcess> StartAsync(string toolDll, string workingDirectory, string defaultKernel, TimeSpan startTimeout, CancellationToken cancel)
    {
        var command = new List<string>();
        // setpriv sets the parent-death signal, setsid a new session (so a new process group); each then execs the next.
        if (OperatingSystem.IsLinux() && ProcessLauncher.Find("setpriv") is { } setpriv && ProcessLauncher.Find("setsid") is { } setsid)
            command.AddRange([setpriv, "--pdeathsig", "KILL", "--", setsid, "--"]);
        command.AddRange([DotnetHost(), "exec", toolDll, "stdio", "--default-kernel", defaultKernel, "--working-dir", workingDirectory]);
        var psi = new ProcessStartInfo(command[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            StandardInputEncoding = new UTF8Encoding(false),
        };
        foreach (var a in command.Skip(1)) psi.ArgumentList.Add(a);
        string tag = $"{KernelWatchdog.RunId}/{Interlocked.Increment(ref kernelCount)}";
        psi.Environment[ProcessSweep.TagVariable] = tag;
        // Build servers and reused MSBuild nodes (from #r "nuget:") would outlive the notebook: none are started.
        psi.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        psi.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        psi.Environment["UseSharedCompilation"] = "false";
        psi.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        Process p;
        try { p = ProcessLauncher.Start(psi); }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException) { throw new KernelDiedException($"the kernel process did not start: {e.Message}"); }
        KernelWatchdog.Watch(p.Id);
        var kernel = new KernelProcess(p, tag);
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            limit.CancelAfter(startTimeout);
            try { await Task.WhenAny(kernel.ready.Task, kernel.exited).WaitAsync(limit.Token); }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
            {
                throw new KernelDiedException($"the kernel did not become ready within {startTimeout.TotalSeconds:G4} s");
            }
            if (!kernel.ready.Task.IsCompleted) throw await kernel.DeathAsync("before it was ready");
            await kernel.ready.Task;
            var warm = await kernel.SubmitAsync(NoStdinSetup, "csharp", new CellOutputs([]), startTimeout, cancel);
            if (warm.Failure is { } failure) throw new KernelDiedException($"the kernel refused the set-up submission: {failure.Message}");
            return kernel;
        }
        catch
        {
            kernel.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Submits one cell and waits for its end. Returns its outcome: <see cref="CellStatus.Ok"/>, or
    /// <see cref="CellStatus.Error"/> with the kernel's <see cref="CellFailedException"/>. Throws what aborts the run:
    /// <see cref="CellTimeoutException"/> (after killing the kernel) past <paramref name="timeout"/> and
    /// <see cref="KernelDiedException"/> when the kernel process exits meanwhile. Outputs arrive in <paramref name="outputs"/>
    /// as they are produced, so a timed-out or crashed cell keeps what it printed.
    /// </summary>
    public async Task<CellOutcome> SubmitAsync(string code, string kernelName, CellOutputs outputs, TimeSpan timeout, CancellationToken cancel)
    {
        var done = new TaskCompletionSource<KernelEvent?>(TaskCreationOptions.RunContinuationsAsynchronously);
        string token = $"inclearn-{Interlocked.Increment(ref tokens)}";
        lock (gate)
        {
            if (stdoutPump.IsCompleted || exited.IsCompleted) done.TrySetResult(null);
            sink = outputs;
            pendingToken = token;
            pending = done;
        }
        try
        {
            var envelope = new JsonObject
            {
                ["token"] = token,
                ["commandType"] = "SubmitCode",
                ["command"] = new JsonObject { ["code"] = code, ["targetKernelName"] = kernelName },
            };
            if (!done.Task.IsCompleted)
            {
                try
                {
                    await process.StandardInput.WriteLineAsync(envelope.ToJsonString());
                    await process.StandardInput.FlushAsync(cancel);
                }
                catch (IOException) { /* the kernel is gone: the pump's end reports it */ }
            }
            KernelEvent? terminal;
            try { terminal = await done.Task.WaitAsync(timeout, cancel); }
            catch (TimeoutException)
            {
                Kill();
                await Drain(); // every line written before the kill reaches the outputs
                throw new CellTimeoutException($"the cell ran longer than {timeout.TotalSeconds:G4} s; the kernel was stopped");
            }
            catch (OperationCanceledException)
            {
                Kill();
                throw;
            }
            return terminal switch
            {
                CommandSucceeded => new CellOutcome(CellStatus.Ok, outputs),
                CommandFailed f => new CellOutcome(CellStatus.Error, outputs, ErrorOutput.ToFailure(f.Message ?? "the kernel reported a failure without a message")),
                _ => throw await DeathAsync("while running this cell"),
            };
        }
        finally
        {
            lock (gate) { sink = null; pendingToken = null; pending = null; }
        }
    }

    /// <summary>The error for a kernel that exited: its exit code or signal, the cause the runtime printed (stack overflow,
    /// FailFast's message, an unhandled exception) and the last lines it wrote to stderr. Everything it left running is
    /// ended first, so that output held open by a background child cannot delay the report.</summary>
    private async Task<KernelDiedException> DeathAsync(string when)
    {
        try { await exited.WaitAsync(TimeSpan.FromSeconds(10)); } catch (TimeoutException) { }
        bool gone = process.HasExited;
        int? code = gone ? process.ExitCode : null;
        Kill();
        await Drain();
        string how = code switch
        {
            null => "the kernel process stopped answering",
            > 128 and < 160 => $"the kernel process was killed by signal {SignalName(code.Value - 128)} (exit code {code})",
            _ => $"the kernel process exited with code {code}",
        };
        string tail, causes;
        lock (stderrTail)
        {
            tail = string.Join("\n", stderrTail);
            causes = string.Join(" ", stderrCauses);
        }
        string left = EndedProcesses is { Count: > 0 } e ? $"; ended what it left running: {string.Join(", ", e)}" : "";
        return new KernelDiedException($"{how} {when}" + (causes.Length > 0 ? $": {causes}" : "") + left
            + (tail.Length > 0 ? $"; its last words on stderr:\n{tail}" : ""), code);
    }

    /// <summary>Whether a kernel that died was stopped by an interrupt or termination signal sent from outside (not by the runner).</summary>
    public bool DiedOfInterrupt => process.HasExited && process.ExitCode is 128 + 1 or 128 + 2 or 128 + 15;

    // The runtime's own words before the framework frames: the cause of a crash.
    private static bool IsCause(string line)
        => line.StartsWith("Stack overflow", StringComparison.Ordinal)
        || line.StartsWith("Process terminated", StringComparison.Ordinal)
        || line.StartsWith("Unhandled exception", StringComparison.Ordinal)
        || line.StartsWith("Fatal error", StringComparison.Ordinal)
        || line.StartsWith("Out of memory", StringComparison.Ordinal)
        || line.StartsWith("Message: ", StringComparison.Ordinal)
        || (line.StartsWith("System.", StringComparison.Ordinal) && line.Contains("Exception", StringComparison.Ordinal));

    private void AddCause(string line)
    {
        if (stderrCauses.Count < 6 && !stderrCauses.Contains(line)) stderrCauses.Add(line);
    }

    /// <summary>Waits a bounded time for the output pumps to reach the end of what the ended kernel wrote.</summary>
    private async Task Drain()
    {
        try { await Task.WhenAll(stdoutPump, stderrPump).WaitAsync(DrainLimit); }
        catch (TimeoutException) { /* something outside the kernel still holds the pipe: stop waiting for it */ }
    }

    private static string SignalName(int n) => n switch
    {
        1 => "SIGHUP", 2 => "SIGINT", 3 => "SIGQUIT", 4 => "SIGILL", 6 => "SIGABRT", 7 => "SIGBUS", 8 => "SIGFPE", 9 => "SIGKILL",
        11 => "SIGSEGV", 13 => "SIGPIPE", 15 => "SIGTERM", _ => $"{n}",
    };

    private async Task PumpStdoutAsync()
    {
        var reader = process.StandardOutput;
        try
        {
            string? line;
            while ((line = await reader.ReadLineAsync()) is not null) Dispatch(line);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException) { /* the process is gone */ }
        lock (gate) pending?.TrySetResult(null);
        ready.TrySetException(new KernelDiedException("the kernel process exited before it was ready"));
    }

    private async Task PumpStderrAsync()
    {
        try
        {
            string? line;
            while ((line = await process.StandardError.ReadLineAsync()) is not null)
                lock (stderrTail)
                {
                    stderrTail.Enqueue(line);
                    if (stderrTail.Count > 30) stderrTail.Dequeue();
                    // A cause line, and the lines that continue it before the frames ("Process terminated." is followed
                    // by FailFast's message on a line of its own).
                    bool frame = line.StartsWith("   at ", StringComparison.Ordinal) || line.StartsWith("---", StringComparison.Ordinal) || line.Trim().Length == 0;
                    if (IsCause(line)) { AddCause(line); causeLines = 2; }
                    else if (frame) causeLines = 0;
                    else if (causeLines > 0) { AddCause(line); causeLines--; }
                }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException) { }
    }

    /// <summary>One line from the kernel: an event envelope, raw output, or raw output glued before an envelope.</summary>
    private void Dispatch(string line)
    {
        var (raw, ev) = KernelEventParser.Parse(line);
        Raw(raw);
        if (ev is null) return;
        ready.TrySetResult();
        lock (gate)
        {
            sink?.Apply(ev);
            if (ev is CommandSucceeded or CommandFailed && ev.CommandToken == pendingToken) pending?.TrySetResult(ev);
        }
    }

    private void Raw(string text)
    {
        if (text.Length == 0) return;
        lock (gate) sink?.AddStream("stdout", text);
    }

    /// <summary>Ends the kernel, its group, its descendants and every process carrying its tag.</summary>
    private void Kill()
    {
        if (OperatingSystem.IsLinux())
        {
            var left = ProcessSweep.EndAll(process.Id, tag);
            lock (ended) foreach (var m in left) if (!ended.Contains(m)) ended.Add(m);
            ProcessSweep.RemoveRuntimeFiles(left.Select(m => m.Pid).Append(process.Id));
        }
        try { if (!process.HasExited) process.Kill(entireProcessTree: true); }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception) { }
    }

    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)) return host;
        if (Environment.ProcessPath is { } pp && Path.GetFileNameWithoutExtension(pp) == "dotnet") return pp;
        return "dotnet";
    }

    /// <summary>Stops the kernel and every process it started, and waits for it to exit.</summary>
    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        Kill();
        try { exited.Wait(TimeSpan.FromSeconds(10)); } catch (AggregateException) { }
        KernelWatchdog.Forget(process.Id);
        process.Dispose();
    }
}
