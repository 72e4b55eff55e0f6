namespace IncLearn.Runner;

/// <summary>
/// One check a notebook made, as the notebook layer displays it: an element of the JSON array carried by an output's
/// <see cref="ChecksOutput.MimeType"/> data. The runner only reads these; it never computes a check itself.
/// </summary>
/// <param name="Name">What was checked.</param>
/// <param name="Passed">Whether it held.</param>
/// <param name="Kind">close, at-most, at-least, that… (as the notebook layer names it).</param>
/// <param name="Actual">The computed value, when numeric.</param>
/// <param name="Expected">The reference value or bound, when numeric.</param>
/// <param name="Tolerance">The relative tolerance, when there is one.</param>
/// <param name="Detail">A sentence with the numbers.</param>
public sealed record NotebookCheck(string Name, bool Passed, string Kind, double? Actual, double? Expected, double? Tolerance, string Detail);
