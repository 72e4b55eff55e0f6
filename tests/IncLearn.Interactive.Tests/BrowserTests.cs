using System.Text.Json;
using IncLearn.Interactive;
using IncLearn.TestSupport;
using MathNet.Numerics.LinearAlgebra;
using Microsoft.DotNet.Interactive.Formatting;

namespace IncLearn.Interactive.Tests;

[Trait("Tier", "Browser")]
[Collection(ProcessEnvironmentCollection.Name)]
public class BrowserTests
{
    [ToolFact(HeadlessChromium.Executable, "--version")]
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
    [ToolFact(HeadlessChromium.Executable, "--version")]
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
        return HeadlessChromium.DumpDom(file, Path.Combine(dir, "profile-" + name), TimeSpan.FromSeconds(90));
    }

    [ToolFact(HeadlessChromium.Executable, "--version")]
    public void StandaloneFigureRendersANonEmptyPlotInHeadlessChromium()
    {
        string dir = Path.Combine(Path.GetTempPath(), "inclearn-browser-" + Guid.NewGuid().ToString("N"));
        string file = Path.Combine(dir, "figure.html");
        try
        {
            Figures.Series([1.0, 2, 3], [("a", new[] { 1.0, 4, 9 })], "offline", "x", "y").SaveHtml(file);
            string dom = HeadlessChromium.DumpDom(file, Path.Combine(dir, "profile"), TimeSpan.FromSeconds(90));
            Assert.Contains("class=\"main-svg\"", dom);
            Assert.Contains("class=\"scatterlayer", dom);
            Assert.Matches("class=\"js-line\"[^>]*d=\"M[0-9]", dom);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); // tests leave no temporary folders
        }
    }
}
