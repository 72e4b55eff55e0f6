using System.Runtime.InteropServices;

namespace IncLearn;

/// <summary>
/// 64-byte-aligned scratch memory from the C allocator for the copies and workspaces of one native call, freed when the call
/// returns (<c>using</c>): what never leaves the method needs no managed array. Pinned managed arrays came as fresh pages on
/// nearly every call (the runtime releases the pages of dead pinned and large arrays; each first write costs ~10 µs per
/// 4 KiB page on our VMs: a set-up at n = 50 spent more in them than in LAPACK, measured), while glibc's allocator hands a
/// freed block out again with its pages present, as NumPy's arrays get them. Aligned for the reason of
/// <see cref="AlignedBuffer"/>; large blocks are populated at once like <see cref="PrefaultedArray"/>'s.
/// </summary>
internal sealed unsafe class NativeScratch : IDisposable
{
    private const int Alignment = 64;
    private double* pointer;

    /// <summary><paramref name="length"/> doubles, uninitialized unless <paramref name="zeroed"/>.</summary>
    public NativeScratch(int length, bool zeroed = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Length = length;
        nuint bytes = (nuint)Math.Max(1, length) * sizeof(double);
        pointer = (double*)NativeMemory.AlignedAlloc(bytes, Alignment);
        if (length >= PrefaultedArray.MinimumLength) PrefaultedArray.Advise(pointer, length);
        if (zeroed) Span.Clear();
    }

    /// <summary>Number of doubles.</summary>
    public int Length { get; }

    /// <summary>The memory (valid until <see cref="Dispose"/>).</summary>
    public Span<double> Span => pointer == null ? throw new ObjectDisposedException(nameof(NativeScratch)) : new(pointer, Length);

    public void Dispose()
    {
        if (pointer == null) return;
        NativeMemory.AlignedFree(pointer);
        pointer = null;
    }
}
