namespace IncLearn;

/// <summary>The verification of one window: the largest ‖W(t) − Ŷ_k‖₂/ε sampled inside I_k, and just outside it.</summary>
/// <param name="Window">The window.</param>
/// <param name="SampledEnd">Last sampled time (equals End for a bounded window).</param>
/// <param name="Samples">Number of sampled times inside.</param>
/// <param name="MaxRatioInside">max over the samples of ‖W(t) − Ŷ_k‖₂/ε; the conclusion (17)/(23) says ≤ 1. NaN for an empty
/// window (no sample).</param>
/// <param name="RatioBefore">‖W(t) − Ŷ_k‖₂/ε at t = Start − 10 % of the window's scale (NaN when that is before 0).</param>
/// <param name="RatioAfter">‖W(t) − Ŷ_k‖₂/ε at t = End + 10 % of the window's length (NaN for I_K, and when that time is
/// before 0: an empty window at α &gt; c_ε can end there).</param>
public sealed record WindowCheck(IncrementalWindow Window, double SampledEnd, int Samples, double MaxRatioInside, double RatioBefore, double RatioAfter)
{
    /// <summary>Whether the conclusion held at every sample; false for an empty window (NaN maximum: nothing was verified).</summary>
    public bool Holds => MaxRatioInside <= 1.0;
}
