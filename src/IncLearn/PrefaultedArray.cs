using System.Runtime.InteropServices;

namespace IncLearn;

/// <summary>
/// Large double arrays whose memory is faulted in with one system call instead of page by page. On the project's machines
/// (Firecracker VMs) the first write to each fresh 4 KiB page costs ~10 µs: an n = 1000 result (8 MB) took 21 ms to touch,
/// a third of one <see cref="ClosedFormSolution.At"/>, and the runtime's collector hands out such memory again on every call (it
/// releases the pages of a dead large array, so even an array at the same address faults anew; measured). NumPy does not pay
/// this: glibc's malloc keeps freed chunks mapped. The runtime has no setting for it (DOTNET_GCRetainVM, server GC,
/// GCConserveMemory, the LOH threshold and pinning changed nothing, measured), so on Linux the array's range is advised as
/// huge-page backed (MADV_HUGEPAGE: one fault per 2 MiB where the kernel's transparent huge pages allow it) and populated
/// for writing (MADV_POPULATE_WRITE, Linux ≥ 5.14): 3–7 ms instead of 21 ms for 8 MB, measured. Both are hints on memory
/// the array owns: its contents and the program's results do not change, and where a call fails (another OS, an older
/// kernel) the pages fault in as before. It does not always help. Memory the VM's host has taken back is mapped by the
/// populate, but its first writes still cost ~4 µs per page: a fresh unpinned 2 MB array took 0.3 ms to populate and then
/// 1.7 ms to touch (measured 2026-12-08). Reused memory is what is cheap (see AlignedScratch and the benchmark's
/// PointRuns).
/// </summary>
internal static partial class PrefaultedArray
{
    /// <summary>Arrays shorter than this (256 KiB) are allocated plainly: they span too few pages to gain.</summary>
    public const int MinimumLength = 1 << 15;

    private const int MadviseHugePage = 14, MadvisePopulateWrite = 23;
    private const long PageSize = 4096, HugePageSize = 2 << 20;

    private static bool supported = OperatingSystem.IsLinux();

    /// <summary>An array of <paramref name="length"/> doubles, its pages present when the advice succeeds; pinned from
    /// <see cref="MinimumLength"/> on. Uninitialized (the caller writes every entry) unless <paramref name="zeroed"/>.</summary>
    public static unsafe double[] Allocate(int length, bool zeroed = false)
    {
        if (length < MinimumLength) return zeroed ? new double[length] : GC.AllocateUninitializedArray<double>(length);
        var array = GC.AllocateUninitializedArray<double>(length, pinned: true);
        Advise(array);
        if (zeroed) Array.Clear(array);
        return array;
    }

    private static unsafe void Advise(double[] array)
    {
        fixed (double* p = array) Advise(p, array.Length);
    }

    /// <summary>Advises and populates <paramref name="length"/> doubles at <paramref name="p"/> (a pinned array's), when the system
    /// supports it.</summary>
    private static unsafe void Advise(double* p, int length)
    {
        if (!Volatile.Read(ref supported)) return;
        try
        {
            long start = (long)p, end = (long)(p + length);
            long hugeStart = (start + HugePageSize - 1) & ~(HugePageSize - 1), hugeEnd = end & ~(HugePageSize - 1);
            if (hugeEnd > hugeStart) Madvise((nint)hugeStart, (nuint)(hugeEnd - hugeStart), MadviseHugePage);
            long pageStart = (start + PageSize - 1) & ~(PageSize - 1), pageEnd = end & ~(PageSize - 1);
            // EINVAL: a kernel before 5.14 does not know the advice; stop asking (the pages fault in on first write as before).
            if (pageEnd > pageStart && Madvise((nint)pageStart, (nuint)(pageEnd - pageStart), MadvisePopulateWrite) != 0
                && Marshal.GetLastPInvokeError() == 22)
                Volatile.Write(ref supported, false);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { Volatile.Write(ref supported, false); }
    }

    [LibraryImport("libc", EntryPoint = "madvise", SetLastError = true)]
    private static partial int Madvise(nint address, nuint length, int advice);
}
