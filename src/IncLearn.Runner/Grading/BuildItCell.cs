namespace IncLearn.Runner;

/// <summary>One cell tagged <c>build-it</c> of an executed notebook, and how far the learner got.</summary>
/// <param name="Ordinal">1 for the notebook's first build-it cell, 2 for the second, …: the column a grading table files it under
/// (a learner who adds cells shifts cell indices, not this).</param>
/// <param name="CellIndex">Index of the cell in the notebook (all cell types counted).</param>
/// <param name="Label">The name of its build-it check, or "cell N" when it displayed none.</param>
/// <param name="State">Implemented and passing, implemented and failing, not implemented, or not run.</param>
/// <param name="Detail">Why: the failed check's numbers, the cell's error, or the not-implemented note.</param>
public sealed record BuildItCell(int Ordinal, int CellIndex, string Label, BuildItState State, string Detail)
{
    /// <summary>The state in words, as reports print it.</summary>
    public string StateText => Describe(State);

    /// <summary>"implemented, passing", "implemented, failing", "not implemented" or "not run".</summary>
    public static string Describe(BuildItState state) => state switch
    {
        BuildItState.ImplementedPassing => "implemented, passing",
        BuildItState.ImplementedFailing => "implemented, failing",
        BuildItState.NotImplemented => "not implemented",
        _ => "not run",
    };
}
