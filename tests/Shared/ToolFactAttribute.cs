// Shared by the test projects (linked, not copied).
using System.Diagnostics;
using IncLearn.Processes;

namespace IncLearn.TestSupport;

/// <summary>A fact that is skipped, with the reason, when an outside tool is missing or does not answer (xunit 2 has no dynamic
/// skip) — except in CI (INCLEARN_REQUIRE_TOOLS=1, set by .ci/run), where it runs and fails instead: a skip there would hide it.</summary>
public sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(string executable, string probeArguments)
    {
        if (Environment.GetEnvironmentVariable("INCLEARN_REQUIRE_TOOLS") == "1") return;
        if (!File.Exists(executable)) { Skip = $"{executable} not found (install the Debian package; .ci/run does)"; return; }
        var (code, output) = Run(executable, probeArguments);
        if (code != 0) Skip = $"{executable} {probeArguments} failed: {output.Trim()}";
    }

    /// <summary>Runs <paramref name="exe"/> with a command line <paramref name="args"/> (split as a shell would), for
    /// <paramref name="minutes"/> at most.</summary>
    public static (int Code, string Output) Run(string exe, string args, double minutes = 2)
        => ChildProcess.RunAsync(new ProcessStartInfo(exe, args), TimeSpan.FromMinutes(minutes)).GetAwaiter().GetResult();
}
