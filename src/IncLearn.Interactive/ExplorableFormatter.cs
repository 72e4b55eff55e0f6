using Microsoft.DotNet.Interactive.Formatting;

namespace IncLearn.Interactive;

/// <summary>An <see cref="Explorable"/> shows as its live HTML (PNG fallback inside), its parameters as JSON, a PNG of the
/// default state for views that run no script, and a text line saying that a static view shows the default.</summary>
public static class ExplorableFormatter
{
    internal static void Register()
    {
        Formatter.Register<Explorable>((e, w) => w.Write(e.HtmlWithImageFallback()), HtmlFormatter.MimeType);
        Formatter.Register<Explorable>((e, w) => w.Write(e.SpecJson), Explorable.MimeType);
        Formatter.Register<Explorable>((e, w) => w.Write(e.DefaultFigure.Png()), Notebook.PngMimeType);
        Formatter.Register<Explorable>((e, w) => w.Write(e.ToString()), PlainTextFormatter.MimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(Explorable), StaticImage.Available
            ? [HtmlFormatter.MimeType, Explorable.MimeType, Notebook.PngMimeType, PlainTextFormatter.MimeType]
            : [HtmlFormatter.MimeType, Explorable.MimeType, PlainTextFormatter.MimeType]);
    }
}
