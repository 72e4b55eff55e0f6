using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IncLearn.Html;
using System.Text.Json.Nodes;

namespace IncLearn.Interactive;

/// <summary>
/// In-page explorables of the closed forms: charts whose sliders recompute the curves in the browser from the formula, written
/// out in a few lines of JavaScript (no kernel round trip), so they work wherever the page's scripts run — Jupyter Notebook and
/// JupyterLab (plotly.js through require.js), VS Code (plotly.js from its CDN) and the runner's offline pages (plotly.js inlined).
/// Every number enters the script as JSON with &lt;, &gt; and &amp; escaped; no input becomes markup. The default chart is
/// computed here by the library (<see cref="SpectralTrajectory"/>, <see cref="Theorem3"/>) and is the static image.
/// </summary>
public static class Explorables
{
    /// <summary>Marks where <see cref="Explorable.HtmlWithImageFallback"/> puts the static image (an HTML comment).</summary>
    internal const string FallbackSlot = "<!--inclearn-fallback-->";

    // Escapes <, >, &, quotes and non-ASCII as \uXXXX: the JSON is safe inside a <script> element.
    private static readonly JsonSerializerOptions ScriptSafe = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default };

    /// <summary>
    /// Corollary 2, eq. (12): σ_{i,W}(t) = ασ_{i,0}σ_{i,Y}e^{2σ_{i,Y}t} / (σ_{i,Y} + ασ_{i,0}(e^{2σ_{i,Y}t} − 1)), evaluated in the page
    /// in its stable form ασ₀σ_Y / (σ_Y e^{−2σ_Y t} − ασ₀·expm1(−2σ_Y t)) (and eq. (13) ασ₀/(1 + 2ασ₀t) when σ_Y = 0), with a slider
    /// over log10 α. Each mode is drawn with its target σ_{i,Y} dashed.
    /// </summary>
    /// <param name="sigmaY">σ_{i,Y} ≥ 0 per mode (finite), e.g. <c>[3, 2, 1]</c>.</param>
    /// <param name="sigma0">σ_{i,0} ≥ 0 per mode (finite), same length as <paramref name="sigmaY"/>, e.g. <c>[1, 1, 1]</c>.</param>
    /// <param name="alpha">The default α &gt; 0 (what the static image shows); log10 α must lie in the slider's range.</param>
    /// <param name="tStart">First time of the grid, ≥ 0.</param>
    /// <param name="tEnd">Last time of the grid, &gt; <paramref name="tStart"/>.</param>
    /// <param name="points">Number of evenly spaced times, 2 … 5000.</param>
    /// <param name="minLog10Alpha">Left end of the α slider, in log10 α (default −12).</param>
    /// <param name="maxLog10Alpha">Right end of the α slider, in log10 α (default −1).</param>
    /// <param name="title">Chart title (plain text; default "Eq. (12): σ_i,W(t) as α changes").</param>
    /// <exception cref="ArgumentException">an input breaks the rule its description states.</exception>
    public static Explorable SpectralTrajectories(double[] sigmaY, double[] sigma0, double alpha, double tStart, double tEnd,
        int points = 241, double minLog10Alpha = -12, double maxLog10Alpha = -1, string? title = null)
    {
        var (t, log10Alpha) = CheckCommon(sigmaY, sigma0, alpha, tStart, tEnd, points, minLog10Alpha, maxLog10Alpha);
        title ??= "Eq. (12): σ_i,W(t) as α changes";
        var figure = TrajectoryFigure(sigmaY, sigma0, log10Alpha, t, [], title);
        var spec = new JsonObject
        {
            ["kind"] = "spectral",
            ["t"] = Array(t),
            ["sigmaY"] = Array(sigmaY),
            ["sigma0"] = Array(sigma0),
            ["log10Alpha"] = log10Alpha,
            ["figure"] = JsonNode.Parse(figure.Json),
        };
        string state = "α = " + Notebook.Num(alpha);
        var sliders = new[] { Slider("alpha", "log10 α", minLog10Alpha, maxLog10Alpha, log10Alpha, state) };
        return Build(title, state, spec, sliders, figure);
    }

    /// <summary>
    /// Theorem 3's windows I_k = [log(C_ε/α)/(2σ_k), log(c_ε/α)/(2σ_{k+1})] (σ_{K+1} := 0, so I_K is unbounded), with
    /// c_ε = ε/max_i σ_{i,0} and C_ε = σ₁²/(ε min_{i≤K} σ_{i,0}), shaded over the trajectories σ_{i,W}(t) of eq. (12); sliders over
    /// log10 α and log10 ε; a line states c_ε, C_ε, the windows and whether the hypotheses hold (α ≤ c_ε and
    /// (−log α + log c_ε)/(−log α + log C_ε) &gt; ρ = max σ_{k+1}/σ_k; 0 &lt; ε ≤ σ_K holds by the ε slider's range).
    /// </summary>
    /// <param name="sigmaY">σ_{i,Y} per mode, non-increasing: K distinct positive values, then zeros (e.g. <c>[3, 2, 1]</c>).</param>
    /// <param name="sigma0">σ_{i,0} per mode, &gt; 0 on the K non-zero modes, same length as <paramref name="sigmaY"/>.</param>
    /// <param name="alpha">The default α &gt; 0; log10 α must lie in the α slider's range.</param>
    /// <param name="epsilon">The default tolerance ε, 0 &lt; ε ≤ σ_K. The ε slider spans log10 ε from log10 σ_K − 3 to log10 σ_K.</param>
    /// <param name="tStart">First time of the grid, ≥ 0.</param>
    /// <param name="tEnd">Last time of the grid, &gt; <paramref name="tStart"/> (the unbounded I_K is shaded up to it).</param>
    /// <param name="points">Number of evenly spaced times, 2 … 5000.</param>
    /// <param name="minLog10Alpha">Left end of the α slider, in log10 α (default −12).</param>
    /// <param name="maxLog10Alpha">Right end of the α slider, in log10 α (default −1).</param>
    /// <param name="title">Chart title (plain text; default "Theorem 3: windows I_k as α and ε change").</param>
    /// <exception cref="ArgumentException">an input breaks the rule its description states, or Theorem 3 rejects it.</exception>
    public static Explorable Theorem3Windows(double[] sigmaY, double[] sigma0, double alpha, double epsilon, double tStart, double tEnd,
        int points = 241, double minLog10Alpha = -12, double maxLog10Alpha = -1, string? title = null)
    {
        var (t, log10Alpha) = CheckCommon(sigmaY, sigma0, alpha, tStart, tEnd, points, minLog10Alpha, maxLog10Alpha);
        for (int i = 0; i + 1 < sigmaY.Length; i++)
            if (sigmaY[i + 1] > sigmaY[i])
                throw new ArgumentException($"sigmaY must be non-increasing: sigmaY[{i + 1}] = {sigmaY[i + 1]} > sigmaY[{i}] = {sigmaY[i]}", nameof(sigmaY));
        int k = sigmaY.Count(s => s > 0);
        if (k == 0) throw new ArgumentException("sigmaY must hold at least one positive value (Y = 0 has nothing to learn)", nameof(sigmaY));
        double sigmaK = sigmaY[k - 1];
        // The library validates the rest (distinct values, 0 < ε ≤ σ_K, σ_{i,0} > 0 on the K modes) and computes the default windows.
        var theorem = new Theorem3(Target.FromSpectrum(sigmaY, sigmaY.Length), sigma0, epsilon);
        double logAlpha = log10Alpha * Math.Log(10);
        var windows = theorem.Windows(logAlpha).Select(w => (w.Start, w.End)).ToArray();
        title ??= "Theorem 3: windows I_k as α and ε change";
        var figure = TrajectoryFigure(sigmaY, sigma0, log10Alpha, t, windows, title);
        double log10Epsilon = Math.Log10(epsilon);
        var spec = new JsonObject
        {
            ["kind"] = "theorem3",
            ["t"] = Array(t),
            ["sigmaY"] = Array(sigmaY),
            ["sigma0"] = Array(sigma0),
            ["log10Alpha"] = log10Alpha,
            ["log10Epsilon"] = log10Epsilon,
            ["figure"] = JsonNode.Parse(figure.Json),
        };
        string state = $"α = {Notebook.Num(alpha)} and ε = {Notebook.Num(epsilon)}";
        var sliders = new[]
        {
            Slider("alpha", "log10 α", minLog10Alpha, maxLog10Alpha, log10Alpha, "α = " + Notebook.Num(alpha)),
            Slider("epsilon", "log10 ε", Math.Log10(sigmaK) - 3, Math.Log10(sigmaK), log10Epsilon, "ε = " + Notebook.Num(epsilon)),
        };
        return Build(title, state, spec, sliders, figure);
    }

    private static (double[] T, double Log10Alpha) CheckCommon(double[] sigmaY, double[] sigma0, double alpha, double tStart, double tEnd,
        int points, double minLog10Alpha, double maxLog10Alpha)
    {
        ArgumentNullException.ThrowIfNull(sigmaY);
        ArgumentNullException.ThrowIfNull(sigma0);
        if (sigmaY.Length == 0) throw new ArgumentException("sigmaY must hold at least one mode", nameof(sigmaY));
        if (sigma0.Length != sigmaY.Length)
            throw new ArgumentException($"sigma0 must have one entry per mode: {sigma0.Length} entries for {sigmaY.Length} modes", nameof(sigma0));
        for (int i = 0; i < sigmaY.Length; i++)
        {
            if (!double.IsFinite(sigmaY[i]) || sigmaY[i] < 0)
                throw new ArgumentException($"sigmaY must be finite and ≥ 0: sigmaY[{i}] = {sigmaY[i]}", nameof(sigmaY));
            if (!double.IsFinite(sigma0[i]) || sigma0[i] < 0)
                throw new ArgumentException($"sigma0 must be finite and ≥ 0: sigma0[{i}] = {sigma0[i]}", nameof(sigma0));
        }
        if (!double.IsFinite(minLog10Alpha) || !double.IsFinite(maxLog10Alpha) || !(minLog10Alpha < maxLog10Alpha))
            throw new ArgumentOutOfRangeException(nameof(maxLog10Alpha), maxLog10Alpha, $"the α slider needs finite ends with minLog10Alpha < maxLog10Alpha (minLog10Alpha = {minLog10Alpha})");
        if (!double.IsFinite(alpha) || !(alpha > 0))
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "α must be finite and > 0");
        double log10Alpha = Math.Log10(alpha);
        if (log10Alpha < minLog10Alpha || log10Alpha > maxLog10Alpha)
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, $"log10 α must lie in the slider's range [{minLog10Alpha}, {maxLog10Alpha}]");
        if (!double.IsFinite(tStart) || tStart < 0) throw new ArgumentOutOfRangeException(nameof(tStart), tStart, "tStart must be finite and ≥ 0");
        if (!double.IsFinite(tEnd) || !(tEnd > tStart)) throw new ArgumentOutOfRangeException(nameof(tEnd), tEnd, $"tEnd must be finite and > tStart = {tStart}");
        if (points < 2 || points > 5000) throw new ArgumentOutOfRangeException(nameof(points), points, "points must lie in 2 … 5000");
        var t = new double[points];
        for (int j = 0; j < points; j++) t[j] = j == points - 1 ? tEnd : tStart + (tEnd - tStart) * j / (points - 1);
        return (t, log10Alpha);
    }

    // The default state, computed by the library: eq. (12) per mode, targets dashed, windows shaded.
    private static Figure TrajectoryFigure(double[] sigmaY, double[] sigma0, double log10Alpha, double[] t, (double Start, double End)[] windows, string title)
    {
        double logAlpha = log10Alpha * Math.Log(10);
        var sigmaW = sigmaY.Select((s, i) => t.Select(x => SpectralTrajectory.Evaluate(s, sigma0[i], logAlpha, x)).ToArray()).ToArray();
        return Figures.Trajectories(t, sigmaW, sigmaY, windows, title);
    }

    private static JsonArray Array(IEnumerable<double> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    private sealed record SliderSpec(string Role, string Label, double Min, double Max, double Value, string Shown);

    private static SliderSpec Slider(string role, string label, double min, double max, double value, string shown) => new(role, label, min, max, value, shown);

    private static Explorable Build(string title, string state, JsonObject spec, SliderSpec[] sliders, Figure figure)
    {
        string specJson = spec.ToJsonString(ScriptSafe);
        string id = "inclearn-x-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(specJson)), 0, 16).ToLowerInvariant();
        string cdn = "https://cdn.plot.ly/plotly-" + ChartEngine.Builder.PlotlyJsVersion + ".min";
        var html = new StringBuilder();
        html.Append("<div class=\"inclearn-explorable\" id=\"").Append(id).Append("\">").Append(FallbackSlot)
            .Append("<div data-role=\"plot\"></div><div style=\"display:flex;flex-wrap:wrap;gap:0.5em 2em;align-items:center;margin:0.3em 0\">");
        foreach (var s in sliders)
            html.Append("<label style=\"white-space:nowrap\">").Append(SafeHtml.Text(s.Label)).Append(" <input type=\"range\" data-role=\"")
                .Append(s.Role).Append("\" min=\"").Append(Invariant(s.Min)).Append("\" max=\"").Append(Invariant(s.Max))
                .Append("\" step=\"any\" value=\"").Append(Invariant(s.Value)).Append("\"> <output data-role=\"").Append(s.Role).Append("-value\">")
                .Append(SafeHtml.Text(s.Shown)).Append("</output></label>");
        html.Append("</div><p data-role=\"summary\" style=\"margin:0.2em 0\">")
            .Append(SafeHtml.Text($"Static view: the default {state}. In a live page the sliders recompute the curves here, from the closed form."))
            .Append("</p><script type=\"text/javascript\">\n(function () {\nvar spec = ").Append(specJson).Append(";\nvar root = document.getElementById('")
            .Append(id).Append("');\nvar plotlyCdn = ").Append(JsonSerializer.Serialize(cdn, ScriptSafe)).Append(";\n").Append(Script).Append("\n})();\n</script></div>");
        return new Explorable(title, state, specJson, html.ToString(), figure);
    }

    private static string Invariant(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    // The page's half: eq. (12) in its stable form, Theorem 3's constants and windows, and the redraw. Kept next to the C#
    // that the test compares it with; plain ES5 so that every front end runs it.
    private const string Script = """
        function sigmaW(sy, s0, logA, t) {
          if (s0 === 0) return 0;
          if (sy === 0) return 1 / (Math.exp(-(logA + Math.log(s0))) + 2 * t);
          var x = -2 * sy * t;
          return sy / (sy * Math.exp(x - logA - Math.log(s0)) - Math.expm1(x));
        }
        function theorem3(logA, eps) {
          var s = spec.sigmaY, K = s.filter(function (v) { return v > 0; }).length, max0 = Math.max.apply(null, spec.sigma0);
          var min0 = Math.min.apply(null, spec.sigma0.slice(0, K)), rho = 0, windows = [];
          for (var k = 0; k + 1 < K; k++) rho = Math.max(rho, s[k + 1] / s[k]);
          var logc = Math.log(eps) - Math.log(max0), logC = 2 * Math.log(s[0]) - Math.log(eps) - Math.log(min0);
          for (k = 0; k < K; k++)
            windows.push([(logC - logA) / (2 * s[k]), k + 1 < K ? (logc - logA) / (2 * s[k + 1]) : Infinity]);
          var x = -logA, ratio = (x + logc) / (x + logC);
          var ratioHolds = K === 1 || (x + logC > 0 && ratio > rho);
          return { smallC: Math.exp(logc), largeC: Math.exp(logC), rho: rho, ratio: ratio, alphaBelowSmallC: logA <= logc,
                   ratioHolds: ratioHolds, hold: logA <= logc && ratioHolds, windows: windows };
        }
        function num(v) {
          if (v === Infinity) return '∞';
          var a = Math.abs(v);
          return v === 0 ? '0' : (a >= 1e-3 && a < 1e5 ? String(Number(v.toFixed(4))) : v.toExponential(3).replace('e+', 'e'));
        }
        function control(role) { return root.querySelector('[data-role="' + role + '"]'); }
        function draw(Plotly) {
          var plot = control('plot'), alpha = control('alpha'), epsilon = control('epsilon'), summary = control('summary');
          var base = spec.figure, first = true;
          function update() {
            var log10A = first ? spec.log10Alpha : Number(alpha.value);
            var log10E = epsilon ? (first ? spec.log10Epsilon : Number(epsilon.value)) : null;
            first = false;
            var logA = log10A * Math.LN10, ys = spec.sigmaY.map(function (sy, i) {
              return spec.t.map(function (t) { return sigmaW(sy, spec.sigma0[i], logA, t); });
            });
            var data = base.data.map(function (trace, j) {
              var copy = Object.assign({}, trace);
              if (j % 2 === 0 && j / 2 < ys.length) copy.y = ys[j / 2];
              return copy;
            });
            var layout = Object.assign({}, base.layout), state = { log10Alpha: log10A, sigmaW: ys };
            control('alpha-value').textContent = 'α = ' + num(Math.pow(10, log10A));
            if (epsilon) {
              var eps = Math.pow(10, log10E), th = theorem3(logA, eps), tMax = spec.t[spec.t.length - 1];
              control('epsilon-value').textContent = 'ε = ' + num(eps);
              layout.shapes = []; layout.annotations = [];
              th.windows.forEach(function (w, k) {
                var end = Math.min(w[1], tMax);
                if (!(end >= w[0])) return;
                var color = (base.data[2 * k].line || {}).color || '#888';
                var rgb = /^#[0-9a-fA-F]{6}$/.test(color) ? [1, 3, 5].map(function (p) { return parseInt(color.substr(p, 2), 16); }).join(',') : '136,136,136';
                layout.shapes.push({ type: 'rect', x0: w[0], x1: end, y0: 0, y1: 1, xref: 'x', yref: 'paper', fillcolor: 'rgba(' + rgb + ',0.15)', layer: 'below', line: { width: 0 } });
                layout.annotations.push({ x: (w[0] + end) / 2, y: 1, xref: 'x', yref: 'paper', yanchor: 'bottom', showarrow: false, text: 'I<sub>' + (k + 1) + '</sub>', font: { color: color } });
              });
              summary.textContent = 'c_ε = ' + num(th.smallC) + ', C_ε = ' + num(th.largeC) + '; α ≤ c_ε: ' + (th.alphaBelowSmallC ? 'yes' : 'no')
                + '; ratio ' + num(th.ratio) + ' > ρ = ' + num(th.rho) + ': ' + (th.ratioHolds ? 'yes' : 'no')
                + ' — hypotheses ' + (th.hold ? 'hold' : 'fail') + '. ' + th.windows.map(function (w, k) {
                  return 'I' + (k + 1) + ' = [' + num(w[0]) + ', ' + num(w[1]) + ']'; }).join(', ');
              state.epsilon = eps; state.theorem3 = th;
            } else {
              summary.textContent = 'Live: curves recomputed in the page from eq. (12).';
            }
            Plotly.react(plot, data, layout, Object.assign({ responsive: true }, base.config || {}));
            root.inclearnState = state;
            var image = control('fallback');
            if (image) image.remove();
          }
          alpha.addEventListener('input', update);
          if (epsilon) epsilon.addEventListener('input', update);
          update();
        }
        if (window.Plotly) draw(window.Plotly);
        else if (typeof requirejs === 'function' && typeof requirejs.config === 'function')
          requirejs.config({ context: 'inclearn-plotly', paths: { plotly: plotlyCdn } })(['plotly'], draw);
        else {
          var s = document.createElement('script');
          s.src = plotlyCdn + '.js';
          s.onload = function () { draw(window.Plotly); };
          document.head.appendChild(s);
        }
        """;
}
