using System.Text.Json;
using IncLearn.Interactive;
using MathNet.Numerics.LinearAlgebra;
using Microsoft.DotNet.Interactive.Formatting;

namespace IncLearn.Interactive.Tests;

/// <summary>The math library's objects shown in a notebook, and the figures built from them.</summary>
public class LibraryObjectTests
{
    public LibraryObjectTests() => Notebook.Setup();

    private static readonly Target Y = Target.FromSpectrum([10, 6, 3, 1], 6, 7);
    private static readonly Initialization Spectral = Initialization.Spectral(Y, Enumerable.Repeat(1.0, 6).ToArray(), 1e-6);

    private static JsonElement Json(Figure figure) => JsonDocument.Parse(figure.Json).RootElement;

    private static string[] Names(JsonElement fig) => fig.GetProperty("data").EnumerateArray().Select(d => d.GetProperty("name").GetString()!).ToArray();

    [Fact]
    public void TargetCardShowsSizeSpectrumAndMatrix()
    {
        string html = Y.ToDisplayString("text/html").Decoded();
        Assert.Contains("inclearn-card", html);
        Assert.Contains("(10, 6, 3, 1)", html);
        Assert.Contains("6×6 matrix", html);
        Assert.Contains("<td>K (non-zero eigenvalues)</td><td style=\"font-family:monospace\">4</td>", html);
        Assert.Contains("σ_Y = (10, 6, 3, 1)", Y.ToDisplayString("text/plain"));
    }

    [Fact]
    public void SpectralTrajectoryCardShowsTheLibrarysTransitionTimes()
    {
        var s = new SpectralTrajectory(Y, Spectral);
        string text = s.ToDisplayString("text/plain");
        Assert.Contains($"transition t ≈ {Notebook.Num(s.TransitionTime(0))}", text);
        Assert.Contains("α = 10^-6", text);
        Assert.Contains("Corollary 2", s.ToDisplayString("text/html").Decoded());
    }

    [Fact]
    public void FlowTrajectoryShowsASummaryAndOnlyTheLastMatrix()
    {
        var w = Enumerable.Range(0, 300).Select(i => Matrix<double>.Build.DenseIdentity(3) * i).ToArray();
        var f = new FlowTrajectory(Enumerable.Range(0, 300).Select(i => i * 0.1).ToArray(), w, w, new StepStatistics(120, 7, 800));
        string html = f.ToDisplayString("text/html").Decoded();
        Assert.Contains("300 from 0 to 29.9", html);
        Assert.Contains("120 accepted, 7 rejected, 800 evaluations", html);
        Assert.Equal(1, html.Split("inclearn-matrix").Length - 1); // one matrix, not 600
        Assert.Contains("<td>299</td>", html);
    }

    [Fact]
    public void HypothesisWindowAndQuantileRenderCompactly()
    {
        var th = new Theorem3(Y, Enumerable.Repeat(1.0, 6).ToArray(), 0.1);
        var h = th.Hypotheses(th.LogAlphaMax)[0];
        Assert.StartsWith("✓ ", h.ToDisplayString("text/plain"));
        Assert.Contains(h.Relation, h.ToDisplayString("text/html").Decoded());
        var failing = th.Hypotheses(Math.Log(1e-2)).First(x => !x.Holds);
        Assert.StartsWith("✗ ", failing.ToDisplayString("text/plain"));
        Assert.Equal("I_2 = [1, 2.5]", new IncrementalWindow(2, 1, 2.5).ToDisplayString("text/plain"));
        Assert.Equal("3 (95 % interval [2, 4])", new QuantileEstimate(3, 2, 4).ToDisplayString("text/plain"));
    }

    [Fact]
    public void RandomInitializationAndSamplesShowRanges()
    {
        var r = new RandomInitialization(3, 6, 1);
        var samples = r.Sample(20);
        Assert.Contains("Marchenko–Pastur edges", r.ToDisplayString("text/html").Decoded());
        string text = samples.ToDisplayString("text/plain");
        Assert.Contains("trials = 20", text);
        Assert.Contains($"λ_max range = [{Notebook.Num(samples.LambdaMax.Min())}, {Notebook.Num(samples.LambdaMax.Max())}]", text);
    }

    [Fact]
    public void TrajectoriesFromACorollary2TrajectoryDrawTheNonZeroModesAndWindows()
    {
        var s = new SpectralTrajectory(Y, Spectral);
        var th = new Theorem3(Y, Enumerable.Repeat(1.0, 6).ToArray(), 0.1);
        var windows = th.Windows(th.LogAlphaMax); // non-empty at the largest admissible α
        double tMax = 1.5 * windows[^1].Start;
        double[] t = Enumerable.Range(0, 50).Select(j => j * tMax / 49).ToArray();
        var fig = Json(Figures.Trajectories(s, t, windows, "Figure 1 (left)"));
        Assert.Equal(2 * Y.K, fig.GetProperty("data").GetArrayLength()); // a curve and a dashed target per non-zero mode
        Assert.Equal(Y.K, fig.GetProperty("layout").GetProperty("shapes").GetArrayLength()); // I_1 … I_K
        Assert.Equal(tMax, fig.GetProperty("layout").GetProperty("shapes")[Y.K - 1].GetProperty("x1").GetDouble()); // I_K clipped
        // A window that starts after the last time is not drawn.
        Assert.Equal(Y.K - 1, Json(Figures.Trajectories(s, t.Where(x => x < windows[^1].Start).ToArray(), windows, "cut"))
            .GetProperty("layout").GetProperty("shapes").GetArrayLength());
        // The drawn values are the library's: σ_{1,W}(t_10) of Corollary 2, as serialized (Newtonsoft round-trips doubles).
        Assert.Equal(s.Sigma(0, t[10]), fig.GetProperty("data")[0].GetProperty("y")[10].GetDouble());
    }

    [Fact]
    public void PanelsFromTrajectoriesAreLabelledWithAlpha()
    {
        double[] t = [0, 1, 2];
        var panels = new[] { 1e-2, 1e-6, 1e-12 }.Select(a => (new SpectralTrajectory(Y, Spectral.WithAlpha(a)), (IReadOnlyList<double>)t)).ToArray();
        var fig = Json(Figures.TrajectoryPanels(panels, "Figure 1 (right)"));
        Assert.Equal(3 * 2 * Y.K, fig.GetProperty("data").GetArrayLength());
        string layout = fig.GetProperty("layout").GetRawText();
        Assert.Contains("α = 10<sup>-12</sup>", layout);
        Assert.True(fig.GetProperty("layout").TryGetProperty("xaxis3", out _));
    }

    [Fact]
    public void PanelsShareOneTimeAxisSoTheSeparationIsVisible()
    {
        // Figure 1 (right)'s claim: transitions separate as α shrinks. Each panel on its own x range would hide it.
        var panels = new[] { 1e-2, 1e-6 }.Select(a => (new SpectralTrajectory(Y, Spectral.WithAlpha(a)), (IReadOnlyList<double>)new double[] { 0, 1, 5 })).ToArray();
        var layout = Json(Figures.TrajectoryPanels(panels, "Figure 1 (right)")).GetProperty("layout");
        Assert.Equal("x", layout.GetProperty("xaxis2").GetProperty("matches").GetString());
    }

    [Fact]
    public void AlphaSliderShowsOneAlphaAtATimeOnAFixedTimeAxis()
    {
        var steps = new[] { 1e-2, 1e-6, 1e-12 }.Select(a => (new SpectralTrajectory(Y, Spectral.WithAlpha(a)),
            (IReadOnlyList<double>)Enumerable.Range(0, 20).Select(j => j * 0.5 * Math.Log(1 / a) / 10).ToArray())).ToArray();
        var fig = Json(Figures.AlphaSlider(steps, "Figure 1 with a slider over α"));
        var data = fig.GetProperty("data").EnumerateArray().ToArray();
        Assert.Equal(3 * Y.K + Y.K, data.Length); // a curve per mode per α, and the targets
        var slider = fig.GetProperty("layout").GetProperty("sliders")[0];
        Assert.Equal(3, slider.GetProperty("steps").GetArrayLength());
        Assert.Equal("α = 10<sup>-12</sup>", slider.GetProperty("steps")[2].GetProperty("label").GetString());
        // Step k shows exactly the curves of α_k (and the targets).
        var visible = slider.GetProperty("steps")[1].GetProperty("args")[0].GetProperty("visible").EnumerateArray().Select(v => v.GetBoolean()).ToArray();
        Assert.Equal(Y.K + Y.K, visible.Count(v => v));
        Assert.True(visible.Skip(Y.K).Take(Y.K).All(v => v));
        // One time axis: the longest grid (the smallest α's), so later transitions visibly sit further right.
        Assert.Equal(steps[2].Item2[^1], fig.GetProperty("layout").GetProperty("xaxis").GetProperty("range")[1].GetDouble());
    }

    [Fact]
    public void WindowsAreColouredAsTheirCurvesAndLabelled()
    {
        var solution = new ClosedFormSolution(Y, Spectral);
        double[] t = [0.5, 1, 2, 4];
        var fig = Json(Figures.ErrorToBestRankK(t, Measurements.ErrorsToBestRankK(solution, t), 0.1, [(0.5, 1), (1.5, 2)], "errors"));
        var layout = fig.GetProperty("layout");
        var data = fig.GetProperty("data");
        for (int k = 0; k < 2; k++)
        {
            string line = data[k].GetProperty("line").GetProperty("color").GetString()!; // "#RRGGBB"
            string rgb = $"{Convert.ToInt32(line[1..3], 16)},{Convert.ToInt32(line[3..5], 16)},{Convert.ToInt32(line[5..7], 16)}";
            Assert.Contains(rgb, layout.GetProperty("shapes")[k].GetProperty("fillcolor").GetString());
            Assert.Equal($"I<sub>{k + 1}</sub>", layout.GetProperty("annotations")[k].GetProperty("text").GetString());
        }
    }

    [Fact]
    public void LabelsWrittenAsTexGetRealSubscriptsAndSuperscripts()
    {
        var fig = Json(Figures.Series([1.0, 2], [("‖W − W_closed‖_F", new[] { 1.0, 2 })], "σ_i,W(t) at α = 10^{-6}", "time t", "λ_{i + 1}(W(t))"));
        Assert.Equal("‖W − W<sub>closed</sub>‖<sub>F</sub>", fig.GetProperty("data")[0].GetProperty("name").GetString());
        string layout = fig.GetProperty("layout").GetRawText();
        Assert.Contains("σ<sub>i,W</sub>(t) at α = 10<sup>-6</sup>", System.Text.RegularExpressions.Regex.Unescape(layout));
        Assert.Contains("λ<sub>i + 1</sub>(W(t))", System.Text.RegularExpressions.Regex.Unescape(layout));
        Assert.DoesNotContain("_", fig.GetProperty("data")[0].GetProperty("name").GetString());
    }

    [Fact]
    public void EveryAxisLabelsTicksAsPowersOfTen()
    {
        double[] t = [0.5, 1];
        var fig = Json(Figures.ErrorToBestRankK(t, Measurements.ErrorsToBestRankK(new ClosedFormSolution(Y, Spectral), t), 0.1, [], "errors"));
        var axes = fig.GetProperty("layout").EnumerateObject().Where(p => p.Name.StartsWith("xaxis") || p.Name.StartsWith("yaxis")).ToArray();
        Assert.NotEmpty(axes);
        Assert.All(axes, a => Assert.Equal("power", a.Value.GetProperty("exponentformat").GetString()));
    }

    [Fact]
    public void RandomInitFiguresFromSamples()
    {
        var r = new RandomInitialization(3, 6, 1);
        var samples = r.Sample(30);
        var hist = Json(Figures.EigenvalueHistogram(r, samples, "spectrum", points: 11));
        Assert.Equal(30 * 3, hist.GetProperty("data")[0].GetProperty("x").GetArrayLength());
        var (lo, hi) = r.MarchenkoPasturEdges;
        var curveX = hist.GetProperty("data")[1].GetProperty("x");
        Assert.Equal(lo, curveX[0].GetDouble());
        Assert.Equal(hi, curveX[10].GetDouble(), 1e-12 * hi); // lo + (hi − lo)·10/10 rounds within an ulp or two
        var cdf = Json(Figures.MCdf(samples, 42, 0.1, "M"));
        Assert.Equal("M<sub>δ</sub> = 42 (δ = 0.1)", cdf.GetProperty("data")[1].GetProperty("name").GetString());
        Assert.Equal("log", cdf.GetProperty("layout").GetProperty("xaxis").GetProperty("type").GetString());
    }
}
