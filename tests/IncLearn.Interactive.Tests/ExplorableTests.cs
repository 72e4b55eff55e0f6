using System.Text.Json;
using System.Text.RegularExpressions;
using IncLearn.Interactive;
using IncLearn.TestSupport;
using Microsoft.DotNet.Interactive.Formatting;

namespace IncLearn.Interactive.Tests;

/// <summary>
/// The in-page explorables: loaded in headless Chromium, their sliders set to three α (and an ε), the numbers the page computed
/// and drew are compared with the library's (<see cref="SpectralTrajectory"/>, <see cref="Theorem3"/>) at 1e-9 relative.
/// Both ways a page can provide plotly.js are exercised: a global Plotly (the runner's offline pages) and require.js (Jupyter).
/// </summary>
public class ExplorableTests
{
    private static readonly double[] SigmaY = [3, 2, 1, 0];
    private static readonly double[] Sigma0 = [1, 0.5, 2, 1];
    private static readonly double[] Log10Alphas = [-8, -5, -2.5];

    // Sets the sliders through the input events a reader's drag fires, and records what the page computed and drew.
    private const string Probe = """
        <script>window.addEventListener('load', function () { setTimeout(function () {
          var root = document.querySelector('.inclearn-explorable'), out = [];
          var alpha = root.querySelector('[data-role="alpha"]'), epsilon = root.querySelector('[data-role="epsilon"]');
          LOG10ALPHAS.forEach(function (v) {
            alpha.value = String(v); alpha.dispatchEvent(new Event('input'));
            if (epsilon) { epsilon.value = '-0.5'; epsilon.dispatchEvent(new Event('input')); }
            var plot = root.querySelector('[data-role="plot"]');
            out.push({ state: root.inclearnState, drawn: plot.data.map(function (d) { return d.y; }),
                       shapes: (plot.layout.shapes || []).map(function (s) { return [s.x0, s.x1]; }),
                       summary: root.querySelector('[data-role="summary"]').textContent });
          });
          document.body.setAttribute('data-probe', JSON.stringify({ steps: out, fallback: root.querySelector('[data-role="fallback"]') !== null,
            svg: root.querySelector('.main-svg') !== null }));
        }, 500); });</script>
        """;

    [ToolFact(HeadlessChromium.Executable, "--version")]
    public void SpectralTrajectoriesPageAgreesWithTheLibraryAtThreeAlphas()
    {
        Notebook.Setup();
        var explorable = Explorables.SpectralTrajectories(SigmaY, Sigma0, 1e-3, 0, 12, points: 121);
        var probe = Run(explorable, requireJs: false);
        Assert.True(probe.GetProperty("svg").GetBoolean(), "the chart was not drawn");
        double[] t = Enumerable.Range(0, 121).Select(j => j == 120 ? 12.0 : 12.0 * j / 120).ToArray();
        var steps = probe.GetProperty("steps").EnumerateArray().ToArray();
        Assert.Equal(3, steps.Length);
        int compared = 0;
        for (int s = 0; s < 3; s++)
        {
            double logAlpha = Log10Alphas[s] * Math.Log(10);
            Assert.Equal(Log10Alphas[s], steps[s].GetProperty("state").GetProperty("log10Alpha").GetDouble());
            var computed = steps[s].GetProperty("state").GetProperty("sigmaW").EnumerateArray().ToArray();
            var drawn = steps[s].GetProperty("drawn").EnumerateArray().ToArray();
            for (int i = 0; i < SigmaY.Length; i++)
                for (int j = 0; j < t.Length; j++)
                {
                    double library = SpectralTrajectory.Evaluate(SigmaY[i], Sigma0[i], logAlpha, t[j]);
                    AssertClose(library, computed[i][j].GetDouble(), $"σ_{i + 1},W({t[j]}) at log10 α = {Log10Alphas[s]}");
                    AssertClose(library, drawn[2 * i][j].GetDouble(), $"drawn σ_{i + 1},W({t[j]}) at log10 α = {Log10Alphas[s]}");
                    compared++;
                }
        }
        Assert.Equal(3 * 4 * 121, compared);
        // The three α give visibly different curves: the slider is not a no-op.
        Assert.NotEqual(steps[0].GetProperty("drawn")[0][60].GetDouble(), steps[2].GetProperty("drawn")[0][60].GetDouble());
    }

    [ToolFact(HeadlessChromium.Executable, "--version")]
    public void Theorem3WindowsPageAgreesWithTheLibraryAtThreeAlphas()
    {
        Notebook.Setup();
        double[] sigmaY = [3, 2, 1], sigma0 = [1, 0.5, 2];
        var explorable = Explorables.Theorem3Windows(sigmaY, sigma0, 1e-3, 0.5, 0, 12, points: 61);
        var probe = Run(explorable, requireJs: true);
        Assert.True(probe.GetProperty("svg").GetBoolean(), "the chart was not drawn");
        var steps = probe.GetProperty("steps").EnumerateArray().ToArray();
        Assert.Equal(3, steps.Length);
        var holds = new List<bool>();
        for (int s = 0; s < 3; s++)
        {
            double logAlpha = Log10Alphas[s] * Math.Log(10);
            var state = steps[s].GetProperty("state");
            double epsilon = state.GetProperty("epsilon").GetDouble();
            AssertClose(Math.Pow(10, -0.5), epsilon, "ε from the slider");
            var theorem = new Theorem3(Target.FromSpectrum(sigmaY, 3), sigma0, epsilon);
            var page = state.GetProperty("theorem3");
            AssertClose(theorem.SmallC, page.GetProperty("smallC").GetDouble(), "c_ε");
            AssertClose(theorem.LargeC, page.GetProperty("largeC").GetDouble(), "C_ε");
            AssertClose(theorem.Rho, page.GetProperty("rho").GetDouble(), "ρ");
            var windows = theorem.Windows(logAlpha);
            var pageWindows = page.GetProperty("windows").EnumerateArray().ToArray();
            Assert.Equal(windows.Count, pageWindows.Length);
            for (int k = 0; k < windows.Count; k++)
            {
                AssertClose(windows[k].Start, pageWindows[k][0].GetDouble(), $"I_{k + 1} start at log10 α = {Log10Alphas[s]}");
                if (double.IsPositiveInfinity(windows[k].End)) Assert.Equal(JsonValueKind.Null, pageWindows[k][1].ValueKind); // JSON writes ∞ as null
                else AssertClose(windows[k].End, pageWindows[k][1].GetDouble(), $"I_{k + 1} end at log10 α = {Log10Alphas[s]}");
            }
            Assert.Equal(theorem.HypothesesHold(logAlpha), page.GetProperty("hold").GetBoolean());
            holds.Add(page.GetProperty("hold").GetBoolean());
            // The drawn curves are eq. (12) too.
            var drawn = steps[s].GetProperty("drawn").EnumerateArray().ToArray();
            for (int i = 0; i < 3; i++)
                AssertClose(SpectralTrajectory.Evaluate(sigmaY[i], sigma0[i], logAlpha, 6.0), drawn[2 * i][30].GetDouble(), $"drawn σ_{i + 1},W(6)");
            Assert.Contains(page.GetProperty("hold").GetBoolean() ? "hypotheses hold" : "hypotheses fail", steps[s].GetProperty("summary").GetString());
        }
        // By hand: ε = 10^-0.5, log c_ε = log(ε/2) = −1.845, log C_ε = log(9/(0.5ε)) = 4.041, ρ = 2/3, so the ratio condition
        // needs −log α > (ρ log C_ε − log c_ε)/(1 − ρ) = 13.6, i.e. α < 1.2e-6: α = 1e-8 passes, 1e-5 and 10^-2.5 fail.
        Assert.Equal([true, false, false], holds);
    }

    [Fact]
    public void StaticViewsSayTheyShowTheDefaultAndNothingGivenBecomesMarkup()
    {
        Notebook.Setup();
        var explorable = Explorables.SpectralTrajectories([2, 1], [1, 1], 1e-3, 0, 10, points: 11, title: "</script><b>x</b> & y");
        string text = explorable.ToDisplayString(PlainTextFormatter.MimeType);
        Assert.Contains("shows the default α = 0.001", text);
        string html = explorable.Html;
        Assert.Contains("Static view: the default α = 0.001", html);
        Assert.DoesNotContain("<b>", html);
        Assert.Single(Regex.Matches(html, "</script>")); // only the explorable's own script ends
        Assert.Equal(2, Regex.Matches(html, "type=\"range\"|<script").Count);
        var json = JsonDocument.Parse(explorable.ToDisplayString(Explorable.MimeType)).RootElement;
        Assert.Equal("spectral", json.GetProperty("kind").GetString());
    }

    [Fact]
    public void BadInputsAreRejectedNamingTheParameter()
    {
        Assert.Equal("sigma0", Assert.Throws<ArgumentException>(() => Explorables.SpectralTrajectories([1, 2], [1], 1e-3, 0, 1)).ParamName);
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => Explorables.SpectralTrajectories([1], [1], 1e-20, 0, 1)).ParamName);
        Assert.Equal("tEnd", Assert.Throws<ArgumentOutOfRangeException>(() => Explorables.SpectralTrajectories([1], [1], 1e-3, 2, 1)).ParamName);
        Assert.Equal("sigmaY", Assert.Throws<ArgumentException>(() => Explorables.Theorem3Windows([1, 2], [1, 1], 1e-3, 0.5, 0, 1)).ParamName);
        Assert.Equal("epsilon", Assert.Throws<ArgumentOutOfRangeException>(() => Explorables.Theorem3Windows([2, 1], [1, 1], 1e-3, 1.5, 0, 1)).ParamName);
    }

    private static void AssertClose(double expected, double actual, string what)
        => Assert.True(Math.Abs(actual - expected) <= 1e-9 * Math.Abs(expected), $"{what}: page {actual:R}, library {expected:R}");

    private static JsonElement Run(Explorable explorable, bool requireJs)
    {
        string dir = Path.Combine(Path.GetTempPath(), "inclearn-explorable-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(dir);
            // The runner's offline page inlines plotly.js (a global Plotly); Jupyter provides require.js, stood in for here by a
            // loader that hands over the inlined plotly.js under its module name only (the global is removed).
            string head = "<script>" + PlotlyJs.Source + "</script>" + (requireJs
                ? "<script>var inclearnPlotly = window.Plotly; delete window.Plotly; var requirejs = function () {};"
                  + " requirejs.config = function () { return function (deps, done) { setTimeout(function () { done(inclearnPlotly); }, 0); }; };</script>"
                : "");
            string page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\">" + head + "</head><body>" + explorable.HtmlWithImageFallback()
                + Probe.Replace("LOG10ALPHAS", JsonSerializer.Serialize(Log10Alphas)) + "</body></html>";
            string file = Path.Combine(dir, "page.html");
            File.WriteAllText(file, page);
            string dom = HeadlessChromium.DumpDom(file, Path.Combine(dir, "profile"), TimeSpan.FromSeconds(120));
            var probed = HeadlessChromium.Probe(dom);
            Assert.True(probed.HasValue, "the probe did not run: " + dom[..Math.Min(2000, dom.Length)]);
            var probe = probed.Value;
            Assert.False(probe.GetProperty("fallback").GetBoolean(), "the static image stayed after the live chart was drawn");
            return probe;
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
