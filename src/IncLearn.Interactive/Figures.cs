namespace IncLearn.Interactive;

/// <summary>
/// The tutorial's figures, as <see cref="Figure"/> values a notebook displays. Plotly.NET builds them inside the chart engine's
/// isolated context (see <see cref="ChartLoadContext"/> for why); inputs are series the math library computed, or the library's
/// objects themselves. Nothing here computes math beyond sampling what the library returns.
/// </summary>
public static class Figures
{
    private static IChartBuilder Engine => ChartEngine.Builder;

    /// <summary>Figure 1, left panel: σ_{i,W}(t) per mode, its target σ_{i,Y} dashed, windows shaded.</summary>
    /// <param name="t">Times.</param>
    /// <param name="sigmaW">sigmaW[i][j] = σ_{i,W}(t_j) for the modes to draw.</param>
    /// <param name="targets">σ_{i,Y} per drawn mode.</param>
    /// <param name="windows">Windows to shade (e.g. transition phases or I_k), may be empty.</param>
    /// <param name="title">Figure title.</param>
    public static Figure Trajectories(IReadOnlyList<double> t, IReadOnlyList<double[]> sigmaW, IReadOnlyList<double> targets,
        IEnumerable<(double Start, double End)> windows, string title)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(sigmaW);
        ArgumentNullException.ThrowIfNull(targets);
        if (t.Count == 0) throw new ArgumentException("t must hold at least one time", nameof(t));
        if (targets.Count < sigmaW.Count) throw new ArgumentException($"targets has {targets.Count} values for {sigmaW.Count} modes", nameof(targets));
        var labels = targets.Select((s, i) => $"σ<sub>{i + 1},Y</sub> = {Notebook.Num(s)}").ToArray();
        return new Figure(title, Engine.Trajectories(t.ToArray(), sigmaW.ToArray(), targets.ToArray(), labels, windows?.ToArray() ?? [], title));
    }

    /// <summary>‖W(t) − Ŷ_k‖₂ per k on a log axis, with ε as a line and the windows I_k shaded.</summary>
    public static Figure ErrorToBestRankK(IReadOnlyList<double> t, IReadOnlyList<double[]> errors, double epsilon,
        IEnumerable<(double Start, double End)> windows, string title)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(errors);
        if (t.Count == 0) throw new ArgumentException("t must hold at least one time", nameof(t));
        return new Figure(title, Engine.ErrorToBestRankK(t.ToArray(), errors.ToArray(), epsilon, $"ε = {Notebook.Num(epsilon)}", windows?.ToArray() ?? [], title));
    }

    /// <summary>Several named series over the same x on one plot; with <paramref name="markers"/> they are drawn as markers
    /// (so a line of another figure stays visible under them). A title may break lines with <c>&lt;br&gt;</c> (keep each line
    /// within about 60 characters so it fits a 700-px output).</summary>
    /// <param name="x">The common x values.</param>
    /// <param name="series">Named series, one value per x.</param>
    /// <param name="title">Figure title.</param>
    /// <param name="xTitle">x-axis title.</param>
    /// <param name="yTitle">y-axis title.</param>
    /// <param name="logY">Log y axis.</param>
    /// <param name="logX">Log x axis.</param>
    /// <param name="markers">Draw every series as markers.</param>
    /// <param name="distinctDashes">Lines get distinct dash styles (solid, dash, dot, dash-dot, …) in series order, so series
    /// that overlap stay apart.</param>
    /// <param name="horizontalLines">Thresholds drawn as black dotted horizontal lines, each with its name in the legend.</param>
    /// <param name="verticalLines">Thresholds drawn as black dotted vertical lines, each with its name in the legend.</param>
    public static Figure Series(IReadOnlyList<double> x, IReadOnlyList<(string Name, double[] Y)> series, string title, string xTitle, string yTitle,
        bool logY = false, bool logX = false, bool markers = false, bool distinctDashes = false,
        IReadOnlyList<(string Name, double Y)>? horizontalLines = null, IReadOnlyList<(string Name, double X)>? verticalLines = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(series);
        foreach (var (name, y) in series)
            if (y.Length != x.Count) throw new ArgumentException($"series '{name}' has {y.Length} values for {x.Count} x values", nameof(series));
        if (!distinctDashes && horizontalLines is null && verticalLines is null)
            return new Figure(title, Engine.Series(x.ToArray(), series.ToArray(), title, xTitle, yTitle, logY, logX, markers));
        var styled = series.Select((s, i) => (s.Name, s.Y, i, distinctDashes ? i : 0, markers)).ToArray();
        return Styled(x, styled, horizontalLines, verticalLines, title, xTitle, yTitle, logY, logX);
    }

    /// <summary>Lines and markers on one chart: marker series k has the colour of line k, so a computation drawn as markers
    /// sits visibly on the curve it should match (e.g. an integrator's values on the closed form's curves).</summary>
    /// <param name="x">The common x values.</param>
    /// <param name="lines">Series drawn as solid lines.</param>
    /// <param name="markers">Series drawn as markers, at most as many as <paramref name="lines"/>.</param>
    /// <param name="title">Figure title (may break lines with <c>&lt;br&gt;</c>).</param>
    /// <param name="xTitle">x-axis title.</param>
    /// <param name="yTitle">y-axis title.</param>
    /// <param name="horizontalLines">Thresholds drawn as black dotted horizontal lines, each named in the legend.</param>
    /// <param name="logY">Log y axis.</param>
    public static Figure LinesAndMarkers(IReadOnlyList<double> x, IReadOnlyList<(string Name, double[] Y)> lines, IReadOnlyList<(string Name, double[] Y)> markers,
        string title, string xTitle, string yTitle, IReadOnlyList<(string Name, double Y)>? horizontalLines = null, bool logY = false)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(markers);
        if (markers.Count > lines.Count)
            throw new ArgumentException($"markers must pair with lines: {markers.Count} marker series for {lines.Count} lines", nameof(markers));
        foreach (var (name, y) in lines.Concat(markers))
            if (y.Length != x.Count) throw new ArgumentException($"series '{name}' has {y.Length} values for {x.Count} x values", nameof(lines));
        var styled = lines.Select((s, i) => (s.Name, s.Y, i, 0, false)).Concat(markers.Select((s, i) => (s.Name, s.Y, i, 0, true))).ToArray();
        return Styled(x, styled, horizontalLines, null, title, xTitle, yTitle, logY, false);
    }

    private static Figure Styled(IReadOnlyList<double> x, (string, double[], int, int, bool)[] series, IReadOnlyList<(string Name, double Y)>? horizontalLines,
        IReadOnlyList<(string Name, double X)>? verticalLines, string title, string xTitle, string yTitle, bool logY, bool logX)
    {
        if (x.Count == 0) throw new ArgumentException("x must hold at least one value", nameof(x));
        var thresholds = (horizontalLines ?? []).Select(h => (h.Name, h.Y, false))
            .Concat((verticalLines ?? []).Select(v => (v.Name, v.X, true))).ToArray();
        foreach (var (name, value, _) in thresholds)
            if (!double.IsFinite(value)) throw new ArgumentException($"threshold '{name}' must be finite, got {value}", nameof(horizontalLines));
        return new Figure(title, Engine.StyledSeries(x.ToArray(), series, thresholds, title, xTitle, yTitle, logY, logX));
    }

    /// <summary>Several named series over the same x, each a line with markers in its own colour, dash and symbol (series that
    /// coincide stay visible), with thresholds the text is about: horizontal lines (ε, 1 − δ) and vertical markers (α_max).</summary>
    public static Figure SeriesWithThresholds(IReadOnlyList<double> x, IReadOnlyList<(string Name, double[] Y)> series, string title, string xTitle, string yTitle,
        IReadOnlyList<(string Name, double Y)>? horizontal = null, IReadOnlyList<(string Name, double X)>? vertical = null, bool logY = false, bool logX = false)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(series);
        foreach (var (name, y) in series)
            if (y.Length != x.Count) throw new ArgumentException($"series '{name}' has {y.Length} values for {x.Count} x values", nameof(series));
        return new Figure(title, Engine.SeriesWithThresholds(x.ToArray(), series.ToArray(), horizontal?.ToArray() ?? [], vertical?.ToArray() ?? [],
            title, xTitle, yTitle, logY, logX));
    }

    // Histogram of eigenvalues (as a density) against a reference density curve; see EigenvalueHistogram.
    private static Figure HistogramWithDensity(IEnumerable<double> samples, IReadOnlyList<double> densityX, IReadOnlyList<double> densityY,
        string samplesName, string densityName, string title, string xTitle)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(densityX);
        ArgumentNullException.ThrowIfNull(densityY);
        return new Figure(title, Engine.HistogramWithDensity(samples.ToArray(), densityX.ToArray(), densityY.ToArray(), samplesName, densityName, title, xTitle));
    }

    // Empirical CDF of samples with a vertical marker at markAt; see MCdf.
    private static Figure EmpiricalCdf(IEnumerable<double> samples, double markAt, string samplesName, string markName, string title, string xTitle, bool logX = true)
    {
        ArgumentNullException.ThrowIfNull(samples);
        return new Figure(title, Engine.EmpiricalCdf(samples.ToArray(), markAt, samplesName, markName, title, xTitle, logX));
    }

    /// <summary>Figure 1, left panel, from a Corollary-2 trajectory: σ_{i,W}(t) for the K non-zero modes, targets dashed,
    /// and the windows I_k (or any other windows) shaded.</summary>
    public static Figure Trajectories(SpectralTrajectory trajectory, IReadOnlyList<double> times, IEnumerable<IncrementalWindow>? windows, string title)
    {
        ArgumentNullException.ThrowIfNull(trajectory);
        int k = Modes(trajectory);
        return Trajectories(times, trajectory.On(times).Take(k).ToArray(), trajectory.SigmaY.Take(k).ToArray(), Spans(windows), title);
    }

    /// <summary>Figure 1, right panels, from Corollary-2 trajectories (e.g. three decreasing α), each on its own time grid;
    /// panels are labelled with their α.</summary>
    public static Figure TrajectoryPanels(IReadOnlyList<(SpectralTrajectory Trajectory, IReadOnlyList<double> Times)> panels, string title)
    {
        ArgumentNullException.ThrowIfNull(panels);
        if (panels.Count == 0) throw new ArgumentException("at least one panel is needed", nameof(panels));
        int k = Modes(panels[0].Trajectory);
        var data = panels.Select(p => ($"α = 10^{Notebook.Num(p.Trajectory.LogAlpha / Math.Log(10))}", p.Times.ToArray(),
            p.Trajectory.On(p.Times).Take(k).ToArray())).ToArray();
        return new Figure(title, Engine.TrajectoryPanels(data, panels[0].Trajectory.SigmaY.Take(k).ToArray(), title));
    }

    /// <summary>Figure 1 with a slider over α: one Corollary-2 trajectory per α, each on its own time grid, drawn on one time
    /// axis; moving the slider shows the transitions separate as α shrinks. Works wherever plotly.js runs (no kernel needed).</summary>
    public static Figure AlphaSlider(IReadOnlyList<(SpectralTrajectory Trajectory, IReadOnlyList<double> Times)> steps, string title)
    {
        ArgumentNullException.ThrowIfNull(steps);
        if (steps.Count == 0) throw new ArgumentException("at least one α is needed", nameof(steps));
        int k = Modes(steps[0].Trajectory);
        var data = steps.Select(p => ($"α = 10^{Notebook.Num(p.Trajectory.LogAlpha / Math.Log(10))}", p.Times.ToArray(),
            p.Trajectory.On(p.Times).Take(k).ToArray())).ToArray();
        return new Figure(title, Engine.AlphaSlider(data, steps[0].Trajectory.SigmaY.Take(k).ToArray(), title));
    }

    /// <summary>Histogram of the sampled eigenvalues of W̄₀ = Ū₀Ū₀ᵀ against the Marchenko–Pastur density of
    /// <see cref="RandomInitialization.MarchenkoPasturDensity"/>, drawn on <paramref name="points"/> points across its support.</summary>
    public static Figure EigenvalueHistogram(RandomInitialization random, SpectrumSamples samples, string title, int points = 200)
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
    public static Figure MCdf(SpectrumSamples samples, double mDelta, double delta, string title)
    {
        ArgumentNullException.ThrowIfNull(samples);
        return EmpiricalCdf(samples.M, mDelta, "max(‖W̄₀‖, ‖W̄₀⁻¹‖)", $"M<sub>δ</sub> = {Notebook.Num(mDelta)} (δ = {Notebook.Num(delta)})", title, "M (log)");
    }

    private static int Modes(SpectralTrajectory s) => Math.Max(1, s.SigmaY.Count(v => v > 0));

    private static (double Start, double End)[] Spans(IEnumerable<IncrementalWindow>? windows)
        => windows?.Select(w => (w.Start, w.End)).ToArray() ?? [];
}
