namespace IncLearn.Runner;

/// <summary>Where a learner stands on one cell tagged <c>build-it</c>.</summary>
public enum BuildItState
{
    /// <summary>Filled in, and its build-it check passed.</summary>
    ImplementedPassing,

    /// <summary>Filled in, but its check failed or the cell raised an error (a compile error included).</summary>
    ImplementedFailing,

    /// <summary>Still the scaffold: its build-it check reported "not yet implemented".</summary>
    NotImplemented,

    /// <summary>Not executed (skipped on purpose, or an earlier cell stopped the run).</summary>
    NotRun,
}
