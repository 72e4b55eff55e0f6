using System.Text.Json;
using IncLearn.Interactive;
using MathNet.Numerics.LinearAlgebra;
using Microsoft.DotNet.Interactive.Formatting;

namespace IncLearn.Interactive.Tests;

/// <summary>Check cells: edge cases of the comparisons and the table of several checks.</summary>
public class CheckEdgeTests
{
    [Fact]
    public void CloseToZeroIsAnAbsoluteToleranceAndInfinityNeverPasses()
    {
        Assert.True(Check.Close("zero", 1e-13, 0, 1e-12).Passed);
        Assert.Throws<CheckFailedException>(() => Check.Close("zero", 1e-11, 0, 1e-12));
        Assert.Throws<CheckFailedException>(() => Check.Close("inf", double.PositiveInfinity, double.PositiveInfinity, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Check.Close("tol", 1, 1, double.NaN));
    }

    [Fact]
    public void FailedBoundsCarryBothNumbers()
    {
        var e = Assert.Throws<CheckFailedException>(() => Check.AtMost("error ≤ ε", 0.25, 0.1));
        Assert.Contains("error ≤ ε", e.Message);
        Assert.Contains("0.25 ≤ 0.1 is false", e.Message);
        var g = Assert.Throws<CheckFailedException>(() => Check.AtLeast("gap", 1, 10));
        Assert.Contains("1 ≥ 10 is false", g.Message);
    }

    [Fact]
    public void SeveralChecksRenderAsOneTable()
    {
        Notebook.Setup();
        var table = Check.All(Check.AtMost("a", 1, 2), Check.AtLeast("b", 3, 2), Check.That("c", true, "holds"));
        string html = table.ToDisplayString("text/html").Decoded();
        Assert.Equal(1, html.Split("<table").Length - 1);
        Assert.Equal(3, html.Split("<tr>").Length - 1);
        Assert.Equal(3, html.Split("✓").Length - 1);
        Assert.Equal(3, table.ToDisplayString("text/plain").Split('\n').Length);
    }
}
