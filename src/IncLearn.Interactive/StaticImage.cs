using System.Security.Cryptography;
using System.Text;
using IncLearn.Html;
using IncLearn.Processes;

namespace IncLearn.Interactive;

/// <summary>
/// A PNG of a figure for views that run no script (JupyterLab and Jupyter Notebook showing an untrusted notebook, nbviewer-like
/// static views): plotly.js draws the figure in headless Chromium, which takes a screenshot. Chromium is found at
/// $INCLEARN_CHROMIUM, /usr/bin/chromium or chromium on PATH, and never downloaded; INCLEARN_STATIC_IMAGES=0 turns images off.
/// Images are cached by a hash of the figure under ~/.cache/inclearn/png (or $XDG_CACHE_HOME), so a figure is drawn once per
/// machine. Hand-written rather than Plotly.NET.ImageExport: that library starts a browser per image through PuppeteerSharp
/// (about 3 s each) and loads plotly.js from a CDN by default; one Chromium command per uncached figure, offline, is simpler.
/// </summary>
internal static class StaticImage
{
    private static readonly Lazy<string?> browser = new(FindBrowser);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Whether PNGs are made here (a browser was found and images are not turned off).</summary>
    public static bool Available => browser.Value is not null;

    /// <summary>The figure as a base64 PNG, from the cache or drawn now.</summary>
    /// <exception cref="InvalidOperationException">No browser, or the browser failed (its output is in the message).</exception>
    public static string Png(Figure figure)
    {
        string exe = browser.Value ?? throw new InvalidOperationException("no Chromium for static images (set INCLEARN_CHROMIUM, or install Debian's chromium)");
        string key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(PlotlyJs.Version + "\n" + figure.Json))).ToLowerInvariant();
        string cached = Path.Combine(CacheFolder(), key + ".png");
        if (File.Exists(cached)) return Convert.ToBase64String(File.ReadAllBytes(cached));

        string work = Path.Combine(Path.GetTempPath(), "inclearn-png-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(work);
            var (width, height) = figure.Size;
            string page = Path.Combine(work, "figure.html");
            File.WriteAllText(page, Page(figure));
            string png = Path.Combine(work, "figure.png");
            Run(exe, [.. BrowserFlags(work), $"--window-size={width},{height}", $"--screenshot={png}", new Uri(page).AbsoluteUri]);
            if (!File.Exists(png)) throw new InvalidOperationException($"{exe} wrote no screenshot of the figure '{figure.Title}'");
            byte[] bytes = File.ReadAllBytes(png);
            Directory.CreateDirectory(Path.GetDirectoryName(cached)!);
            string tmp = cached + ".tmp-" + Guid.NewGuid().ToString("N");
            File.WriteAllBytes(tmp, bytes);
            File.Move(tmp, cached, overwrite: true); // atomic: concurrent kernels may draw the same figure
            return Convert.ToBase64String(bytes);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The page Chromium draws: plotly.js inlined, the figure JSON script-safe (see <see cref="SafeHtml.ScriptJson"/>).</summary>
    internal static string Page(Figure figure)
        => "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>body{margin:0;background:white}</style><script>"
            + PlotlyJs.Source + "</script></head><body><div id=\"f\"></div><script>var fig = " + SafeHtml.ScriptJson(figure.Json)
            + "; Plotly.newPlot('f', fig.data, fig.layout, {staticPlot: true, displayModeBar: false});</script></body></html>";

    // Headless, offline and quiet: without the background-networking flags Chromium tries to reach Google at every start.
    private static IEnumerable<string> BrowserFlags(string work) =>
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-default-apps", "--mute-audio", $"--user-data-dir={Path.Combine(work, "profile")}",
        "--virtual-time-budget=10000",
    ];

    private static void Run(string exe, IEnumerable<string> args)
    {
        var (code, output) = ChildProcess.Run(exe, args, Timeout);
        if (code == ChildProcess.TimedOut) throw new InvalidOperationException($"{exe} did not draw the figure within {Timeout.TotalSeconds} s");
        if (code != 0) throw new InvalidOperationException($"{exe} exited {code}: {output}");
    }

    private static string? FindBrowser()
    {
        if (Environment.GetEnvironmentVariable("INCLEARN_STATIC_IMAGES") == "0") return null;
        if (Environment.GetEnvironmentVariable("INCLEARN_CHROMIUM") is { Length: > 0 } given) return File.Exists(given) ? given : null;
        if (File.Exists("/usr/bin/chromium")) return "/usr/bin/chromium";
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, "chromium")).FirstOrDefault(File.Exists);
    }

    private static string CacheFolder()
    {
        string root = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "inclearn", "png");
    }
}
