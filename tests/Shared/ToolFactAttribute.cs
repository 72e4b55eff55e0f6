// Shared by the test projects (linked, not copied).
using System.Diagnostics;

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

    public static (int Code, string Output) Run(string exe, string args)
    {
        var psi = new ProcessStartInfo(exe, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000)) { p.Kill(true); return (-1, "timed out"); }
        return (p.ExitCode, stdout.Result + stderr.Result);
    }
}
