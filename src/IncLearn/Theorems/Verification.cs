namespace IncLearn;

/// <summary>The result of verifying a theorem's conclusion at one α.</summary>
/// <param name="LogAlpha">log α at which W(t) was evaluated (exactly: the closed form works from log α).</param>
/// <param name="Windows">One record per k.</param>
public sealed record Verification(double LogAlpha, IReadOnlyList<WindowCheck> Windows)
{
    /// <summary>log10 α.</summary>
    public double Log10Alpha => LogAlpha / Math.Log(10);

    /// <summary>Whether ‖W(t) − Ŷ_k‖₂ ≤ ε held at every sample of every window (false when a window is empty).</summary>
    public bool Holds => Windows.All(w => w.Holds);

    /// <summary>The largest ratio over the non-empty windows (an empty window's NaN is skipped); NaN when every window is empty.</summary>
    public double MaxRatio => Windows.Where(w => w.Samples > 0).Select(w => w.MaxRatioInside).DefaultIfEmpty(double.NaN).Max();
}
