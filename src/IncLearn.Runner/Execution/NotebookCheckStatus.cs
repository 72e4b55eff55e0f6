namespace IncLearn.Runner;

/// <summary>The state of a check as the notebook layer reports it (its <c>status</c> field).</summary>
public enum NotebookCheckStatus
{
    /// <summary>The claim held.</summary>
    Passed,

    /// <summary>The claim did not hold.</summary>
    Failed,

    /// <summary>A build-it check whose scaffold the learner has not filled in yet: neither pass nor fail.</summary>
    NotImplemented,
}
