namespace IncLearn;

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
