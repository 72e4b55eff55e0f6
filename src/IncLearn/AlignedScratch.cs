using System.Runtime.InteropServices;

namespace IncLearn;

/// <summary>
/// 64-byte-aligned scratch memory for the copies and workspaces of one native call, released when the call returns
/// (<c>using</c>). Aligned for the reason of <see cref="AlignedBuffer"/>. Where it comes from is measured, not chosen for
/// form: on our VMs the first write to a fresh 4 KiB page costs ~4–10 µs.
/// <list type="bullet">
/// <item>Small blocks come from the C allocator: a pinned managed array cost ~12 µs to allocate and came as fresh pages on
/// nearly every call, so a set-up at n = 50 spent more in its temporaries than in LAPACK (constructor 100 → 45 µs, Target's
/// dsyevd 258 → 165 µs); glibc hands a freed block out again with its pages present, as NumPy's arrays get them.</item>
/// <item>Large blocks (from <see cref="PrefaultedArray.MinimumLength"/> on) are pinned managed arrays (<see cref="AlignedBuffer"/>):
/// the collector's heap then keeps the memory the set-up faulted in, and the results of the points after it land there. With
/// large blocks in C memory too, the heap stayed small and each result landed on fresh pages until a full collection:
/// <c>At</c> at n = 500 took 8.4 instead of 6.3 ms (median of 41, alternating processes).</item>
/// </list>
/// </summary>
internal sealed unsafe class AlignedScratch : IDisposable
{
    private const int Alignment = 64;
    private double* pointer;
    private AlignedBuffer? buffer;

    /// <summary><paramref name="length"/> doubles, uninitialized unless <paramref name="zeroed"/>.</summary>
    public AlignedScratch(int length, bool zeroed = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Length = length;
        if (length >= PrefaultedArray.MinimumLength)
        {
            buffer = new AlignedBuffer(length, zeroed);
            fixed (double* p = buffer.Span) pointer = p;
            return;
        }
        nuint bytes = (nuint)Math.Max(1, length) * sizeof(double);
        pointer = (double*)NativeMemory.AlignedAlloc(bytes, Alignment);
        if (zeroed) Span.Clear();
    }

    /// <summary>Number of doubles.</summary>
    public int Length { get; }

    /// <summary>The memory (valid until <see cref="Dispose"/>).</summary>
    public Span<double> Span => pointer == null ? throw new ObjectDisposedException(nameof(AlignedScratch)) : new(pointer, Length);

    public void Dispose()
    {
        if (pointer == null) return;
        if (buffer == null) NativeMemory.AlignedFree(pointer);
        buffer = null;
        pointer = null;
    }
}
