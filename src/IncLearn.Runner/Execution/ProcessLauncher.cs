using System.Collections.Concurrent;
using System.Diagnostics;

namespace IncLearn.Runner;

/// <summary>
/// Starts processes from one dedicated thread that lives as long as the runner. Linux sends a parent-death signal
/// (<c>PR_SET_PDEATHSIG</c>, set by <c>setpriv --pdeathsig</c>) when the <em>thread</em> that forked the child ends, not the
/// process: a kernel started from a thread-pool thread would be killed when that idle thread retires.
/// </summary>
internal static class ProcessLauncher
{
    private static readonly BlockingCollection<(ProcessStartInfo Start, TaskCompletionSource<Process> Done)> Requests = new();

    static ProcessLauncher()
    {
        var thread = new Thread(() =>
        {
            foreach (var (start, done) in Requests.GetConsumingEnumerable())
            {
                try { done.SetResult(Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start")); }
                catch (Exception e) { done.SetException(e); }
            }
        })
        { IsBackground = true, Name = "inclearn process launcher" };
        thread.Start();
    }

    /// <summary>Starts <paramref name="start"/> on the launcher thread.</summary>
    public static Process Start(ProcessStartInfo start)
    {
        var done = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        Requests.Add((start, done));
        return done.Task.GetAwaiter().GetResult();
    }

    /// <summary>The full path of an executable on PATH or in the usual system folders, or null.</summary>
    public static string? Find(string name)
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/bin", "/bin", "/usr/sbin", "/sbin"]);
        return folders.Select(f => Path.Combine(f, name)).FirstOrDefault(File.Exists);
    }
}
