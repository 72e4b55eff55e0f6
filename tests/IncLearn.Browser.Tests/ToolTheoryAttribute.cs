namespace IncLearn.Browser.Tests;

/// <summary>A theory skipped, with the reason, when an outside tool is not installed — except in CI
/// (INCLEARN_REQUIRE_TOOLS=1, set by .ci/run), where it runs and fails instead (as ToolFact does). Only the file is
/// looked for: starting Jupyter to probe it would cost as much as a test, at every discovery.</summary>
public sealed class ToolTheoryAttribute : TheoryAttribute
{
    public ToolTheoryAttribute(string executable)
    {
        if (Environment.GetEnvironmentVariable("INCLEARN_REQUIRE_TOOLS") == "1") return;
        if (!File.Exists(executable)) Skip = $"{executable} not found (install the Debian package; .ci/run does)";
    }
}
