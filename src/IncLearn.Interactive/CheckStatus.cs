namespace IncLearn.Interactive;

/// <summary>The state of a check.</summary>
public enum CheckStatus
{
    /// <summary>The claim held.</summary>
    Passed,

    /// <summary>The claim did not hold.</summary>
    Failed,

    /// <summary>A build-it check whose scaffold still throws <see cref="NotImplementedException"/>: neither pass nor fail.</summary>
    NotImplemented,
}
