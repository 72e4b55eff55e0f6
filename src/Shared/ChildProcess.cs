// One source, compiled into IncLearn.Interactive (static images) and the test projects. Ours rather than CliWrap: the notebook
// layer loads inside the real kernel, where every extra dependency is one more assembly to clash with the kernel's; and the
// job is small: run to completion, capture both streams, kill the whole tree on timeout.
using System.Diagnostics;

namespace IncLearn.Processes;

/// <summary>Runs an outside program to completion and returns its exit code and output (stdout, then stderr); on timeout the
/// whole process tree is killed and the exit code is <see cref="TimedOut"/>.</summary>
internal static class ChildProcess
{
    /// <summary>The exit code reported when the program did not finish in time (no real exit code is negative on Unix).</summary>
    public const int TimedOut = -1;

    /// <summary>Runs <paramref name="exe"/> with <paramref name="args"/> (each passed as one argument, unquoted).</summary>
    public static Task<(int ExitCode, string Output)> RunAsync(string exe, IEnumerable<string> args, string? workingDirectory,
        TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(exe) { WorkingDirectory = workingDirectory ?? "" };
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) start.Environment[k] = v;
        return RunAsync(start, timeout);
    }

    /// <summary>Runs what <paramref name="start"/> describes; its streams are redirected here (stdin closed at once).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(ProcessStartInfo start, TimeSpan timeout)
    {
        start.RedirectStandardOutput = start.RedirectStandardError = start.RedirectStandardInput = true;
        start.UseShellExecute = false;
        using var p = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await p.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync().ConfigureAwait(false);
            return (TimedOut, $"{start.FileName} timed out after {timeout.TotalSeconds} s\n{await stdout.ConfigureAwait(false)}{await stderr.ConfigureAwait(false)}");
        }
        return (p.ExitCode, await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false));
    }

    /// <summary><see cref="RunAsync(string, IEnumerable{string}, string?, TimeSpan, IReadOnlyDictionary{string, string}?)"/> in the
    /// current folder, waited for.</summary>
    public static (int ExitCode, string Output) Run(string exe, IEnumerable<string> args, TimeSpan timeout)
        => RunAsync(exe, args, null, timeout).GetAwaiter().GetResult();
}
