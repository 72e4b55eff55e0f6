using System.Diagnostics;
using System.Text.Json;
using IncLearn.Interactive;
using IncLearn.TestSupport;
using MathNet.Numerics.LinearAlgebra;
using Microsoft.DotNet.Interactive.Formatting;

namespace IncLearn.Interactive.Tests;

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
