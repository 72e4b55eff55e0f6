using System.Globalization;

namespace IncLearn.Interactive;

/// <summary>
/// One call that makes a notebook show this project's objects nicely: registers the formatters (Microsoft.DotNet.Interactive.Formatting)
/// for matrices, vectors, checks, theorem objects and figures. Runs automatically through <c>extension.dib</c> when the package is
/// loaded with <c>#r "nuget:"</c> in the real kernel; calling it again is harmless. The kernel's <c>display</c> is never redefined here.
/// Also the one number format of everything the notebook layer shows.
/// </summary>
public static class Notebook
{
    /// <summary>MIME type of Plotly figure JSON (data, layout, config), written beside text/html for charts.</summary>
    public const string PlotlyMimeType = "application/vnd.plotly.v1+json";

    /// <summary>MIME type of the static image of a chart (base64 PNG).</summary>
    public const string PngMimeType = "image/png";

    /// <summary>MIME type of a check output: a JSON array of checks (name, passed, kind, actual, expected, tolerance, detail,
    /// status: passed | failed | not-implemented, buildIt, precision: exact | magnitude).
    /// This is how checks reach a headless runner or a test: as outputs, whatever kernel executed the notebook.</summary>
    public const string ChecksMimeType = "application/vnd.inclearn.checks+json";

    private static readonly object Gate = new();
    private static bool registered;

    /// <summary>Registers every formatter once (idempotent, thread-safe).</summary>
    public static void Setup()
    {
        lock (Gate)
        {
            if (registered) return;
            MatrixFormatter.Register();
            CheckFormatter.Register();
            FigureFormatter.Register();
            TheoremCards.Register();
            LibraryCards.Register();
            ExplorableFormatter.Register();
            registered = true;
        }
    }

    /// <summary>The number format of the notebook layer (tables, cards, checks, labels): invariant; up to 4 decimals in
    /// [1e-3, 1e5), else scientific with 4 significant digits; NaN and ±∞ spelled out. A check's verdict is computed on full doubles, not on this text.</summary>
    public static string Num(double x)
    {
        if (double.IsNaN(x)) return "NaN";
        if (double.IsPositiveInfinity(x)) return "∞";
        if (double.IsNegativeInfinity(x)) return "−∞";
        if (x == 0) return "0";
        double a = Math.Abs(x);
        return a >= 1e-3 && a < 1e5
            ? x.ToString("0.####", CultureInfo.InvariantCulture)
            : x.ToString("0.###e+0", CultureInfo.InvariantCulture);
    }
}
