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

    /// <summary>Shades windows [start, end] clipped to [·, <paramref name="xMax"/>] (so an unbounded I_K ends at the last time);
    /// empty windows and windows that start after <paramref name="xMax"/> are not drawn.</summary>
    public static GenericChart WithWindows(GenericChart chart, IEnumerable<(double Start, double End)> windows, double xMax)
    {
        var shapes = windows.Select(w => (w.Start, End: Math.Min(w.End, xMax))).Where(w => w.End >= w.Start).Select(w => Band(w.Start, w.End)).ToArray();
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
            var panel = CSharpChart.Combine(traces).WithXAxisStyle<double, double, string>(TitleText: "time t");
            return k == 0 ? panel.WithYAxisStyle<double, double, string>(TitleText: "σ_i,W(t)") : panel;
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

    /// <summary>Figure 1, left panel, from a Corollary-2 trajectory: σ_{i,W}(t) for the K non-zero modes, targets dashed,
    /// and the windows I_k (or any other windows) shaded.</summary>
    public static GenericChart Trajectories(SpectralTrajectory trajectory, IReadOnlyList<double> times, IEnumerable<IncrementalWindow>? windows, string title)
    {
        ArgumentNullException.ThrowIfNull(trajectory);
        int k = Modes(trajectory);
        return Trajectories(times, trajectory.On(times).Take(k).ToArray(), trajectory.SigmaY.Take(k).ToArray(), Spans(windows), title);
    }

    /// <summary>Figure 1, right panels, from Corollary-2 trajectories (e.g. three decreasing α), each on its own time grid;
    /// panels are labelled with their α.</summary>
    public static GenericChart TrajectoryPanels(IReadOnlyList<(SpectralTrajectory Trajectory, IReadOnlyList<double> Times)> panels, string title)
    {
        ArgumentNullException.ThrowIfNull(panels);
        if (panels.Count == 0) throw new ArgumentException("at least one panel is needed", nameof(panels));
        int k = Modes(panels[0].Trajectory);
        var data = panels.Select(p => ($"α = 10^{Notebook.Num(p.Trajectory.LogAlpha / Math.Log(10))}", p.Times.ToArray(),
            p.Trajectory.On(p.Times).Take(k).ToArray())).ToArray();
        return TrajectoryPanels(data, panels[0].Trajectory.SigmaY.Take(k).ToArray(), title);
    }

    /// <summary>‖W(t) − Ŷ_k‖₂ of a closed-form solution on a log axis (the library's <see cref="Measurements.ErrorsToBestRankK"/>),
    /// ε as a line and the windows I_k shaded.</summary>
    public static GenericChart ErrorToBestRankK(ClosedFormSolution solution, IReadOnlyList<double> times, double epsilon,
        IEnumerable<IncrementalWindow>? windows, string title)
    {
        ArgumentNullException.ThrowIfNull(solution);
        return ErrorToBestRankK(times, Measurements.ErrorsToBestRankK(solution, times), epsilon, Spans(windows), title);
    }

    /// <summary>
    /// Several solutions of the same quantity (e.g. closed form vs integrator vs gradient descent) on top, and below, on a log
    /// axis, the absolute difference of each to the reference. Differences that are exactly 0 are not drawn (log axis).
    /// </summary>
    public static GenericChart Comparison(IReadOnlyList<double> x, (string Name, double[] Y) reference, IReadOnlyList<(string Name, double[] Y)> others,
        string title, string xTitle, string yTitle)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(others);
        foreach (var (name, y) in others.Prepend(reference))
            if (y.Length != x.Count) throw new ArgumentException($"series '{name}' has {y.Length} values for {x.Count} x values", nameof(others));
        var top = CSharpChart.Combine(others.Prepend(reference).Select((s, i) => Line(x, s.Y, s.Name, ColorOf(i))).ToArray())
            .WithYAxisStyle<double, double, string>(TitleText: yTitle);
        var bottom = CSharpChart.Combine(others.Select((s, i) =>
        {
            var d = s.Y.Select((v, j) => Math.Abs(v - reference.Y[j])).Select(v => v > 0 ? v : double.NaN).ToArray();
            return Line(x, d, $"|{s.Name} − {reference.Name}|", ColorOf(i + 1), StyleParam.DrawingStyle.Dot);
        }).ToArray()).WithYAxisStyle<double, double, string>(TitleText: "absolute difference (log)", AxisType: StyleParam.AxisType.Log)
            .WithXAxisStyle<double, double, string>(TitleText: xTitle);
        var grid = CSharpChart.Grid([top, bottom], 2, 1);
        return WithTitle(grid, title).WithSize(Width, Height + 240);
    }

    /// <summary>Histogram of the sampled eigenvalues of W̄₀ = Ū₀Ū₀ᵀ against the Marchenko–Pastur density of
    /// <see cref="RandomInitialization.MarchenkoPasturDensity"/>, drawn on <paramref name="points"/> points across its support.</summary>
    public static GenericChart EigenvalueHistogram(RandomInitialization random, SpectrumSamples samples, string title, int points = 200)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(samples);
        if (points < 2) throw new ArgumentOutOfRangeException(nameof(points), points, "need at least 2 points");
        var (lo, hi) = random.MarchenkoPasturEdges;
        var grid = Enumerable.Range(0, points).Select(j => lo + (hi - lo) * j / (points - 1)).ToArray();
        return HistogramWithDensity(samples.AllEigenvalues, grid, grid.Select(random.MarchenkoPasturDensity).ToArray(),
            $"eigenvalues of W̄₀ (n = {random.N}, r = {random.R})", "Marchenko–Pastur density", title, "eigenvalue λ of W̄₀");
    }

    /// <summary>Empirical CDF of M = max(‖W̄₀‖, ‖W̄₀⁻¹‖) over the samples, with M_δ marked (log x axis).</summary>
    public static GenericChart MCdf(SpectrumSamples samples, double mDelta, double delta, string title)
    {
        ArgumentNullException.ThrowIfNull(samples);
        return EmpiricalCdf(samples.M, mDelta, "max(‖W̄₀‖, ‖W̄₀⁻¹‖)", $"M_δ = {Notebook.Num(mDelta)} (δ = {Notebook.Num(delta)})", title, "M (log)");
    }

    private static int Modes(SpectralTrajectory s) => Math.Max(1, s.SigmaY.Count(v => v > 0));

    private static (double Start, double End)[] Spans(IEnumerable<IncrementalWindow>? windows)
        => windows?.Select(w => (w.Start, w.End)).ToArray() ?? [];

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
