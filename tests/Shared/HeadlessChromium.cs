// Shared by the test projects (linked, not copied).
using System.Text.Json;
using System.Text.RegularExpressions;
using IncLearn.Processes;

namespace IncLearn.TestSupport;

/// <summary>Debian's Chromium, headless, in one place: its path, the switches every test launches it with, and a page loaded
/// from a file with the network refused (every host name resolves nowhere), returned as its DOM once its scripts have run.</summary>
public static partial class HeadlessChromium
{
    /// <summary>Debian's chromium (.ci/run installs it); tests never download a browser.</summary>
    public const string Executable = "/usr/bin/chromium";

    /// <summary>No sandbox (tests run as root in CI), no GPU, no first-run, update or sync traffic.</summary>
    public static readonly IReadOnlyList<string> Switches =
        ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    /// <summary>The DOM of <paramref name="file"/> after <paramref name="virtualTimeMs"/> of page time, offline, with a fresh
    /// profile in <paramref name="profile"/>; throws when Chromium fails or takes longer than <paramref name="timeout"/>.</summary>
    public static async Task<string> DumpDomAsync(string file, string profile, TimeSpan timeout, int virtualTimeMs = 10_000, string? windowSize = null)
    {
        List<string> args = ["--headless", .. Switches, "--host-resolver-rules=MAP * ~NOTFOUND", $"--user-data-dir={profile}"];
        if (windowSize is not null) args.Add($"--window-size={windowSize}");
        args.AddRange([$"--virtual-time-budget={virtualTimeMs}", "--dump-dom", new Uri(file).AbsoluteUri]);
        var (code, output) = await ChildProcess.RunAsync(Executable, args, Path.GetDirectoryName(file), timeout);
        if (code != 0)
            throw new InvalidOperationException($"chromium on {file}: {(code == ChildProcess.TimedOut ? "timed out" : $"exit code {code}")}: {output[..Math.Min(2000, output.Length)]}");
        return output;
    }

    /// <summary><see cref="DumpDomAsync"/>, waited for.</summary>
    public static string DumpDom(string file, string profile, TimeSpan timeout, int virtualTimeMs = 10_000, string? windowSize = null)
        => DumpDomAsync(file, profile, timeout, virtualTimeMs, windowSize).GetAwaiter().GetResult();

    /// <summary>The JSON a page's probe script left in its <c>data-probe</c> attribute, or null when the probe did not run.</summary>
    public static JsonElement? Probe(string dom)
    {
        var m = ProbeAttribute().Match(dom);
        return m.Success ? JsonDocument.Parse(System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).RootElement.Clone() : null;
    }

    [GeneratedRegex("data-probe=\"([^\"]*)\"")]
    private static partial Regex ProbeAttribute();
}
