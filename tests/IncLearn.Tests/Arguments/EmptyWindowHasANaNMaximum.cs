namespace IncLearn.Tests.Arguments;

/// <summary>Issue 26: at an α where the ratio hypothesis fails the bounded windows are empty; their verification has no sample,
/// so its maximum is NaN and it does not hold (documented), the overall maximum skips them, and no time before 0 is evaluated.</summary>
public class EmptyWindowHasANaNMaximum
{
    private static readonly Target Y = Target.FromSpectrum([9, 4, 1.5], 4, seed: 5);

    [Fact]
    public void EmptyWindowsReportNaNAndTheOverallMaximumComesFromTheSampledOnes()
    {
        var th = new Theorem3(Y, [2.5, 0.7, 1.3, 0.4], 0.3);
        // Just below c_ε: α ≤ c_ε holds, but the ratio condition fails, so I_1 and I_2 are empty; I_3 = [start, ∞) never is.
        double la = th.LogSmallC - 0.01;
        var windows = th.Windows(la);
        Assert.False(windows[0].IsNonEmpty);
        Assert.False(windows[1].IsNonEmpty);
        Assert.True(windows[2].IsNonEmpty);
        var v = th.Verify(la, 6);
        Assert.All(v.Windows.Take(2), w =>
        {
            Assert.Equal(0, w.Samples);
            Assert.True(double.IsNaN(w.MaxRatioInside));
            Assert.False(w.Holds);
        });
        Assert.Equal(6, v.Windows[2].Samples);
        Assert.True(double.IsFinite(v.Windows[2].MaxRatioInside));
        Assert.Equal(v.Windows[2].MaxRatioInside, v.MaxRatio);
        Assert.False(v.Holds);
    }

    [Fact]
    public void AboveTheDirectBoundWindowsEndBeforeZeroAndNothingIsEvaluatedThere()
    {
        var th = new Theorem3(Y, [2.5, 0.7, 1.3, 0.4], 0.3);
        // α = e^{−1} > c_ε = 0.12: every bounded window ends at a negative time (used to evaluate W(t) at t < 0 and fail inside
        // the QR); the ratio just after such a window is NaN like the one before a window that starts at 0.
        var v = th.Verify(-1, 4);
        Assert.True(v.Windows[0].Window.End < 0);
        Assert.True(double.IsNaN(v.Windows[0].RatioAfter));
        Assert.True(double.IsNaN(v.Windows[1].RatioAfter));
        Assert.True(double.IsNaN(v.Windows[2].RatioAfter)); // I_K: no end
    }

    [Fact]
    public void MaxRatioIsNaNWhenEveryWindowIsEmpty()
    {
        var empty = new WindowCheck(new IncrementalWindow(1, 2.0, 1.0), 1.0, 0, double.NaN, 3.0, double.NaN);
        var v = new Verification(-4, [empty, empty with { Window = new IncrementalWindow(2, 5.0, 4.0) }]);
        Assert.True(double.IsNaN(v.MaxRatio));
        Assert.False(v.Holds);
    }
}
