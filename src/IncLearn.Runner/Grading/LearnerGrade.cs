namespace IncLearn.Runner;

/// <summary>One learner's copy of a chapter, graded: the state of each of its build-it cells.</summary>
/// <param name="Learner">The copy's name: its path relative to the graded folder, without ".ipynb".</param>
/// <param name="Path">The copy's path.</param>
/// <param name="Cells">Its build-it cells, in notebook order.</param>
/// <param name="Error">Why the copy could not be run at all (unreadable notebook, kernel that did not start), when so.</param>
public sealed record LearnerGrade(string Learner, string Path, IReadOnlyList<BuildItCell> Cells, string? Error);
