using System.Diagnostics;
using System.Text;
using IncLearn.Runner;

namespace IncLearn.Runner.Tests;

/// <summary>What is alive, read from /proc: descendants of a process, members of a process group, and every process tagged
/// by a kernel this test process started. Used after each fault test to assert that nothing of the run survived.</summary>
public static class ProcessProbe
{
    private sealed record Info(int Pid, int ParentPid, int Group, string Name, bool Zombie);

    private static List<Info> Snapshot()
    {
        var list = new List<Info>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid)) continue;
            string stat;
            try { stat = File.ReadAllText(Path.Combine(dir, "stat")); } catch (IOException) { continue; }
            int open = stat.IndexOf('('), close = stat.LastIndexOf(')');
            var f = stat[(close + 2)..].Split(' ');
            list.Add(new Info(pid, int.Parse(f[1]), int.Parse(f[2]), stat[(open + 1)..close], f[0] is "Z" or "X"));
        }
        return list;
    }

    /// <summary>Fails with the reason when this process ignores <paramref name="signal"/> (SigIgn in /proc/self/status): the
    /// runner it starts inherits that, and .NET then installs no handler, so the signal tests could not stop it. A non-interactive
    /// shell's background job (`cmd &amp;`) ignores SIGINT and SIGQUIT, and nohup ignores SIGHUP: run the tests in the foreground.</summary>
    public static void AssertSignalIsNotIgnored(int signal)
    {
        string line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        ulong ignored = Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16);
        Assert.True((ignored & (1UL << (signal - 1))) == 0,
            $"signal {signal} is ignored by the test process (SigIgn {ignored:x}), so the runner would inherit that: the tests were "
            + "started as a background job of a non-interactive shell or under nohup; start them in the foreground");
    }

    /// <summary>Live descendants of <paramref name="pid"/> (by parent id) and live members of its process group, itself excluded.</summary>
    public static IReadOnlyList<int> DescendantsAndGroup(int pid)
    {
        var all = Snapshot().Where(p => !p.Zombie).ToList();
        var found = new HashSet<int>(all.Where(p => p.Group == pid).Select(p => p.Pid));
        var children = all.ToLookup(p => p.ParentPid, p => p.Pid);
        var stack = new Stack<int>([pid]);
        while (stack.Count > 0)
            foreach (var child in children[stack.Pop()])
                if (found.Add(child)) stack.Push(child);
        found.Remove(pid);
        return found.ToArray();
    }

    /// <summary>Live processes whose environment carries a kernel tag of this test process's runs.</summary>
    public static IReadOnlyList<string> TaggedByThisProcess()
    {
        byte[] marker = Encoding.UTF8.GetBytes($"INCLEARN_KERNEL={KernelWatchdog.RunId}/");
        var alive = new List<string>();
        foreach (var p in Snapshot().Where(p => !p.Zombie))
        {
            byte[] env;
            try { env = File.ReadAllBytes($"/proc/{p.Pid}/environ"); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
            if (env.AsSpan().IndexOf(marker) >= 0) alive.Add($"{p.Name} (pid {p.Pid})");
        }
        return alive;
    }

    /// <summary>Asserts that none of <paramref name="pids"/> is alive, allowing a few seconds for killed processes to go.</summary>
    public static void AssertGone(IEnumerable<int> pids, string what)
    {
        var list = pids.ToArray();
        var clock = Stopwatch.StartNew();
        int[] alive;
        do
        {
            var live = Snapshot().Where(p => !p.Zombie).Select(p => p.Pid).ToHashSet();
            alive = list.Where(live.Contains).ToArray();
            if (alive.Length == 0) return;
            Thread.Sleep(100);
        } while (clock.Elapsed < TimeSpan.FromSeconds(15));
        Assert.Fail($"{what}: still alive: {string.Join(", ", alive.Select(Describe))}");
    }

    /// <summary>Asserts that no process started by this test process's kernels is alive.</summary>
    /// <summary>Files in the temporary directory that carry <paramref name="pid"/> the way the .NET runtime and PowerShell name
    /// their per-process sockets and pipes (dotnet-diagnostic-PID-…, clr-debug-pipe-PID-…, CoreFxPipe_PSHost.….PID.…). Listed
    /// here by a regular expression, not through the runner's own list, so the check does not trust what it checks.</summary>
    public static IReadOnlyList<string> RuntimeFilesOf(int pid)
    {
        var name = new System.Text.RegularExpressions.Regex($@"^(dotnet-diagnostic-{pid}-\d+-socket|clr-debug-pipe-{pid}-\d+-(in|out)|CoreFxPipe_PSHost\.[0-9A-F]+\.{pid}\.None\.dotnet)$");
        return Directory.GetFileSystemEntries(Path.GetTempPath()).Select(Path.GetFileName).Where(f => name.IsMatch(f!)).ToArray()!;
    }

    public static void AssertNoKernelProcessLeft()
    {
        var clock = Stopwatch.StartNew();
        IReadOnlyList<string> left;
        while ((left = TaggedByThisProcess()).Count > 0 && clock.Elapsed < TimeSpan.FromSeconds(15)) Thread.Sleep(100);
        Assert.True(left.Count == 0, $"kernel processes left: {string.Join(", ", left)}");
    }

    private static string Describe(int pid)
    {
        try { return $"{File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim()} (pid {pid})"; }
        catch (IOException) { return $"pid {pid}"; }
    }
}
