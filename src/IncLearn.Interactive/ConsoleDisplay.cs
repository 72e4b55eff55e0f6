using Microsoft.DotNet.Interactive.Formatting;

namespace IncLearn.Interactive;

/// <summary>
/// What a notebook displays, on a console: the <c>display</c> of the file-based apps that <c>inclearn-nb export --to cs</c>
/// generates. Values print as the kernel's text/plain formatting; a <see cref="Figure"/> is also saved as a standalone page
/// (and a PNG when Chromium can draw one) beside the app, or in $INCLEARN_APP_OUTPUT, and the paths are printed.
/// </summary>
public static class ConsoleDisplay
{
    private static readonly Dictionary<string, int> FiguresSaved = [];

    /// <summary>Shows <paramref name="value"/> on the console; figures are saved as <c>{app}-figure-{n}.html</c>.</summary>
    /// <param name="value">The value a notebook cell would display.</param>
    /// <param name="app">The app's name, which names its figure files.</param>
    public static void Show(object? value, string app)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(app);
        if (value is null) { Console.WriteLine("<null>"); return; }
        if (value is Figure figure)
        {
            int number;
            lock (FiguresSaved) FiguresSaved[app] = number = FiguresSaved.GetValueOrDefault(app) + 1;
            string folder = Environment.GetEnvironmentVariable("INCLEARN_APP_OUTPUT") is { Length: > 0 } o ? o : Path.Combine("apps", "output");
            string page = Path.GetFullPath(Path.Combine(folder, $"{app}-figure-{number}.html"));
            figure.SaveHtml(page);
            Console.WriteLine($"figure: {page}");
            try
            {
                File.WriteAllBytes(Path.ChangeExtension(page, ".png"), Convert.FromBase64String(figure.Png()));
                Console.WriteLine($"figure: {Path.ChangeExtension(page, ".png")}");
            }
            catch (InvalidOperationException e) { Console.WriteLine($"(no PNG: {e.Message})"); } // no Chromium, or it failed
        }
        Console.WriteLine(Formatter.ToDisplayString(value, PlainTextFormatter.MimeType));
    }
}
