using Plotly.NET;
using Plotly.NET.LayoutObjects;
using CSharpChart = Plotly.NET.CSharp.Chart;
using Plotly.NET.CSharp;

namespace IncLearn.Interactive;

/// <summary>
/// The tutorial's Plotly figures. Inputs are series the math library computed; nothing here computes math.
/// Every figure has a title, axis titles, a legend, a readable size, and log axes where the math is exponential.
/// </summary>
public static class Figures
{
    /// <summary>Default figure width in pixels.</summary>
    public const int Width = 820;

    /// <summary>Default figure height in pixels.</summary>
    public const int Height = 460;

    private static readonly string[] Palette = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"];

    /// <summary>A color per mode, stable across figures.</summary>
    public static string ColorOf(int i) => Palette[i % Palette.Length];

    private static GenericChart Line(IEnumerable<double> x, IEnumerable<double> y, string name, string color, StyleParam.DrawingStyle? dash = null, bool showLegend = true)
        => CSharpChart.Line<double, double, string>(x: x, y: y, Name: name, ShowLegend: showLegend, LineColor: Color.fromString(color),
            LineDash: dash ?? StyleParam.DrawingStyle.Solid);

    // Shapes are set through their plotly.js property names: Plotly.NET's F# Shape.init has optional arguments C# cannot omit.
    private static Shape Band(double x0, double x1, string color = "rgba(120,120,120,0.15)")
    {
        var shape = new Shape();
        shape.SetProperty("type", "rect");
        shape.SetProperty("x0", x0);
        shape.SetProperty("x1", x1);
        shape.SetProperty("y0", 0.0);
        shape.SetProperty("y1", 1.0);
        shape.SetProperty("xref", "x");
        shape.SetProperty("yref", "paper");
        shape.SetProperty("fillcolor", color);
        shape.SetProperty("layer", "below");
        var line = new Plotly.NET.Line();
        line.SetProperty("width", 0.0);
        shape.SetProperty("line", line);
        return shape;
    }

    /// <summary>Sets the chart title (Plotly.NET's F# Chart.withTitle, curried).</summary>
    public static GenericChart WithTitle(GenericChart chart, string title)
        => Plotly.NET.Chart.withTitle(title, Microsoft.FSharp.Core.FSharpOption<Font>.None).Invoke(chart);

    private static GenericChart Style(GenericChart chart, string title, string xTitle, string yTitle, bool logY = false, bool logX = false)
    {
        chart = WithTitle(chart, title)
            .WithXAxisStyle<double, double, string>(TitleText: xTitle, AxisType: logX ? StyleParam.AxisType.Log : StyleParam.AxisType.Linear)
            .WithYAxisStyle<double, double, string>(TitleText: yTitle, AxisType: logY ? StyleParam.AxisType.Log : StyleParam.AxisType.Linear)
            .WithSize(Width, Height);
        return chart;
    }

    /// <summary>Shades windows [start, end] (an infinite end is clipped to <paramref name="xMax"/>).</summary>
    public static GenericChart WithWindows(GenericChart chart, IEnumerable<(double Start, double End)> windows, double xMax)
    {
        var shapes = windows.Where(w => w.End >= w.Start).Select(w => Band(w.Start, Math.Min(w.End, xMax))).ToArray();
        return shapes.Length == 0 ? chart : Plotly.NET.Chart.withShapes(shapes, Microsoft.FSharp.Core.FSharpOption<bool>.Some(true)).Invoke(chart);
    }

    /// <summary>Figure 1, left panel: σ_{i,W}(t) per mode, its target σ_{i,Y} dashed, transition windows shaded.</summary>
    /// <param name="t">Times.</param>
    /// <param name="sigmaW">sigmaW[i][j] = σ_{i,W}(t_j) for the modes to draw.</param>
    /// <param name="targets">σ_{i,Y} per drawn mode.</param>
    /// <param name="windows">Windows to shade (e.g. transition phases or I_k), may be empty.</param>
    /// <param name="title">Figure title.</param>
    public static GenericChart Trajectories(IReadOnlyList<double> t, IReadOnlyList<double[]> sigmaW, IReadOnlyList<double> targets,
        IEnumerable<(double Start, double End)> windows, string title)
    {
        var traces = new List<GenericChart>();
        for (int i = 0; i < sigmaW.Count; i++)
        {
            traces.Add(Line(t, sigmaW[i], $"σ_{i + 1},W(t)", ColorOf(i)));
            traces.Add(Line([t[0], t[^1]], [targets[i], targets[i]], $"σ_{i + 1},Y = {Notebook.Num(targets[i])}", ColorOf(i), StyleParam.DrawingStyle.Dash));
        }
        var chart = Style(CSharpChart.Combine(traces), title, "time t", "σ_i,W(t)");
        return WithWindows(chart, windows, t[^1]);
    }

    /// <summary>Figure 1, right panels: the same trajectories for several α side by side.</summary>
    public static GenericChart TrajectoryPanels(IReadOnlyList<(string Label, double[] T, double[][] SigmaW)> panels, IReadOnlyList<double> targets, string title)
    {
        var charts = panels.Select((p, k) =>
        {
            var traces = new List<GenericChart>();
            for (int i = 0; i < p.SigmaW.Length; i++)
            {
                traces.Add(Line(p.T, p.SigmaW[i], $"σ_{i + 1},W", ColorOf(i), showLegend: k == 0));
                traces.Add(Line([p.T[0], p.T[^1]], [targets[i], targets[i]], $"σ_{i + 1},Y", ColorOf(i), StyleParam.DrawingStyle.Dash, showLegend: false));
            }
            return CSharpChart.Combine(traces);
        }).ToArray();
        var grid = CSharpChart.Grid(charts, 1, charts.Length, SubPlotTitles: panels.Select(p => p.Label).ToArray());
        return WithTitle(grid, title).WithSize(Width + 200, Height);
    }

    /// <summary>‖W(t) − Ŷ_k‖₂ per k on a log axis, with ε as a line and the windows I_k shaded.</summary>
    public static GenericChart ErrorToBestRankK(IReadOnlyList<double> t, IReadOnlyList<double[]> errors, double epsilon,
        IEnumerable<(double Start, double End)> windows, string title)
    {
        var traces = errors.Select((e, k) => Line(t, e, $"‖W(t) − Ŷ_{k + 1}‖₂", ColorOf(k))).ToList();
        traces.Add(Line([t[0], t[^1]], [epsilon, epsilon], $"ε = {Notebook.Num(epsilon)}", "#000000", StyleParam.DrawingStyle.Dot));
        var chart = Style(CSharpChart.Combine(traces), title, "time t", "spectral-norm error (log)", logY: true);
        return WithWindows(chart, windows, t[^1]);
    }

    /// <summary>Several named series over the same x on one plot (e.g. closed form vs integrator vs gradient descent, or their differences).</summary>
    public static GenericChart Series(IReadOnlyList<double> x, IReadOnlyList<(string Name, double[] Y)> series, string title, string xTitle, string yTitle,
        bool logY = false, bool logX = false, bool markers = false)
    {
        var traces = series.Select((s, i) => markers
            ? CSharpChart.Scatter<double, double, string>(x: x, y: s.Y, mode: StyleParam.Mode.Lines_Markers, Name: s.Name, LineColor: Color.fromString(ColorOf(i)), MarkerColor: Color.fromString(ColorOf(i)))
            : Line(x, s.Y, s.Name, ColorOf(i))).ToArray();
        return Style(CSharpChart.Combine(traces), title, xTitle, yTitle, logY, logX);
    }

    /// <summary>Histogram of eigenvalues (as a density) against a reference density curve (e.g. Marchenko–Pastur).</summary>
    public static GenericChart HistogramWithDensity(IEnumerable<double> samples, IReadOnlyList<double> densityX, IReadOnlyList<double> densityY,
        string samplesName, string densityName, string title, string xTitle)
    {
        var hist = CSharpChart.Histogram<double, double, string>(X: samples.ToArray(), Name: samplesName, HistNorm: StyleParam.HistNorm.ProbabilityDensity,
            Opacity: 0.6, MarkerColor: Color.fromString(ColorOf(0)));
        var curve = Line(densityX, densityY, densityName, ColorOf(1));
        return Style(CSharpChart.Combine([hist, curve]), title, xTitle, "density");
    }

    /// <summary>Empirical CDF of samples with a vertical marker at <paramref name="markAt"/>.</summary>
    public static GenericChart EmpiricalCdf(IEnumerable<double> samples, double markAt, string samplesName, string markName, string title, string xTitle, bool logX = true)
    {
        var sorted = samples.OrderBy(x => x).ToArray();
        var y = sorted.Select((_, i) => (i + 1.0) / sorted.Length).ToArray();
        var cdf = Line(sorted, y, samplesName, ColorOf(0));
        var mark = Line([markAt, markAt], [0.0, 1.0], markName, ColorOf(1), StyleParam.DrawingStyle.Dash);
        return Style(CSharpChart.Combine([cdf, mark]), title, xTitle, "empirical P(X ≤ x)", logX: logX);
    }

    /// <summary>Writes a standalone HTML page that draws the chart offline: the plotly.js Plotly.NET embeds is inlined.
    /// The file is written atomically (temporary file, then rename).</summary>
    public static void SaveHtml(GenericChart chart, string path)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string html = StandaloneHtml(chart);
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        string tmp = full + ".tmp-" + Environment.ProcessId;
        File.WriteAllText(tmp, html);
        File.Move(tmp, full, overwrite: true);
    }

    /// <summary>The standalone offline HTML of a chart (plotly.js inlined once).</summary>
    public static string StandaloneHtml(GenericChart chart)
    {
        string figure = GenericChart.toFigureJson(chart);
        string id = "inclearn-figure";
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>IncLearn figure</title><script>" + PlotlyJs.Source
            + "</script></head><body><div id=\"" + id + "\"></div><script>var fig = " + figure
            + "; Plotly.newPlot('" + id + "', fig.data, fig.layout, fig.config || {});</script></body></html>";
    }
}

/// <summary>The plotly.js that Plotly.NET 6 embeds as a resource (2.28.0), for offline pages.</summary>
public static class PlotlyJs
{
    private static readonly Lazy<string> source = new(() =>
    {
        var asm = typeof(GenericChart).Assembly;
        string name = asm.GetManifestResourceNames().Single(n => n.EndsWith(".min.js", StringComparison.Ordinal) && n.Contains("plotly", StringComparison.Ordinal));
        using var stream = asm.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>The minified plotly.js source.</summary>
    public static string Source => source.Value;
}
