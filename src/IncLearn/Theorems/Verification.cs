namespace IncLearn;

/// <summary>The result of verifying a theorem's conclusion at one α.</summary>
/// <param name="LogAlpha">log α at which W(t) was evaluated (exactly: the closed form works from log α).</param>
/// <param name="Windows">One record per k.</param>
public sealed record Verification(double LogAlpha, IReadOnlyList<WindowCheck> Windows)
{
    /// <summary>log10 α.</summary>
    public double Log10Alpha => LogAlpha / Math.Log(10);

    /// <summary>Whether ‖W(t) − Ŷ_k‖₂ ≤ ε held at every sample of every window.</summary>
    public bool Holds => Windows.All(w => w.Holds);

    /// <summary>The largest ratio over all windows.</summary>
    public double MaxRatio => Windows.Max(w => w.MaxRatioInside);
}
