using IncLearn.Html;

namespace IncLearn.Interactive;

/// <summary>
/// A chart of the tutorial, built by Plotly.NET in the chart engine's isolated context and held here as plain text: its
/// plotly.js figure JSON and its notebook HTML. Displayed, it shows as text/html (interactive), with the figure JSON as
/// <c>application/vnd.plotly.v1+json</c> beside it and its title as text/plain. Nothing F# is reachable from this type, so
/// it loads in the real kernel's default context.
/// </summary>
public sealed class Figure
{
    internal Figure(string title, (string FigureJson, string Html) built)
    {
        Title = title;
        Json = built.FigureJson;
        Html = built.Html;
    }

    /// <summary>Trace <c>meta</c> that marks a series as measuring rounding or integration error (see
    /// <see cref="MeasuringError"/>); a stored output's comparison reads it.</summary>
    public const string ErrorSeriesMeta = "inclearn:precision=magnitude";

    /// <summary>Trace <c>meta</c> that marks a series as rounding amplified by an exponential factor (see
    /// <see cref="MeasuringAmplifiedRounding"/>); a stored output's comparison reads it.</summary>
    public const string AmplifiedRoundingSeriesMeta = "inclearn:precision=amplified-rounding";

    /// <summary>
    /// This figure with the named series marked as measuring rounding or integration error: their values depend on the BLAS
    /// kernel, the SIMD width and the summation order, so a stored copy is compared by order of magnitude, not digit by
    /// digit. The mark is the trace's plotly <c>meta</c>, which nothing draws.
    /// </summary>
    public Figure MeasuringError(params string[] seriesNames) => Marking(ErrorSeriesMeta, seriesNames);

    /// <summary>
    /// This figure with the named series marked as rounding amplified by a growing factor (eq. (5) as printed, whose error is
    /// the first operations' rounding times e^(σ₁t)): the size of that first rounding, and so every later sample, moves by up
    /// to two decades from one CPU's BLAS kernel to another, so a stored copy is compared within three decades. Only the
    /// series' growth is the claim, and a wrong formula moves it by many more.
    /// </summary>
    public Figure MeasuringAmplifiedRounding(params string[] seriesNames) => Marking(AmplifiedRoundingSeriesMeta, seriesNames);

    private Figure Marking(string meta, string[] seriesNames)
    {
        ArgumentNullException.ThrowIfNull(seriesNames);
        var figure = System.Text.Json.Nodes.JsonNode.Parse(Json)!.AsObject();
        var traces = figure["data"]!.AsArray().OfType<System.Text.Json.Nodes.JsonObject>().ToArray();
        foreach (var name in seriesNames)
        {
            var trace = traces.FirstOrDefault(t => (string?)t["name"] == name)
                ?? throw new ArgumentException($"the figure has no series named '{name}' (it has: {string.Join(", ", traces.Select(t => (string?)t["name"]))})", nameof(seriesNames));
            trace["meta"] = meta;
        }
        return new Figure(Title, ChartEngine.Builder.FromJson(figure.ToJsonString()));
    }

    /// <summary>The figure's title.</summary>
    public string Title { get; }

    /// <summary>The figure as plotly.js JSON: <c>{"data": […], "layout": {…}, "config": {…}}</c>.</summary>
    public string Json { get; }

    /// <summary>The notebook HTML: a div and a script that loads plotly.js through require.js and draws the figure.</summary>
    public string Html { get; }

    /// <summary>Width and height in pixels, as the figure's layout sets them (820×460 when it does not).</summary>
    public (int Width, int Height) Size
    {
        get
        {
            var layout = System.Text.Json.Nodes.JsonNode.Parse(Json)?["layout"];
            return ((int?)layout?["width"]?.GetValue<double>() ?? 820, (int?)layout?["height"]?.GetValue<double>() ?? 460);
        }
    }

    private string? png;

    /// <summary>The figure as a base64 PNG drawn by plotly.js in headless Chromium (see <see cref="StaticImage"/>), for views
    /// that run no script. Drawn on first use.</summary>
    public string Png() => png ??= StaticImage.Png(this);

    /// <summary>
    /// The notebook HTML with the PNG as its fallback: the image comes first and is removed by a small script once plotly.js
    /// has drawn the chart. A view that strips scripts (nbconvert with <c>sanitize_html</c>, which ranks text/html above
    /// image/png, or GitHub-like renderers) keeps the image instead of an empty box; an interactive view whose plotly.js
    /// cannot load (offline, CDN blocked) still shows the image. Without a static image this is <see cref="Html"/>.
    /// </summary>
    public string HtmlWithImageFallback()
    {
        if (!StaticImage.Available) return Html;
        string id = "inclearn-png-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Json)), 0, 16).ToLowerInvariant(); // 32 hex digits: compared as a volatile id, like the chart div's
        var (width, height) = Size;
        return "<div><img id=\"" + id + "\" src=\"data:image/png;base64," + Png() + "\" alt=\"" + SafeHtml.Text(Title)
            + "\" width=\"" + width + "\" height=\"" + height + "\" style=\"max-width:100%;height:auto\">" + Html
            + "<script type=\"text/javascript\">(function () { var img = document.getElementById('" + id + "'); if (!img) return;"
            + " var chart = img.nextElementSibling; function drawn() { return chart.querySelector('.plot-container') !== null; }"
            + " if (drawn()) { img.remove(); return; }"
            + " new MutationObserver(function (_, seen) { if (drawn()) { img.remove(); seen.disconnect(); } }).observe(chart, { childList: true, subtree: true }); })();</script></div>";
    }

    /// <summary>A standalone page that draws the figure offline: the plotly.js Plotly.NET embeds is inlined.</summary>
    public string StandaloneHtml()
        => "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + SafeHtml.Text(Title) + "</title><script>" + PlotlyJs.Source
            + "</script></head><body><div id=\"inclearn-figure\"></div><script>var fig = " + SafeHtml.ScriptJson(Json)
            + "; Plotly.newPlot('inclearn-figure', fig.data, fig.layout, fig.config || {});</script></body></html>";

    /// <summary>Writes <see cref="StandaloneHtml"/> to <paramref name="path"/> atomically (temporary file, then rename).</summary>
    public void SaveHtml(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        string tmp = full + ".tmp-" + Environment.ProcessId;
        File.WriteAllText(tmp, StandaloneHtml());
        File.Move(tmp, full, overwrite: true);
    }

    /// <inheritdoc/>
    public override string ToString() => $"Figure: {Title}";
}
