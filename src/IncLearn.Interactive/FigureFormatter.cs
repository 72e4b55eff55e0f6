using Microsoft.DotNet.Interactive.Formatting;

namespace IncLearn.Interactive;

/// <summary>A <see cref="Figure"/> shows as its interactive HTML (with the PNG as fallback inside it), with the plotly.js figure JSON, a PNG for views that run no
/// script (when a browser can draw one, see <see cref="StaticImage"/>) and its title as text.</summary>
public static class FigureFormatter
{
    internal static void Register()
    {
        Formatter.Register<Figure>((f, w) => w.Write(f.HtmlWithImageFallback()), HtmlFormatter.MimeType);
        Formatter.Register<Figure>((f, w) => w.Write(f.Json), Notebook.PlotlyMimeType);
        Formatter.Register<Figure>((f, w) => w.Write(f.ToString()), PlainTextFormatter.MimeType);
        Formatter.Register<Figure>((f, w) => w.Write(f.Png()), Notebook.PngMimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(Figure), StaticImage.Available
            ? [HtmlFormatter.MimeType, Notebook.PlotlyMimeType, Notebook.PngMimeType, PlainTextFormatter.MimeType]
            : [HtmlFormatter.MimeType, Notebook.PlotlyMimeType, PlainTextFormatter.MimeType]);
    }
}
