using System.Runtime.InteropServices;

namespace IncLearn.Runner;

/// <summary>The few libc calls the runner needs on Linux and macOS: signals to processes and groups, write access, file identity.</summary>
internal static partial class Native
{
    /// <summary>SIGKILL: cannot be caught, so nothing a cell started can refuse it.</summary>
    public const int SigKill = 9;

    private const int WriteOk = 2;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int KillSyscall(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "access", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int AccessSyscall(string path, int mode);

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int StatxSyscall(int dirFd, string path, int flags, uint mask, byte[] buffer);

    /// <summary>Sends <paramref name="signal"/> to a process (pid &gt; 0) or a whole process group (pid &lt; 0); false when there was none.</summary>
    public static bool Kill(int pid, int signal) => KillSyscall(pid, signal) == 0;

    /// <summary>Whether this process may write <paramref name="path"/> (access(2) with W_OK).</summary>
    public static bool CanWrite(string path) => AccessSyscall(path, WriteOk) == 0;

    /// <summary>The device and inode of <paramref name="path"/> (symlinks followed), or null when it cannot be stat'ed.
    /// statx's record has the same layout on every architecture, unlike stat's.</summary>
    public static (ulong Device, ulong Inode)? Identity(string path)
    {
        if (!OperatingSystem.IsLinux()) return null;
        const int AtFdCwd = -100;
        const uint BasicStats = 0x7ff;
        var buffer = new byte[256];
        try
        {
            if (StatxSyscall(AtFdCwd, path, 0, BasicStats, buffer) != 0) return null;
        }
        catch (EntryPointNotFoundException) { return null; }
        ulong inode = BitConverter.ToUInt64(buffer, 32);
        ulong device = ((ulong)BitConverter.ToUInt32(buffer, 136) << 32) | BitConverter.ToUInt32(buffer, 140);
        return (device, inode);
    }
}
