using System.Diagnostics;

namespace IncLearn.Runner;

/// <summary>
/// The safety net for a runner that dies without cleaning up (<c>kill -9</c>, the OOM killer, a CI timeout): one small shell
/// per runner process, in its own session, that reads kernel process groups from a pipe whose only writer is the runner.
/// When the runner ends, however it ends, the pipe closes; the watchdog then kills those groups and every process still
/// tagged with this run's id (<see cref="ProcessSweep.TagVariable"/>), daemons included, removes the killed kernels' runtime
/// files (<see cref="ProcessSweep.RemoveRuntimeFiles"/>), and exits.
/// </summary>
internal static class KernelWatchdog
{
    /// <summary>This runner process's id in kernel tags.</summary>
    public static readonly string RunId = Guid.NewGuid().ToString("N");

    private const string Script = """
        exec >/dev/null 2>&1
        trap '' INT HUP QUIT
        groups=' '
        sweep() {
          for g in $groups; do kill -KILL -- "-$g"; done
          t=${TMPDIR:-/tmp}
          for g in $groups; do
            rm -f "$t"/dotnet-diagnostic-"$g"-*-socket "$t"/clr-debug-pipe-"$g"-*-in "$t"/clr-debug-pipe-"$g"-*-out "$t"/CoreFxPipe_PSHost.*."$g".None.dotnet
          done
          for e in /proc/[0-9]*/environ; do
            if grep -qsz "^INCLEARN_KERNEL=$1/" "$e"; then p=${e#/proc/}; kill -KILL "${p%/environ}"; fi
          done
        }
        trap 'sweep "$1"; exit 0' TERM
        while read -r op g; do
          case "$op" in
            add) groups="$groups$g " ;;
            del) groups=$(printf '%s' "$groups" | sed "s/ $g / /") ;;
          esac
        done
        sweep "$1"
        """;

    private static readonly object Gate = new();
    private static Process? watchdog;
    private static bool unavailable;

    /// <summary>Adds a kernel's process group to the watch.</summary>
    public static void Watch(int group) => Send($"add {group}");

    /// <summary>Removes a kernel's process group once it has been swept (its id may be reused).</summary>
    public static void Forget(int group) => Send($"del {group}");

    private static void Send(string line)
    {
        lock (Gate)
        {
            if (unavailable) return;
            try
            {
                watchdog ??= Start();
                watchdog.StandardInput.WriteLine(line);
                watchdog.StandardInput.Flush();
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                unavailable = true; // no /bin/sh or setsid: the kernels' parent-death signal still holds
            }
        }
    }

    private static Process Start()
    {
        string sh = ProcessLauncher.Find("sh") ?? throw new InvalidOperationException("no sh");
        string? setsid = ProcessLauncher.Find("setsid");
        var psi = new ProcessStartInfo(setsid ?? sh) { RedirectStandardInput = true, UseShellExecute = false };
        if (setsid is not null) psi.ArgumentList.Add(sh);
        foreach (var a in new[] { "-c", Script, "inclearn-watchdog", RunId }) psi.ArgumentList.Add(a);
        psi.Environment.Remove(ProcessSweep.TagVariable);
        return ProcessLauncher.Start(psi);
    }
}
