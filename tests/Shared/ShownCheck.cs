// Shared by the test projects that read executed notebooks (linked, not copied).
namespace IncLearn.TestSupport;

/// <summary>A check as a notebook output shows it (MIME type application/vnd.inclearn.checks+json).</summary>
public sealed record ShownCheck(int Cell, string Name, bool Passed, string Detail)
{
    /// <summary>Whether this is a build-it check whose scaffold is not filled in yet (neither pass nor fail): what a chapter
    /// as shipped shows.</summary>
    public bool NotImplemented { get; init; }

    /// <summary>Passed, or a build-it check not implemented yet; never a failure.</summary>
    public bool PassedOrNotImplemented => Passed || NotImplemented;
}
