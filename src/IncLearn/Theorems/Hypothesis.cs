namespace IncLearn;

/// <summary>One hypothesis of Theorem 3 or 4, evaluated: the inequality, both sides, and whether it holds.</summary>
/// <param name="Name">Short name, e.g. "α ≤ c_ε".</param>
/// <param name="Holds">Whether the hypothesis holds.</param>
/// <param name="Left">Value of the left-hand side (null when the hypothesis is not numeric).</param>
/// <param name="Relation">The relation, e.g. "≤" or "&gt;".</param>
/// <param name="Right">Value of the right-hand side.</param>
/// <param name="Why">A sentence that says what was compared and why it matters.</param>
public sealed record Hypothesis(string Name, bool Holds, double? Left, string Relation, double? Right, string Why)
{
    /// <summary>Whether <see cref="Left"/> and <see cref="Right"/> are log10 of the named quantities (α and its bound, which
    /// can lie far below the double range), so a display shows them as 10^x, not as bare exponents.</summary>
    public bool SidesAreLog10 { get; init; }
}
