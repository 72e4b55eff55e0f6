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
