namespace IncLearn.Tests;

/// <summary>AlignedScratch: aligned like AlignedBuffer, zeroed when asked, small blocks (C memory) and large ones (a pinned array), and unusable
/// after it is freed rather than pointing at freed memory.</summary>
public class AlignedScratchTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(1000)]
    [InlineData(PrefaultedArray.MinimumLength + 3)]
    public void ScratchIsAlignedZeroedOnRequestAndFreedOnce(int length)
    {
        var scratch = new AlignedScratch(length, zeroed: true);
        Assert.Equal(length, scratch.Length);
        Assert.All(scratch.Span.ToArray(), v => Assert.Equal(0.0, v));
        NativeLapack.UpperTriangularGram(scratch.Span[..1], 1);   // accepted where 64-byte alignment is checked
        scratch.Span[length - 1] = 3;
        Assert.Equal(3.0, scratch.Span[length - 1]);
        scratch.Dispose();
        scratch.Dispose();   // a second Dispose frees nothing
        Assert.Throws<ObjectDisposedException>(() => scratch.Span.Length);
    }

    [Fact]
    public void NegativeLengthIsRefused() =>
        Assert.Equal("length", Assert.Throws<ArgumentOutOfRangeException>(() => new AlignedScratch(-1)).ParamName);
}
