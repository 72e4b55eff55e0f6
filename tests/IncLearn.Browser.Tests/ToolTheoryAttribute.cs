using IncLearn.TestSupport;

namespace IncLearn.Browser.Tests;

/// <summary>A theory skipped, with the reason, when an outside tool is missing or does not answer — except in CI
/// (INCLEARN_REQUIRE_TOOLS=1, set by .ci/run), where it runs and fails instead (as <see cref="ToolFactAttribute"/>).</summary>
public sealed class ToolTheoryAttribute : TheoryAttribute
{
    public ToolTheoryAttribute(string executable, string probeArguments)
    {
        if (Environment.GetEnvironmentVariable("INCLEARN_REQUIRE_TOOLS") == "1") return;
        if (!File.Exists(executable)) { Skip = $"{executable} not found (install the Debian package; .ci/run does)"; return; }
        var (code, output) = ToolFactAttribute.Run(executable, probeArguments);
        if (code != 0) Skip = $"{executable} {probeArguments} failed: {output.Trim()}";
    }
}
