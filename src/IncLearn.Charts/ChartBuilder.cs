using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Plotly.NET;
using Plotly.NET.CSharp;
using Plotly.NET.LayoutObjects;
using CSharpChart = Plotly.NET.CSharp.Chart;
using FSharpChart = Plotly.NET.Chart;

namespace IncLearn.Charts;

/// <summary>
/// Builds the tutorial's figures with Plotly.NET and returns each as its figure JSON and notebook HTML. Runs inside IncLearn.Interactive's isolated load context: every parameter and result is a base-library type, so
/// nothing of Plotly.NET or FSharp.Core 10.1 crosses into the kernel's default context. Labels that hold numbers arrive
/// formatted (the notebook layer owns the one number format). Inputs are series the math library computed.
/// </summary>
public static partial class ChartBuilder
{
    private const int Width = 820;
    private const int Height = 460;

    // Distinguishable in colour and, by luminance order, in greyscale print (Okabe–Ito based).
    private static readonly string[] Palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"];

    private static string ColorOf(int i) => Palette[i % Palette.Length];

    /// <summary>Where notebook chart outputs load plotly.js from (the version Plotly.NET 6 embeds), through require.js.</summary>
    public static string PlotlyCdn { get; } = $"https://cdn.plot.ly/plotly-{Globals.PLOTLYJS_VERSION}.min";

    /// <summary>The plotly.js version Plotly.NET embeds.</summary>
    public static string PlotlyJsVersion => Globals.PLOTLYJS_VERSION;

    /// <summary>The minified plotly.js that Plotly.NET embeds as a resource, for offline pages.</summary>
    public static string PlotlyJsSource()
    {
        var asm = typeof(GenericChart).Assembly;
        string name = asm.GetManifestResourceNames().Single(n => n.EndsWith(".min.js", StringComparison.Ordinal) && n.Contains("plotly", StringComparison.Ordinal));
        using var stream = asm.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>σ_{i,W}(t) per mode with its target σ_{i,Y} dashed and windows shaded (Figure 1, left).</summary>
    public static (string FigureJson, string Html) Trajectories(double[] t, double[][] sigmaW, double[] targets, string[] targetLabels,
        (double Start, double End)[] windows, string title)
    {
        var traces = new List<GenericChart>();
        for (int i = 0; i < sigmaW.Length; i++)
        {
            traces.Add(Line(t, sigmaW[i], $"σ<sub>{i + 1},W</sub>(t)", ColorOf(i)));
            traces.Add(Line([t[0], t[^1]], [targets[i], targets[i]], targetLabels[i], ColorOf(i), StyleParam.DrawingStyle.Dash));
        }
        var chart = Style(CSharpChart.Combine(traces), title, "time t", "σ<sub>i,W</sub>(t)");
        return Build(WithWindows(chart, windows, t[^1], "phase "));
    }

    /// <summary>Several trajectories side by side, one panel per label (Figure 1, right).</summary>
    public static (string FigureJson, string Html) TrajectoryPanels((string Label, double[] T, double[][] SigmaW)[] panels, double[] targets, string title)
    {
        var charts = panels.Select((p, k) =>
        {
            var traces = new List<GenericChart>();
            for (int i = 0; i < p.SigmaW.Length; i++)
            {
                traces.Add(Line(p.T, p.SigmaW[i], $"σ<sub>{i + 1},W</sub>(t)", ColorOf(i), showLegend: k == 0));
                traces.Add(Line([p.T[0], p.T[^1]], [targets[i], targets[i]], $"σ<sub>{i + 1},Y</sub>", ColorOf(i), StyleParam.DrawingStyle.Dash, showLegend: false));
            }
            var panel = CSharpChart.Combine(traces).WithXAxisStyle<double, double, string>(TitleText: "time t");
            return k == 0 ? panel.WithYAxisStyle<double, double, string>(TitleText: "σ<sub>i,W</sub>(t)") : panel;
        }).ToArray();
        var grid = WithTitle(CSharpChart.Grid(charts, 1, charts.Length, SubPlotTitles: panels.Select(p => Typeset(p.Label)).ToArray()), title)
            .WithSize(Width + 200, Height);
        // One time axis for all panels (each panel's x axis matches the first), so the separation is visible, not only in tick labels.
        foreach (var property in GenericChart.getLayout(grid).GetProperties(true))
            if (property.Key.StartsWith("xaxis", StringComparison.Ordinal) && property.Key != "xaxis" && property.Value is DynamicObj.DynamicObj x)
                x.SetProperty("matches", "x");
        return Build(grid);
    }

    /// <summary>
    /// One trajectory plot per α, chosen with a slider (plotly.js restyle steps, so it works in any page that runs plotly.js,
    /// offline pages included, with no kernel): every step's traces are in the figure and the slider shows one step's. The
    /// time axis is fixed to the longest grid so the transitions visibly move apart as α shrinks.
    /// </summary>
    public static (string FigureJson, string Html) AlphaSlider((string Label, double[] T, double[][] SigmaW)[] steps, double[] targets, string title)
    {
        var traces = new List<GenericChart>();
        var owner = new List<int>();
        double tMax = steps.Max(p => p.T[^1]);
        for (int k = 0; k < steps.Length; k++)
        {
            for (int i = 0; i < steps[k].SigmaW.Length; i++)
            {
                traces.Add(Line(steps[k].T, steps[k].SigmaW[i], $"σ<sub>{i + 1},W</sub>(t)", ColorOf(i), showLegend: k == 0));
                owner.Add(k);
            }
        }
        for (int i = 0; i < targets.Length; i++)
        {
            traces.Add(Line([0.0, tMax], [targets[i], targets[i]], $"σ<sub>{i + 1},Y</sub>", ColorOf(i), StyleParam.DrawingStyle.Dash, showLegend: false));
            owner.Add(-1); // targets: always visible
        }
        var chart = Style(CSharpChart.Combine(traces), title, "time t", "σ<sub>i,W</sub>(t)");
        var layout = GenericChart.getLayout(chart);
        var data = GenericChart.getTraces(chart).ToArray();
        for (int j = 0; j < data.Length; j++) data[j].SetProperty("visible", owner[j] is -1 or 0);
        var sliderSteps = steps.Select((p, k) =>
        {
            var step = new DynamicObj.DynamicObj();
            step.SetProperty("label", Typeset(p.Label));
            step.SetProperty("method", "restyle");
            var visible = new DynamicObj.DynamicObj();
            visible.SetProperty("visible", owner.Select(o => o == -1 || o == k).ToArray());
            step.SetProperty("args", new object[] { visible });
            return step;
        }).ToArray();
        var slider = new DynamicObj.DynamicObj();
        slider.SetProperty("active", 0);
        slider.SetProperty("steps", sliderSteps);
        var prefix = new DynamicObj.DynamicObj();
        prefix.SetProperty("prefix", "");
        slider.SetProperty("currentvalue", prefix);
        slider.SetProperty("pad", new Dictionary<string, int> { ["t"] = 50 });
        layout.SetProperty("sliders", new[] { slider });
        foreach (var property in layout.GetProperties(true))
            if (property.Key == "xaxis" && property.Value is DynamicObj.DynamicObj x) x.SetProperty("range", new[] { 0.0, tMax });
        return Build(chart.WithSize(Width, Height + 120));
    }

    /// <summary>‖W(t) − Ŷ_k‖₂ per k on a log axis, ε as a line, windows shaded.</summary>
    public static (string FigureJson, string Html) ErrorToBestRankK(double[] t, double[][] errors, double epsilon, string epsilonLabel,
        (double Start, double End)[] windows, string title)
    {
        var traces = errors.Select((e, k) => Line(t, e, $"‖W(t) − Ŷ<sub>{k + 1}</sub>‖₂", ColorOf(k))).ToList();
        traces.Add(Line([t[0], t[^1]], [epsilon, epsilon], epsilonLabel, "#000000", StyleParam.DrawingStyle.Dot));
        var chart = Style(CSharpChart.Combine(traces), title, "time t", "spectral-norm error (log)", logY: true);
        return Build(WithWindows(chart, windows, t[^1], "I"));
    }

    /// <summary>Named series over one x axis; with <paramref name="markers"/> they are drawn as markers only.</summary>
    public static (string FigureJson, string Html) Series(double[] x, (string Name, double[] Y)[] series, string title, string xTitle, string yTitle,
        bool logY, bool logX, bool markers)
    {
        var traces = series.Select((s, i) => markers
            ? CSharpChart.Scatter<double, double, string>(x: x, y: s.Y, mode: StyleParam.Mode.Markers, Name: Typeset(s.Name), MarkerColor: Color.fromString(ColorOf(i)))
            : Line(x, s.Y, s.Name, ColorOf(i))).ToArray();
        return Build(Style(CSharpChart.Combine(traces), title, xTitle, yTitle, logY, logX));
    }

    /// <summary>Several named series over the same x, each drawn as a line with markers in its own colour, dash and marker
    /// symbol (so series that coincide stay distinguishable), plus thresholds: horizontal lines (e.g. ε, 1 − δ) across the
    /// x range and vertical markers (e.g. α_max) across the y range of the data.</summary>
    public static (string FigureJson, string Html) SeriesWithThresholds(double[] x, (string Name, double[] Y)[] series,
        (string Name, double Y)[] horizontal, (string Name, double X)[] vertical, string title, string xTitle, string yTitle, bool logY, bool logX)
    {
        StyleParam.DrawingStyle[] dashes = [StyleParam.DrawingStyle.Solid, StyleParam.DrawingStyle.Dash, StyleParam.DrawingStyle.Dot, StyleParam.DrawingStyle.DashDot];
        StyleParam.MarkerSymbol[] symbols = [StyleParam.MarkerSymbol.Circle, StyleParam.MarkerSymbol.Square, StyleParam.MarkerSymbol.Diamond,
            StyleParam.MarkerSymbol.TriangleUp, StyleParam.MarkerSymbol.Cross, StyleParam.MarkerSymbol.X];
        var traces = series.Select((s, i) => CSharpChart.Scatter<double, double, string>(x: x, y: s.Y, mode: StyleParam.Mode.Lines_Markers,
            Name: Typeset(s.Name), MarkerColor: Color.fromString(ColorOf(i)), LineColor: Color.fromString(ColorOf(i)),
            LineDash: dashes[i % dashes.Length], MarkerSymbol: symbols[i % symbols.Length])).ToList();
        var finite = x.Where(v => double.IsFinite(v) && (!logX || v > 0)).ToArray();
        var ys = series.SelectMany(s => s.Y).Concat(horizontal.Select(h => h.Y)).Where(v => double.IsFinite(v) && (!logY || v > 0)).ToArray();
        for (int i = 0; i < horizontal.Length && finite.Length > 0; i++)
            traces.Add(Line([finite.Min(), finite.Max()], [horizontal[i].Y, horizontal[i].Y], horizontal[i].Name, ThresholdColor, i % 2 == 0 ? StyleParam.DrawingStyle.Dash : StyleParam.DrawingStyle.Dot));
        for (int i = 0; i < vertical.Length && ys.Length > 0; i++)
            traces.Add(Line([vertical[i].X, vertical[i].X], [ys.Min(), ys.Max()], vertical[i].Name, ThresholdColor, i % 2 == 0 ? StyleParam.DrawingStyle.DashDot : StyleParam.DrawingStyle.LongDash));
        return Build(Style(CSharpChart.Combine(traces), title, xTitle, yTitle, logY, logX));
    }

    // Thresholds are drawn in one neutral colour, so they never read as another series of the palette.
    private const string ThresholdColor = "#444444";


    // Dash styles in the order series get them when they must stay apart where they overlap (index modulo the length).
    private static readonly StyleParam.DrawingStyle[] Dashes =
        [StyleParam.DrawingStyle.Solid, StyleParam.DrawingStyle.Dash, StyleParam.DrawingStyle.Dot, StyleParam.DrawingStyle.DashDot,
         StyleParam.DrawingStyle.LongDash, StyleParam.DrawingStyle.LongDashDot];

    /// <summary>Named series over one x axis, each with its own colour index, dash index (see <see cref="Dashes"/>) and mode
    /// (line or markers), plus thresholds drawn as black dotted lines with a legend entry: horizontal ones across the x range,
    /// vertical ones across the range of the finite (positive on a log axis) series values.</summary>
    public static (string FigureJson, string Html) StyledSeries(double[] x, (string Name, double[] Y, int Color, int Dash, bool Markers)[] series,
        (string Name, double Value, bool Vertical)[] thresholds, string title, string xTitle, string yTitle, bool logY, bool logX)
    {
        var traces = series.Select(s => s.Markers
            ? CSharpChart.Scatter<double, double, string>(x: x, y: s.Y, mode: StyleParam.Mode.Markers, Name: Typeset(s.Name), MarkerColor: Color.fromString(ColorOf(s.Color)))
            : Line(x, s.Y, s.Name, ColorOf(s.Color), Dashes[s.Dash % Dashes.Length])).ToList();
        var values = series.SelectMany(s => s.Y).Where(v => double.IsFinite(v) && (!logY || v > 0)).DefaultIfEmpty(logY ? 1.0 : 0.0).ToArray();
        double yMin = values.Min(), yMax = values.Max();
        foreach (var (name, value, vertical) in thresholds)
            traces.Add(vertical
                ? Line([value, value], [yMin, yMax], name, "#000000", StyleParam.DrawingStyle.Dot)
                : Line([x[0], x[^1]], [value, value], name, "#000000", StyleParam.DrawingStyle.Dot));
        return Build(Style(CSharpChart.Combine(traces), title, xTitle, yTitle, logY, logX));
    }

    /// <summary>Histogram of samples as a density against a reference density curve.</summary>
    public static (string FigureJson, string Html) HistogramWithDensity(double[] samples, double[] densityX, double[] densityY,
        string samplesName, string densityName, string title, string xTitle)
    {
        var hist = CSharpChart.Histogram<double, double, string>(X: samples, Name: Typeset(samplesName), HistNorm: StyleParam.HistNorm.ProbabilityDensity,
            Opacity: 0.6, MarkerColor: Color.fromString(ColorOf(0)));
        var curve = Line(densityX, densityY, densityName, ColorOf(1));
        return Build(Style(CSharpChart.Combine([hist, curve]), title, xTitle, "density"));
    }

    /// <summary>Empirical CDF of samples with a vertical marker.</summary>
    public static (string FigureJson, string Html) EmpiricalCdf(double[] samples, double markAt, string samplesName, string markName, string title, string xTitle, bool logX)
    {
        var sorted = samples.OrderBy(x => x).ToArray();
        var y = sorted.Select((_, i) => (i + 1.0) / sorted.Length).ToArray();
        var cdf = Line(sorted, y, samplesName, ColorOf(0));
        var mark = Line([markAt, markAt], [0.0, 1.0], markName, ColorOf(1), StyleParam.DrawingStyle.Dash);
        return Build(Style(CSharpChart.Combine([cdf, mark]), title, xTitle, "empirical P(X ≤ x)", logX: logX));
    }

    /// <summary>Labels as plotly.js shows them: TeX-style sub- and superscripts (σ_i,W, ‖Y‖_F, Ŷ_{k+1}, 10^{-6}) become real
    /// ones (&lt;sub&gt;, &lt;sup&gt;), so notebooks can write labels as they write math in their text.</summary>
    public static string Typeset(string label)
    {
        label = Braced().Replace(label, m => $"<{(m.Groups[1].Value == "_" ? "sub" : "sup")}>{m.Groups[2].Value}</{(m.Groups[1].Value == "_" ? "sub" : "sup")}>");
        return Bare().Replace(label, m => $"<{(m.Groups[1].Value == "_" ? "sub" : "sup")}>{m.Groups[2].Value}</{(m.Groups[1].Value == "_" ? "sub" : "sup")}>");
    }

    [GeneratedRegex(@"([_^])\{([^{}]*)\}")]
    private static partial Regex Braced();

    // A bare subscript runs over letters, digits and commas (σ_i,W); a bare superscript over a sign and digits (10^-6).
    [GeneratedRegex(@"([_^])((?<=_)[\p{L}\p{N},]+|(?<=\^)[-+−]?[\p{N}.]+)")]
    private static partial Regex Bare();

    private static GenericChart Line(IEnumerable<double> x, IEnumerable<double> y, string name, string color, StyleParam.DrawingStyle? dash = null, bool showLegend = true)
        => CSharpChart.Line<double, double, string>(x: x, y: y, Name: Typeset(name), ShowLegend: showLegend, LineColor: Color.fromString(color),
            LineDash: dash ?? StyleParam.DrawingStyle.Solid);

    private static GenericChart WithTitle(GenericChart chart, string title)
        => FSharpChart.withTitle(Typeset(title), Microsoft.FSharp.Core.FSharpOption<Font>.None).Invoke(chart);

    private static GenericChart Style(GenericChart chart, string title, string xTitle, string yTitle, bool logY = false, bool logX = false)
        => WithTitle(chart, title)
            .WithXAxisStyle<double, double, string>(TitleText: Typeset(xTitle), AxisType: logX ? StyleParam.AxisType.Log : StyleParam.AxisType.Linear)
            .WithYAxisStyle<double, double, string>(TitleText: Typeset(yTitle), AxisType: logY ? StyleParam.AxisType.Log : StyleParam.AxisType.Linear)
            .WithSize(Width, Height);

    // Shapes are set through their plotly.js property names: Plotly.NET's F# Shape.init has optional arguments C# cannot omit.
    private static Shape Band(double x0, double x1, string color)
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

    // Window k, [start, end] clipped to xMax (an unbounded I_K ends at the last time), shaded in the colour of curve k and
    // labelled above the plot; empty windows and windows that start after xMax are not drawn.
    private static GenericChart WithWindows(GenericChart chart, (double Start, double End)[] windows, double xMax, string labelPrefix)
    {
        var drawn = windows.Select((w, k) => (w.Start, End: Math.Min(w.End, xMax), K: k)).Where(w => w.End >= w.Start).ToArray();
        if (drawn.Length == 0) return chart;
        var shapes = drawn.Select(w => Band(w.Start, w.End, Translucent(ColorOf(w.K)))).ToArray();
        // Labels whose centres lie closer than 6 % of the axis to the previous label's go one row higher, so overlapping
        // windows (e.g. transition phases) keep readable labels; well-separated windows stay on the first row.
        var rows = new int[drawn.Length];
        for (int j = 1; j < drawn.Length; j++)
        {
            double previous = (drawn[j - 1].Start + drawn[j - 1].End) / 2, centre = (drawn[j].Start + drawn[j].End) / 2;
            rows[j] = Math.Abs(centre - previous) < 0.06 * xMax ? (rows[j - 1] + 1) % 3 : 0;
        }
        var labels = drawn.Select((w, j) =>
        {
            var a = new Annotation();
            a.SetProperty("x", (w.Start + w.End) / 2);
            a.SetProperty("y", 1.0);
            a.SetProperty("xref", "x");
            a.SetProperty("yref", "paper");
            a.SetProperty("yanchor", "bottom");
            a.SetProperty("showarrow", false);
            a.SetProperty("text", $"{labelPrefix}<sub>{w.K + 1}</sub>");
            a.SetProperty("font", FontOf(ColorOf(w.K)));
            if (rows[j] > 0) a.SetProperty("yshift", 18 * rows[j]);
            return a;
        }).ToArray();
        chart = FSharpChart.withShapes(shapes, Microsoft.FSharp.Core.FSharpOption<bool>.Some(true)).Invoke(chart);
        return FSharpChart.withAnnotations(labels, Microsoft.FSharp.Core.FSharpOption<bool>.Some(true)).Invoke(chart);
    }

    private static string Translucent(string hex)
        => $"rgba({Convert.ToInt32(hex[1..3], 16)},{Convert.ToInt32(hex[3..5], 16)},{Convert.ToInt32(hex[5..7], 16)},0.15)";

    private static Font FontOf(string color)
    {
        var font = new Font();
        font.SetProperty("color", color);
        return font;
    }

    /// <summary>The figure JSON (plotly.js data, layout) and the notebook HTML of a chart (see <see cref="NotebookHtml"/>). The
    /// chart div's id is derived from the figure, so that re-executing a notebook reproduces its outputs byte for byte.</summary>
    private static (string FigureJson, string Html) Build(GenericChart chart)
    {
        Polish(chart);
        return FromJson(GenericChart.toFigureJson(chart));
    }

    /// <summary>The figure JSON and notebook HTML of a figure given as JSON (for a figure whose JSON the notebook layer
    /// annotated after it was built, e.g. with trace <c>meta</c>).</summary>
    public static (string FigureJson, string Html) FromJson(string json)
    {
        string id = new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(json)).AsSpan(0, 16)).ToString();
        return (json, NotebookHtml.Write(json, id, PlotlyCdn));
    }

    // House style, on every figure: fonts readable on a projector; ticks as powers of ten (10⁻⁶, not SI prefixes like "1µ").
    private static void Polish(GenericChart chart)
    {
        var layout = GenericChart.getLayout(chart);
        var font = new Font();
        font.SetProperty("size", 15);
        layout.SetProperty("font", font);
        foreach (var property in layout.GetProperties(true).ToArray())
            if ((property.Key.StartsWith("xaxis", StringComparison.Ordinal) || property.Key.StartsWith("yaxis", StringComparison.Ordinal))
                && property.Value is DynamicObj.DynamicObj axis)
                axis.SetProperty("exponentformat", "power");
    }
}
