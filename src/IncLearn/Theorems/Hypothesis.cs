namespace IncLearn;

/// <summary>One hypothesis of Theorem 3 or 4, evaluated: the inequality, both sides, and whether it holds.</summary>
/// <param name="Name">Short name, e.g. "α ≤ c_ε".</param>
/// <param name="Holds">Whether the hypothesis holds.</param>
/// <param name="Left">Value of the left-hand side (null when the hypothesis is not numeric).</param>
/// <param name="Relation">The relation, e.g. "≤" or "&gt;".</param>
/// <param name="Right">Value of the right-hand side.</param>
/// <param name="Why">A sentence that says what was compared and why it matters.</param>
public sealed record Hypothesis(string Name, bool Holds, double? Left, string Relation, double? Right, string Why);

/// <summary>A time window I_k of eq. (16) on which W(t) is ε-close to Ŷ_k. k is 1-based; End is +∞ for k = K.</summary>
/// <param name="K">The rank k (1-based).</param>
/// <param name="Start">log(C_ε/α)/(2σ_k).</param>
/// <param name="End">log(c_ε/α)/(2σ_{k+1}), or +∞ for k = K.</param>
public sealed record IncrementalWindow(int K, double Start, double End)
{
    /// <summary>Whether the window is non-empty.</summary>
    public bool IsNonEmpty => End >= Start;
}

/// <summary>The verification of one window: the largest ‖W(t) − Ŷ_k‖₂/ε sampled inside I_k, and just outside it.</summary>
/// <param name="Window">The window.</param>
/// <param name="SampledEnd">Last sampled time (equals End for a bounded window).</param>
/// <param name="Samples">Number of sampled times inside.</param>
/// <param name="MaxRatioInside">max over the samples of ‖W(t) − Ŷ_k‖₂/ε; the conclusion (17)/(23) says ≤ 1.</param>
/// <param name="RatioBefore">‖W(t) − Ŷ_k‖₂/ε at t = Start − 10 % of the window's scale (NaN when that is before 0).</param>
/// <param name="RatioAfter">‖W(t) − Ŷ_k‖₂/ε at t = End + 10 % of the window's length (NaN for I_K).</param>
public sealed record WindowCheck(IncrementalWindow Window, double SampledEnd, int Samples, double MaxRatioInside, double RatioBefore, double RatioAfter)
{
    /// <summary>Whether the conclusion held at every sample.</summary>
    public bool Holds => MaxRatioInside <= 1.0;
}

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

/// <summary>A theorem evaluated at one α: its hypotheses, windows and (optionally) the verification of its conclusion.</summary>
/// <param name="Theorem">The theorem.</param>
/// <param name="LogAlpha">log α.</param>
/// <param name="Hypotheses">Every hypothesis at α.</param>
/// <param name="Windows">The windows I_k at α.</param>
/// <param name="Verification">The sampled conclusion, or null when not verified.</param>
public sealed record TheoremReport(IncrementalLearningTheorem Theorem, double LogAlpha, IReadOnlyList<Hypothesis> Hypotheses,
    IReadOnlyList<IncrementalWindow> Windows, Verification? Verification)
{
    /// <summary>log10 α.</summary>
    public double Log10Alpha => LogAlpha / Math.Log(10);
}
