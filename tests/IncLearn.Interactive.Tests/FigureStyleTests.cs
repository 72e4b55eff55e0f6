using System.Text.Json;
using IncLearn.Interactive;

namespace IncLearn.Interactive.Tests;

/// <summary>The figure features that make a chart carry its claim: distinct dashes for overlapping series, thresholds as
/// lines, lines and markers overlaid in paired colours, stacked labels for overlapping windows.</summary>
public class FigureStyleTests
{
    private static JsonElement Data(Figure figure) => JsonDocument.Parse(figure.Json).RootElement.GetProperty("data");

    private static string? Dash(JsonElement trace) => trace.GetProperty("line").GetProperty("dash").GetString();

    [Fact]
    public void DistinctDashesGiveEachLineItsOwnDashStyle()
    {
        double[] x = [0, 1, 2];
        var data = Data(Figures.Series(x, [("a", new[] { 1.0, 2, 3 }), ("b", new[] { 1.0, 2, 3.1 }), ("c", new[] { 1.0, 2, 3.2 })], "t", "x", "y", logY: true, distinctDashes: true));
        Assert.Equal(3, data.GetArrayLength());
        var dashes = Enumerable.Range(0, 3).Select(i => Dash(data[i])).ToArray();
        Assert.Equal(3, dashes.Distinct().Count());
        // Without the option a Series stays as it was: every line solid.
        var plain = Data(Figures.Series(x, [("a", new[] { 1.0, 2, 3 }), ("b", new[] { 1.0, 2, 3.1 })], "t", "x", "y"));
        Assert.All(Enumerable.Range(0, 2), i => Assert.Equal("solid", Dash(plain[i])));
    }

    [Fact]
    public void ThresholdsAreDottedLinesWithALegendEntry()
    {
        double[] x = [0, 1, 2];
        var data = Data(Figures.Series(x, [("error", new[] { 1e-12, 1e-6, 1e-2 })], "t", "x", "y", logY: true,
            horizontalLines: [("ε = 1e-8", 1e-8)], verticalLines: [("overflow", 1.5)]));
        Assert.Equal(3, data.GetArrayLength());
        var horizontal = data[1];
        Assert.Equal("ε = 1e-8", horizontal.GetProperty("name").GetString());
        Assert.Equal("dot", Dash(horizontal));
        Assert.Equal([0.0, 2.0], horizontal.GetProperty("x").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal([1e-8, 1e-8], horizontal.GetProperty("y").EnumerateArray().Select(v => v.GetDouble()));
        var vertical = data[2];
        Assert.Equal([1.5, 1.5], vertical.GetProperty("x").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal([1e-12, 1e-2], vertical.GetProperty("y").EnumerateArray().Select(v => v.GetDouble())); // the data's range
    }

    [Fact]
    public void LinesAndMarkersPairTheirColours()
    {
        double[] x = [0, 1, 2];
        var data = Data(Figures.LinesAndMarkers(x, [("λ_1 closed", new[] { 1.0, 2, 3 }), ("λ_2 closed", new[] { 0.5, 1, 1.5 })],
            [("λ_1 integrator", new[] { 1.0, 2, 3 }), ("λ_2 integrator", new[] { 0.5, 1, 1.5 })], "overlay", "t", "λ"));
        Assert.Equal(4, data.GetArrayLength());
        Assert.Equal("lines", data[0].GetProperty("mode").GetString());
        Assert.Equal("markers", data[2].GetProperty("mode").GetString());
        Assert.Equal(data[0].GetProperty("line").GetProperty("color").GetString(), data[2].GetProperty("marker").GetProperty("color").GetString());
        Assert.Equal(data[1].GetProperty("line").GetProperty("color").GetString(), data[3].GetProperty("marker").GetProperty("color").GetString());
        Assert.NotEqual(data[0].GetProperty("line").GetProperty("color").GetString(), data[1].GetProperty("line").GetProperty("color").GetString());
    }

    [Fact]
    public void BadThresholdsAndUnpairedMarkersAreRejected()
    {
        double[] x = [0, 1];
        var e = Assert.Throws<ArgumentException>(() => Figures.Series(x, [("a", new[] { 1.0, 2 })], "t", "x", "y", horizontalLines: [("bad", double.NaN)]));
        Assert.Contains("bad", e.Message, StringComparison.Ordinal);
        var m = Assert.Throws<ArgumentException>(() => Figures.LinesAndMarkers(x, [("a", new[] { 1.0, 2 })], [("b", new[] { 1.0, 2 }), ("c", new[] { 1.0, 2 })], "t", "x", "y"));
        Assert.Equal("markers", m.ParamName);
    }

    [Fact]
    public void LabelsOfOverlappingWindowsAreStacked()
    {
        double[] t = [0, 5, 10];
        var layout = JsonDocument.Parse(Figures.Trajectories(t, [[0, 5, 10], [0, 1, 6]], [10, 6], [(2.0, 3.0), (2.1, 3.2)], "overlap").Json).RootElement.GetProperty("layout");
        var annotations = layout.GetProperty("annotations");
        Assert.False(annotations[0].TryGetProperty("yshift", out _));
        Assert.Equal(18, annotations[1].GetProperty("yshift").GetInt32());
        var apart = JsonDocument.Parse(Figures.Trajectories(t, [[0, 5, 10], [0, 1, 6]], [10, 6], [(1.0, 2.0), (6.0, 8.0)], "apart").Json).RootElement.GetProperty("layout");
        Assert.All(apart.GetProperty("annotations").EnumerateArray(), a => Assert.False(a.TryGetProperty("yshift", out _)));
    }
}
