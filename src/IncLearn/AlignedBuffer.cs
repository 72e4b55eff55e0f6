namespace IncLearn;

/// <summary>
/// A pinned buffer of doubles whose span starts on a 64-byte boundary. OpenBLAS's vector kernels (used inside LAPACK's dtpqrt)
/// add in an order that depends on the address's alignment: the same input at another alignment gave other last bits
/// (measured), so a managed array, placed wherever the allocator puts it, made repeated evaluations differ. Pinned (on the
/// pinned object heap) so the alignment cannot change after it is computed.
/// </summary>
internal sealed class AlignedBuffer
{
    private const int Alignment = 64;
    private readonly double[] array;
    private readonly int offset;

    /// <summary>A buffer of <paramref name="length"/> doubles, zero-filled unless <paramref name="zeroed"/> is false (a copy's
    /// destination or a LAPACK workspace, written before it is read: clearing dsyevd's 16 MB workspace at n = 1000 took ~2 ms).</summary>
    public unsafe AlignedBuffer(int length, bool zeroed = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Length = length;
        int padded = length + Alignment / sizeof(double);
        // Large buffers (n×n workspaces from n = 181 on) come prefaulted (see PrefaultedArray; pinned there too).
        array = padded >= PrefaultedArray.MinimumLength ? PrefaultedArray.Allocate(padded, zeroed)
            : zeroed ? GC.AllocateArray<double>(padded, pinned: true) : GC.AllocateUninitializedArray<double>(padded, pinned: true);
        fixed (double* p = array)
            offset = (int)((Alignment - (long)p % Alignment) % Alignment / sizeof(double));
    }

    /// <summary>Number of doubles.</summary>
    public int Length { get; }

    /// <summary>The aligned span.</summary>
    public Span<double> Span => array.AsSpan(offset, Length);

    /// <summary>The aligned part as a segment (for code that slices it inside lambdas, where a span cannot go).</summary>
    public ArraySegment<double> Segment => new(array, offset, Length);
}
