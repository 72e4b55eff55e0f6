namespace IncLearn.Interactive;

/// <summary>
/// A figure that recomputes itself in the page: a plotly chart with range sliders whose script evaluates a closed form of the
/// paper in JavaScript and redraws with <c>Plotly.react</c>, with no kernel round trip (see <see cref="Explorables"/>).
/// Displayed, it shows as text/html (the live chart, with the default state's PNG as fallback for views that run no script),
/// as <see cref="MimeType"/> (its parameters as JSON, so a page writer knows it needs plotly.js), as image/png of the default
/// state and as text/plain saying that a static view shows the default.
/// </summary>
public sealed class Explorable
{
    /// <summary>MIME type of an explorable's parameters (JSON). Its presence tells an offline page writer to inline plotly.js.</summary>
    public const string MimeType = "application/vnd.inclearn.explorable+json";

    internal Explorable(string title, string defaultState, string specJson, string html, Figure defaultFigure)
    {
        Title = title;
        DefaultState = defaultState;
        SpecJson = specJson;
        Html = html;
        DefaultFigure = defaultFigure;
    }

    /// <summary>The chart's title.</summary>
    public string Title { get; }

    /// <summary>The default slider values as text, e.g. "α = 1e-3" (what a static view shows).</summary>
    public string DefaultState { get; }

    /// <summary>The explorable's parameters and default figure as JSON (the data its script starts from).</summary>
    public string SpecJson { get; }

    /// <summary>The live HTML: chart, sliders, a summary line and the script; no static image.</summary>
    public string Html { get; }

    /// <summary>The chart at the default slider values, as an ordinary figure (its PNG is the static image).</summary>
    public Figure DefaultFigure { get; }

    /// <summary>The live HTML with the default state's PNG first; the script removes the image once the live chart is drawn.</summary>
    public string HtmlWithImageFallback()
    {
        if (!StaticImage.Available) return Html;
        var (width, height) = DefaultFigure.Size;
        string image = "<img data-role=\"fallback\" src=\"data:image/png;base64," + DefaultFigure.Png() + "\" alt=\"" + System.Net.WebUtility.HtmlEncode(ToString())
            + "\" width=\"" + width + "\" height=\"" + height + "\" style=\"max-width:100%;height:auto\">";
        return Html.Replace(Explorables.FallbackSlot, image, StringComparison.Ordinal);
    }

    /// <inheritdoc/>
    public override string ToString()
        => $"Explorable: {Title}. This static view shows the default {DefaultState}; in a live page the sliders recompute the curves in the browser.";
}
