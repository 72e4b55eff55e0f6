using System.Text;

namespace IncLearn.Runner;

/// <summary>
/// Finds and ends every process that belongs to one kernel: its process group (the kernel leads its own session), its
/// descendants by parent id, and every process whose environment still carries the kernel's tag (<see cref="TagVariable"/>),
/// which catches daemons that left the group by <c>setsid</c> and were reparented to init. Reads /proc (Linux).
/// </summary>
internal static class ProcessSweep
{
    /// <summary>The environment variable every kernel (and so everything it starts) carries: <c>runId/kernelNumber</c>.</summary>
    public const string TagVariable = "INCLEARN_KERNEL";

    /// <summary>One live process: id and command name.</summary>
    public readonly record struct Member(int Pid, string Name)
    {
        public override string ToString() => $"{Name} (pid {Pid})";
    }

    /// <summary>Kills the kernel <paramref name="leader"/> and every process of it with SIGKILL, repeating until none is
    /// left (a dying shell may fork); returns the processes other than the leader that were still alive.</summary>
    public static IReadOnlyList<Member> EndAll(int leader, string tag)
    {
        var ended = new Dictionary<int, Member>();
        for (int round = 0; round < 20; round++)
        {
            var members = Members(leader, tag); // listed before the group is killed, so that the report names them
            Native.Kill(-leader, Native.SigKill);
            if (members.Count == 0) break;
            foreach (var m in members)
            {
                if (m.Pid != leader) ended.TryAdd(m.Pid, m);
                Native.Kill(m.Pid, Native.SigKill);
            }
            Thread.Sleep(20);
        }
        return ended.Values.OrderBy(m => m.Pid).ToArray();
    }

    /// <summary>
    /// Deletes the files that the .NET runtime (its diagnostics socket and debugger pipes) and PowerShell (its host pipe, which
    /// the kernel's PowerShell subkernel opens) keep in the temporary directory, named by process id. A process that exits
    /// removes its runtime files itself, but one ended by SIGKILL, as every kernel is here, cannot: four files per kernel would
    /// stay behind. Hand-written because no library cleans up after a killed .NET process; call it only for processes that are
    /// gone (the names carry the pid, and a live process still uses them).
    /// </summary>
    public static void RemoveRuntimeFiles(IEnumerable<int> endedPids)
    {
        string temp = Path.GetTempPath();
        foreach (int pid in endedPids)
            foreach (string pattern in RuntimeFilePatterns(pid))
                try
                {
                    foreach (string file in Directory.EnumerateFiles(temp, pattern)) File.Delete(file);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* a missing or unreadable temp folder, or not ours to remove: ending the kernel matters more */ }
    }

    /// <summary>The names (as search patterns) of the runtime's per-process files in the temporary directory.</summary>
    public static IEnumerable<string> RuntimeFilePatterns(int pid) =>
        [$"dotnet-diagnostic-{pid}-*-socket", $"clr-debug-pipe-{pid}-*-in", $"clr-debug-pipe-{pid}-*-out", $"CoreFxPipe_PSHost.*.{pid}.None.dotnet"];

    /// <summary>Live (not zombie) processes of the kernel: its group, its descendants and the tagged ones.</summary>
    public static IReadOnlyList<Member> Members(int leader, string tag)
    {
        if (!Directory.Exists("/proc/self")) return [];
        var all = Snapshot();
        var found = new Dictionary<int, Member>();
        var parents = all.ToLookup(p => p.ParentPid);
        var stack = new Stack<int>([leader]);
        while (stack.Count > 0)
            foreach (var child in parents[stack.Pop()])
                if (found.TryAdd(child.Pid, new Member(child.Pid, child.Name))) stack.Push(child.Pid);
        byte[] marker = Encoding.UTF8.GetBytes($"{TagVariable}={tag}\0");
        foreach (var p in all)
        {
            if (p.Pid == leader && p.Group == leader) { found.TryAdd(p.Pid, new Member(p.Pid, p.Name)); continue; }
            if (p.Group == leader || HasTag(p.Pid, marker)) found.TryAdd(p.Pid, new Member(p.Pid, p.Name));
        }
        foreach (var p in all.Where(p => p.Zombie)) found.Remove(p.Pid);
        found.Remove(Environment.ProcessId);
        return found.Values.ToArray();
    }

    private sealed record ProcessInfo(int Pid, int ParentPid, int Group, string Name, bool Zombie);

    private static List<ProcessInfo> Snapshot()
    {
        var list = new List<ProcessInfo>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid)) continue;
            string stat;
            try { stat = File.ReadAllText(Path.Combine(dir, "stat")); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
            // pid (comm) state ppid pgrp …; comm may hold spaces and parentheses, so split at the last ')'.
            int open = stat.IndexOf('('), close = stat.LastIndexOf(')');
            if (open < 0 || close < open) continue;
            var fields = stat[(close + 2)..].Split(' ');
            if (fields.Length < 3 || !int.TryParse(fields[1], out int ppid) || !int.TryParse(fields[2], out int group)) continue;
            list.Add(new ProcessInfo(pid, ppid, group, stat[(open + 1)..close], fields[0] is "Z" or "X"));
        }
        return list;
    }

    private static bool HasTag(int pid, byte[] marker)
    {
        byte[] environ;
        try { environ = File.ReadAllBytes($"/proc/{pid}/environ"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
        // The variable starts the block or follows a NUL.
        int at = environ.AsSpan().IndexOf(marker);
        while (at >= 0)
        {
            if (at == 0 || environ[at - 1] == 0) return true;
            int next = environ.AsSpan(at + 1).IndexOf(marker);
            at = next < 0 ? -1 : at + 1 + next;
        }
        return false;
    }
}
