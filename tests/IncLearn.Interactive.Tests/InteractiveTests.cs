using System.Diagnostics;
using System.Text.Json;
using IncLearn.Interactive;
using IncLearn.TestSupport;
using MathNet.Numerics.LinearAlgebra;
using Microsoft.DotNet.Interactive.Formatting;

namespace IncLearn.Interactive.Tests;

public class FormatterTests
{
    public FormatterTests() => Notebook.Setup();

    [Fact]
    public void MatrixHtmlHasTheNumbersAndStructure()
    {
        var m = Matrix<double>.Build.DenseOfArray(new[,] { { 1.5, -2 }, { 3e-7, 12345678 } });
        string html = m.ToDisplayString("text/html").Decoded();
        Assert.Contains("<table class=\"inclearn-matrix\"", html);
        Assert.Contains("2×2 matrix", html);
        Assert.Contains("<td>1.5</td>", html);
        Assert.Contains("<td>-2</td>", html);
        Assert.Contains("<td>3e-7</td>", html);
        Assert.Contains("<td>1.235e+7</td>", html);
        Assert.Contains("1.5", m.ToDisplayString("text/plain"));
    }

    [Fact]
    public void LargeMatricesAreElidedAndShowTheirSize()
    {
        var m = Matrix<double>.Build.Dense(100, 100, (i, j) => i * 1000 + j);
        string html = m.ToDisplayString("text/html").Decoded();
        Assert.Contains("100×100 matrix", html);
        Assert.Contains("…", html);
        Assert.Equal(2 * MatrixFormatter.EdgeItems + 1, html.Split("<tr>").Length - 1);
        Assert.DoesNotContain("<td>50050</td>", html); // the middle is elided
        Assert.Contains("<td>99099</td>", html);
    }

    [Fact]
    public void SetupTwiceGivesTheSameOutput()
    {
        var m = Matrix<double>.Build.DenseIdentity(3);
        string once = m.ToDisplayString("text/html").Decoded();
        Notebook.Setup();
        Notebook.Setup();
        Assert.Equal(once, m.ToDisplayString("text/html").Decoded());
    }

    [Fact]
    public void TheoremCardShowsConstantsHypothesesWindowsAndRatios()
    {
        var y = Target.FromSpectrum([10, 6, 3, 1], 6, 7);
        var th = new Theorem3(y, Enumerable.Repeat(1.0, 6).ToArray(), 0.1);
        var report = th.Report(th.LogAlphaMax, 50);
        string html = report.ToDisplayString("text/html").Decoded();
        Assert.Contains("Theorem 3", html);
        Assert.Contains("c_ε", html);
        Assert.Contains("C_ε", html);
        Assert.Contains("<td>1000</td>", html); // C_ε = σ₁²/(ε·min σ_{i,0}) = 100/0.1
        Assert.Contains("✓", html);
        Assert.Contains("α ≤ c_ε", html);
        Assert.Contains("I_k start", html);
        Assert.Contains("holds ✓", html);
        Assert.DoesNotContain("✗", html);
        var failing = th.Report(Math.Log(1e-2), 0).ToDisplayString("text/html").Decoded();
        Assert.Contains("✗", failing);
        Assert.Contains("Theorem 3 at α = 10^", report.ToDisplayString("text/plain"));
    }

    [Fact]
    public void ChartsRenderAsHtmlAndPlotlyJson()
    {
        var chart = Figures.Series([1.0, 2, 3], [("a", new[] { 1.0, 2, 3 })], "t", "x", "y");
        var mimes = Formatter.GetPreferredMimeTypesFor(chart.GetType()).ToArray();
        Assert.Equal(StaticImage.Available
            ? new[] { "text/html", Notebook.PlotlyMimeType, "image/png", "text/plain" }
            : new[] { "text/html", Notebook.PlotlyMimeType, "text/plain" }, mimes);
        string html = chart.ToDisplayString("text/html").Decoded();
        Assert.Contains("<div id=", html);
        Assert.Contains("<script", html);
        Assert.True(html.Length < 100_000, $"chart HTML is {html.Length} characters: plotly.js must not be inlined");
        // As Plotly.NET.Interactive: plotly.js comes through require.js from the CDN of the version Plotly.NET embeds.
        Assert.Contains("requirejs", html);
        Assert.Contains("https://cdn.plot.ly/plotly-2.28.0.min", html);
        Assert.Contains("Plotly.newPlot", html);
        using var doc = JsonDocument.Parse(chart.ToDisplayString(Notebook.PlotlyMimeType));
        Assert.Equal("a", doc.RootElement.GetProperty("data")[0].GetProperty("name").GetString());
    }
}

public class FigureTests
{
    [Fact]
    public void FiguresLoadNothingFSharpIntoTheDefaultContext()
    {
        // The real kernel's default context holds FSharp.Core 10.0; Plotly.NET 6 needs 10.1. Building and formatting a figure
        // must load Plotly.NET and its FSharp.Core only into the chart engine's isolated context.
        var figure = Figures.Series([1.0, 2], [("a", new[] { 1.0, 2 })], "t", "x", "y");
        _ = figure.ToDisplayString("text/html").Decoded();
        static bool FSharpOrPlotly(System.Reflection.Assembly a) => a.GetName().Name is string n && (n.StartsWith("FSharp.", StringComparison.Ordinal) || n.StartsWith("Plotly.", StringComparison.Ordinal));
        Assert.DoesNotContain(System.Runtime.Loader.AssemblyLoadContext.Default.Assemblies, FSharpOrPlotly);
        var isolated = ChartEngine.Context.Assemblies.Where(FSharpOrPlotly).Select(a => a.GetName()).ToArray();
        Assert.Contains(isolated, n => n.Name == "FSharp.Core" && n.Version >= new Version(10, 1));
        Assert.Contains(isolated, n => n.Name == "Plotly.NET");
    }

    [Fact]
    public void FigureHtmlIsReproducible()
    {
        // The chart's element id derives from the figure, so re-executing a notebook reproduces its outputs.
        var a = Figures.Series([1.0, 2], [("a", new[] { 1.0, 2 })], "t", "x", "y");
        var b = Figures.Series([1.0, 2], [("a", new[] { 1.0, 2 })], "t", "x", "y");
        var c = Figures.Series([1.0, 2], [("a", new[] { 1.0, 3 })], "t", "x", "y");
        Assert.Equal(a.Html, b.Html);
        Assert.NotEqual(a.Html, c.Html);
    }

    private static JsonElement Json(Figure figure) => JsonDocument.Parse(figure.Json).RootElement;

    [Fact]
    public void TrajectoriesHaveATraceAndATargetPerModeAndShadedWindows()
    {
        double[] t = [0, 1, 2];
        var chart = Figures.Trajectories(t, [[0, 5, 10], [0, 1, 6]], [10, 6], [(0.5, 1.0), (1.2, double.PositiveInfinity)], "Figure 1");
        var fig = Json(chart);
        var data = fig.GetProperty("data");
        Assert.Equal(4, data.GetArrayLength());
        Assert.Equal("σ<sub>1,W</sub>(t)", data[0].GetProperty("name").GetString());
        Assert.Equal("dash", data[1].GetProperty("line").GetProperty("dash").GetString());
        var shapes = fig.GetProperty("layout").GetProperty("shapes");
        Assert.Equal(2, shapes.GetArrayLength());
        Assert.Equal(2.0, shapes[1].GetProperty("x1").GetDouble()); // an unbounded window is clipped to the last time
        Assert.Contains("Figure 1", fig.GetProperty("layout").GetProperty("title").GetRawText());
    }

    [Fact]
    public void ErrorFigureUsesALogAxisAndAnEpsilonLine()
    {
        var chart = Figures.ErrorToBestRankK([1.0, 2], [[1.0, 0.01], [3.0, 0.05]], 0.1, [(1.0, 2.0)], "errors");
        var fig = Json(chart);
        Assert.Equal("log", fig.GetProperty("layout").GetProperty("yaxis").GetProperty("type").GetString());
        var names = fig.GetProperty("data").EnumerateArray().Select(d => d.GetProperty("name").GetString()).ToArray();
        Assert.Contains("ε = 0.1", names);
        Assert.Contains("‖W(t) − Ŷ<sub>2</sub>‖₂", names);
        Assert.Single(fig.GetProperty("layout").GetProperty("shapes").EnumerateArray());
    }
}

public class CheckTests
{
    [Fact]
    public void PassingChecksReturnAResultAndAreRecorded()
    {
        var r = Check.Close("pi", 3.14159265, Math.PI, 1e-8);
        Assert.True(r.Passed);
        Assert.Contains("relative error", r.Detail);
        Assert.Contains(CheckLog.All, c => ReferenceEquals(c, r));
        Assert.True(Check.AtMost("small", 1, 2).Passed);
        Assert.True(Check.AtLeast("big", 2, 1).Passed);
        Notebook.Setup();
        Assert.Contains("✓ small", Check.AtMost("small", 1, 2).ToDisplayString("text/plain").Replace("\r", ""));
    }

    [Fact]
    public void FailingChecksThrowWithNameNumbersAndTolerance()
    {
        var e = Assert.Throws<CheckFailedException>(() => Check.Close("closed form = flow", 1.1, 1.0, 1e-9));
        Assert.Contains("closed form = flow", e.Message);
        Assert.Contains("1.1", e.Message);
        Assert.Contains("1e-9", e.Message);
        Assert.False(e.Result.Passed);
        Assert.Contains(CheckLog.All, c => c.Name == "closed form = flow" && !c.Passed);
        Assert.Throws<CheckFailedException>(() => Check.That("claim", false, "because"));
    }

    [Fact]
    public void NaNNeverPasses()
    {
        Assert.Throws<CheckFailedException>(() => Check.Close("nan", double.NaN, 1, 1));
        Assert.Throws<CheckFailedException>(() => Check.AtMost("nan", double.NaN, 1));
        Assert.Throws<CheckFailedException>(() => Check.AtLeast("nan", double.NaN, 1));
    }

    [Fact]
    public void RecordingIsThreadSafe()
    {
        int before = CheckLog.All.Count(c => c.Name == "parallel");
        int seen = 0;
        void OnRecorded(CheckResult c) { if (c.Name == "parallel") Interlocked.Increment(ref seen); }
        CheckLog.Recorded += OnRecorded;
        Parallel.For(0, 1000, i => Check.AtMost("parallel", i, 1000));
        CheckLog.Recorded -= OnRecorded;
        Assert.Equal(1000, seen);
        Assert.Equal(before + 1000, CheckLog.All.Count(c => c.Name == "parallel"));
    }
}

public class DataTests
{
    [Fact]
    public void FindsDataFolderFromANestedFolderAndNamesSearchedPathsWhenMissing()
    {
        string root = Path.Combine(Path.GetTempPath(), "inclearn-data-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "data"));
            Directory.CreateDirectory(Path.Combine(root, "notebooks", "deep"));
            File.WriteAllText(Path.Combine(root, "data", "t.json"), "{\"n\": 3, \"eigenvalues\": [2, 1], \"phiSeed\": 1}");
            var set = NotebookData.Open("t.json", Path.Combine(root, "notebooks", "deep"));
            Assert.Equal(3, set.Int("n"));
            Assert.Equal(2, set.Target().K);
            var e = Assert.Throws<FileNotFoundException>(() => NotebookData.Open("missing.json", Path.Combine(root, "notebooks")));
            Assert.Contains(Path.Combine(root, "notebooks", "data", "missing.json"), e.Message);
            Assert.Contains(Path.Combine(root, "data", "missing.json"), e.Message);
        }
        finally
        {
            Directory.Delete(root, recursive: true); // tests leave no temporary folders
        }
    }
}

[Trait("Tier", "Browser")]
public class BrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [ToolFact(Chromium, "--version")]
    public void FigurePngIsDrawnOnceAtTheFiguresSizeAndCached()
    {
        string cache = Path.Combine(Path.GetTempPath(), "inclearn-cache-" + Guid.NewGuid().ToString("N"));
        string? before = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        Environment.SetEnvironmentVariable("XDG_CACHE_HOME", cache);
        try
        {
            Notebook.Setup();
            Assert.True(StaticImage.Available);
            var figure = Figures.Series([1.0, 2, 3], [("a", new[] { 1.0, 4, 9 })], "static", "x", "y");
            byte[] png = Convert.FromBase64String(figure.ToDisplayString("image/png"));
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
            // IHDR: width and height, big-endian, at bytes 16–23 — the figure's own size.
            int width = (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19];
            int height = (png[20] << 24) | (png[21] << 16) | (png[22] << 8) | png[23];
            Assert.Equal(figure.Size, (width, height));
            // Not a blank page: a drawn chart has many distinct bytes after compression.
            Assert.True(png.Length > 5_000, $"PNG of {png.Length} bytes");
            var cached = Assert.Single(Directory.GetFiles(Path.Combine(cache, "inclearn", "png")));
            Assert.Equal(png, File.ReadAllBytes(cached));
            // A new figure object with the same JSON comes from the cache, byte for byte.
            var again = Figures.Series([1.0, 2, 3], [("a", new[] { 1.0, 4, 9 })], "static", "x", "y");
            Assert.Equal(Convert.ToBase64String(png), again.Png());
        }
        finally
        {
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", before);
            if (Directory.Exists(cache)) Directory.Delete(cache, recursive: true);
        }
    }

    /// <summary>The notebook HTML of a chart carries its PNG: with no script (or no plotly.js, offline) the image shows; once
    /// plotly.js draws the chart the image is removed, so an interactive view shows the chart alone.</summary>
    [ToolFact(Chromium, "--version")]
    public void NotebookHtmlShowsItsImageUntilPlotlyDrawsTheChart()
    {
        string cache = Path.Combine(Path.GetTempPath(), "inclearn-cache-" + Guid.NewGuid().ToString("N"));
        string dir = Path.Combine(Path.GetTempPath(), "inclearn-browser-" + Guid.NewGuid().ToString("N"));
        string? before = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        Environment.SetEnvironmentVariable("XDG_CACHE_HOME", cache);
        try
        {
            Directory.CreateDirectory(dir);
            Notebook.Setup();
            var figure = Figures.Series([1.0, 2, 3], [("a", new[] { 1.0, 4, 9 })], "fallback", "x", "y");
            string html = figure.ToDisplayString("text/html");
            Assert.Contains("<img id=\"inclearn-png-", html);
            Assert.Contains("data:image/png;base64," + figure.Png(), html);

            // Offline: require.js cannot load plotly.js from its CDN, so the chart is never drawn and the image stays.
            string offline = Dom(dir, "offline", "<!DOCTYPE html><html><body>" + html + "</body></html>");
            Assert.Contains("id=\"inclearn-png-", offline);
            Assert.DoesNotContain("class=\"plot-container", offline);

            // With plotly.js (a require.js stand-in that hands over the inlined plotly.js), the chart replaces the image.
            string shim = "<script>" + PlotlyJs.Source + "</script><script>var requirejs = function () {};"
                + " requirejs.config = function () { return function (deps, done) { setTimeout(function () { done(Plotly); }, 0); }; };</script>";
            string drawn = Dom(dir, "drawn", "<!DOCTYPE html><html><head>" + shim + "</head><body>" + html + "</body></html>");
            Assert.Contains("class=\"plot-container", drawn);
            Assert.DoesNotContain("id=\"inclearn-png-", drawn);
        }
        finally
        {
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", before);
            foreach (var d in new[] { cache, dir })
                if (Directory.Exists(d)) Directory.Delete(d, recursive: true);
        }
    }

    private static string Dom(string dir, string name, string page)
    {
        string file = Path.Combine(dir, name + ".html");
        File.WriteAllText(file, page);
        var psi = new ProcessStartInfo(Chromium) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND",
                     $"--user-data-dir={Path.Combine(dir, "profile-" + name)}", "--virtual-time-budget=10000", "--dump-dom", new Uri(file).AbsoluteUri })
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var dom = p.StandardOutput.ReadToEndAsync();
        _ = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(90_000), "chromium did not finish within 90 s");
        return dom.Result;
    }

    [ToolFact(Chromium, "--version")]
    public void StandaloneFigureRendersANonEmptyPlotInHeadlessChromium()
    {
        string dir = Path.Combine(Path.GetTempPath(), "inclearn-browser-" + Guid.NewGuid().ToString("N"));
        string file = Path.Combine(dir, "figure.html");
        try
        {
            Figures.Series([1.0, 2, 3], [("a", new[] { 1.0, 4, 9 })], "offline", "x", "y").SaveHtml(file);
            var psi = new ProcessStartInfo(Chromium)
            {
                RedirectStandardOutput = true, RedirectStandardError = true,
            };
            foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                         "--disable-component-update", "--disable-sync", $"--user-data-dir={Path.Combine(dir, "profile")}", "--virtual-time-budget=10000", "--dump-dom", new Uri(file).AbsoluteUri })
                psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            var dom = p.StandardOutput.ReadToEndAsync();
            _ = p.StandardError.ReadToEndAsync();
            Assert.True(p.WaitForExit(90_000), "chromium did not finish within 90 s");
            Assert.Contains("class=\"main-svg\"", dom.Result);
            Assert.Contains("class=\"scatterlayer", dom.Result);
            Assert.Matches("class=\"js-line\"[^>]*d=\"M[0-9]", dom.Result);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); // tests leave no temporary folders
        }
    }
}
