namespace IncLearn;

/// <summary>A time window I_k of eq. (16) on which W(t) is ε-close to Ŷ_k. k is 1-based; End is +∞ for k = K.</summary>
/// <param name="K">The rank k (1-based).</param>
/// <param name="Start">log(C_ε/α)/(2σ_k).</param>
/// <param name="End">log(c_ε/α)/(2σ_{k+1}), or +∞ for k = K.</param>
public sealed record IncrementalWindow(int K, double Start, double End)
{
    /// <summary>Whether the window is non-empty.</summary>
    public bool IsNonEmpty => End >= Start;
}
