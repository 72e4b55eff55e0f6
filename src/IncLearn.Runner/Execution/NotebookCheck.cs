namespace IncLearn.Runner;

/// <summary>
/// One check a notebook made, as the notebook layer displays it: an element of the JSON array carried by an output's
/// <see cref="ChecksOutput.MimeType"/> data. The runner only reads these; it never computes a check itself.
/// </summary>
/// <param name="Name">What was checked.</param>
/// <param name="Status">Passed, failed, or not implemented (a build-it scaffold the learner has not filled in).</param>
/// <param name="Kind">close, at-most, at-least, that, build-it (as the notebook layer names it).</param>
/// <param name="Actual">The computed value, when numeric.</param>
/// <param name="Expected">The reference value or bound, when numeric.</param>
/// <param name="Tolerance">The relative tolerance, when there is one.</param>
/// <param name="Detail">A sentence with the numbers.</param>
public sealed record NotebookCheck(string Name, NotebookCheckStatus Status, string Kind, double? Actual, double? Expected, double? Tolerance, string Detail)
{
    /// <summary>Whether the claim held.</summary>
    public bool Passed => Status == NotebookCheckStatus.Passed;

    /// <summary>Whether the claim did not hold (a not-implemented build-it check is neither passed nor failed).</summary>
    public bool Failed => Status == NotebookCheckStatus.Failed;

    /// <summary>Whether the check confirms code the learner writes in a cell tagged <c>build-it</c>.</summary>
    public bool BuildIt { get; init; }

    /// <summary>Whether the measured value is a rounding or integration error whose bits vary from machine to machine
    /// (precision "magnitude"), so that a stored copy of it is compared by order of magnitude.</summary>
    public bool MeasuresError { get; init; }
}
