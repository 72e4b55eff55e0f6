namespace IncLearn.Tests;

/// <summary>Issue 24: large arrays come with their pages faulted in by one madvise call (PrefaultedArray). The advice must
/// never change contents: a zeroed array is zero even where the collector hands out memory a dead array had filled (a
/// prefault that skipped the clear would leak those values into AlignedBuffer's zero-filled workspaces), and an array of
/// any length is as long as asked, below and above the threshold.</summary>
public class PrefaultedArrayTests
{
    [Fact]
    public void AZeroedArrayIsZeroEvenOnMemoryADeadArrayFilled()
    {
        int length = 4 * PrefaultedArray.MinimumLength;
        for (int round = 0; round < 4; round++)
        {
            Fill(length);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var zeroed = PrefaultedArray.Allocate(length, zeroed: true);
            Assert.Equal(length, zeroed.Length);
            Assert.All(zeroed, v => Assert.Equal(0.0, v));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(PrefaultedArray.MinimumLength - 1)]
    [InlineData(PrefaultedArray.MinimumLength)]
    [InlineData(PrefaultedArray.MinimumLength * 8 + 3)]
    public void EveryLengthIsWhatWasAskedAndWritable(int length)
    {
        var array = PrefaultedArray.Allocate(length);
        Assert.Equal(length, array.Length);
        for (int i = 0; i < length; i++) array[i] = i;
        for (int i = 0; i < length; i++) Assert.Equal(i, array[i]);
        Assert.All(PrefaultedArray.Allocate(length, zeroed: true), v => Assert.Equal(0.0, v));
    }

    /// <summary>AlignedBuffer takes its large buffers from PrefaultedArray: still zero-filled.</summary>
    [Fact]
    public void LargeAlignedBuffersStayZeroFilled()
    {
        for (int round = 0; round < 3; round++)
        {
            Fill(2 * PrefaultedArray.MinimumLength);
            GC.Collect();
            var buffer = new AlignedBuffer(2 * PrefaultedArray.MinimumLength);
            foreach (double v in buffer.Span) Assert.Equal(0.0, v);
        }
    }

    private static void Fill(int length) => Array.Fill(PrefaultedArray.Allocate(length), 7.0);
}
