namespace IncLearn.Interactive;

/// <summary>One checked claim of a notebook: what was compared, the numbers, and whether it held.</summary>
/// <param name="Name">What the check claims, e.g. "closed form = integrator".</param>
/// <param name="Status">Passed, failed, or (for a build-it check whose scaffold is not filled in yet) not implemented.</param>
/// <param name="Kind">The comparison: "close", "at-most", "at-least", "that", or "build-it" for a scaffold not yet filled in.</param>
/// <param name="Actual">The measured value, when the check compares numbers.</param>
/// <param name="Expected">The value or bound it is compared with.</param>
/// <param name="Tolerance">The relative tolerance of a "close" check.</param>
/// <param name="Detail">A human-readable line with the numbers.</param>
public sealed record CheckResult(
    string Name,
    CheckStatus Status,
    string Kind,
    double? Actual,
    double? Expected,
    double? Tolerance,
    string Detail)
{
    /// <summary>Whether the claim held.</summary>
    public bool Passed => Status == CheckStatus.Passed;

    /// <summary>How closely <see cref="Actual"/> is meant to reproduce on another machine (see <see cref="ActualPrecision"/>).</summary>
    public ActualPrecision Precision { get; init; } = ActualPrecision.Exact;

    /// <summary>Whether the check confirms code the learner writes in a cell tagged <c>build-it</c>.</summary>
    public bool BuildIt { get; init; }
}
