using System.Collections.Concurrent;

namespace IncLearn.Interactive;

/// <summary>
/// Every check made in this process, in order, independent of any notebook, for a host in the same process (a test, a tool)
/// that wants them all; <see cref="Recorded"/> reports each as it is made. The runner does not use it: checks reach it as
/// outputs of <see cref="Notebook.ChecksMimeType"/>, whatever process ran the kernel. Thread-safe.
/// </summary>
public static class CheckLog
{
    private static readonly ConcurrentQueue<CheckResult> all = new();

    /// <summary>Raised for every check, passing or failing, on the thread that made it.</summary>
    public static event Action<CheckResult>? Recorded;

    /// <summary>All checks recorded since the start or the last <see cref="Clear"/>.</summary>
    public static IReadOnlyList<CheckResult> All => all.ToArray();

    /// <summary>Records a check and raises <see cref="Recorded"/>.</summary>
    public static void Record(CheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        all.Enqueue(result);
        Recorded?.Invoke(result);
    }

    /// <summary>Forgets the recorded checks (subscribers stay).</summary>
    public static void Clear() => all.Clear();
}
