using System.Globalization;
using System.Net;
using System.Text;
using MathNet.Numerics.LinearAlgebra;
using Microsoft.DotNet.Interactive.Formatting;

namespace IncLearn.Interactive;

/// <summary>
/// One call that makes a notebook show this project's objects nicely: registers the formatters (Microsoft.DotNet.Interactive.Formatting)
/// for matrices, vectors, checks, theorem objects and figures. Runs automatically through <c>extension.dib</c> when the package is
/// loaded with <c>#r "nuget:"</c> in the real kernel; calling it again is harmless. The kernel's <c>display</c> is never redefined here.
/// </summary>
public static class Notebook
{
    /// <summary>MIME type of Plotly figure JSON (data, layout, config), written beside text/html for charts.</summary>
    public const string PlotlyMimeType = "application/vnd.plotly.v1+json";

    /// <summary>MIME type of the static image of a chart (base64 PNG).</summary>
    public const string PngMimeType = "image/png";

    /// <summary>MIME type of a check output: a JSON array of checks (name, passed, kind, actual, expected, tolerance, detail).
    /// This is how checks reach a headless runner or a test: as outputs, whatever kernel executed the notebook.</summary>
    public const string ChecksMimeType = "application/vnd.inclearn.checks+json";

    /// <summary>Rows/columns shown at each end before a large matrix is elided in the middle.</summary>
    public const int EdgeItems = 4;

    private static readonly object Gate = new();
    private static bool registered;

    /// <summary>Registers every formatter once (idempotent, thread-safe).</summary>
    public static void Setup()
    {
        lock (Gate)
        {
            if (registered) return;
            Formatter.Register<Matrix<double>>((m, w) => w.Write(MatrixHtml(m)), HtmlFormatter.MimeType);
            Formatter.Register<Matrix<double>>((m, w) => w.Write(MatrixText(m)), PlainTextFormatter.MimeType);
            Formatter.Register<Vector<double>>((v, w) => w.Write(VectorHtml(v)), HtmlFormatter.MimeType);
            Formatter.Register<Vector<double>>((v, w) => w.Write(VectorText(v)), PlainTextFormatter.MimeType);
            Formatter.Register<CheckResult>((c, w) => w.Write(CheckHtml([c])), HtmlFormatter.MimeType);
            Formatter.Register<CheckResult>((c, w) => w.Write(CheckText(c)), PlainTextFormatter.MimeType);
            Formatter.Register<CheckResult>((c, w) => w.Write(CheckJson([c])), ChecksMimeType);
            Formatter.SetPreferredMimeTypesFor(typeof(CheckResult), HtmlFormatter.MimeType, PlainTextFormatter.MimeType, ChecksMimeType);
            Formatter.Register<CheckTable>((c, w) => w.Write(CheckHtml(c.Results)), HtmlFormatter.MimeType);
            Formatter.Register<CheckTable>((c, w) => w.Write(string.Join("\n", c.Results.Select(CheckText))), PlainTextFormatter.MimeType);
            Formatter.Register<CheckTable>((c, w) => w.Write(CheckJson(c.Results)), ChecksMimeType);
            Formatter.SetPreferredMimeTypesFor(typeof(CheckTable), HtmlFormatter.MimeType, PlainTextFormatter.MimeType, ChecksMimeType);
            Formatter.Register<Figure>((f, w) => w.Write(f.Html), HtmlFormatter.MimeType);
            Formatter.Register<Figure>((f, w) => w.Write(f.Json), PlotlyMimeType);
            Formatter.Register<Figure>((f, w) => w.Write(f.ToString()), PlainTextFormatter.MimeType);
            Formatter.Register<Figure>((f, w) => w.Write(f.Png()), PngMimeType);
            // The PNG travels beside the interactive chart when a browser can draw it (see StaticImage).
            Formatter.SetPreferredMimeTypesFor(typeof(Figure), StaticImage.Available
                ? [HtmlFormatter.MimeType, PlotlyMimeType, PngMimeType, PlainTextFormatter.MimeType]
                : [HtmlFormatter.MimeType, PlotlyMimeType, PlainTextFormatter.MimeType]);
            TheoremCards.Register();
            LibraryCards.Register();
            registered = true;
        }
    }

    /// <summary>Stable, invariant number format: 4 significant digits, scientific outside [1e-3, 1e5).</summary>
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

    internal static string E(string s) => WebUtility.HtmlEncode(s);

    private static IEnumerable<int?> Indices(int count)
    {
        if (count <= 2 * EdgeItems + 1)
        {
            for (int i = 0; i < count; i++) yield return i;
            yield break;
        }
        for (int i = 0; i < EdgeItems; i++) yield return i;
        yield return null; // the elided middle
        for (int i = count - EdgeItems; i < count; i++) yield return i;
    }

    /// <summary>HTML table of a matrix; rows and columns beyond 2·<see cref="EdgeItems"/>+1 are elided in the middle.</summary>
    public static string MatrixHtml(Matrix<double> m)
    {
        var sb = new StringBuilder();
        sb.Append("<table class=\"inclearn-matrix\" style=\"font-family:monospace;text-align:right\">");
        sb.Append($"<caption style=\"text-align:left\">{m.RowCount}×{m.ColumnCount} matrix</caption>");
        foreach (var i in Indices(m.RowCount))
        {
            sb.Append("<tr>");
            foreach (var j in Indices(m.ColumnCount))
                sb.Append("<td>").Append(i is int r && j is int c ? E(Num(m[r, c])) : "…").Append("</td>");
            sb.Append("</tr>");
        }
        return sb.Append("</table>").ToString();
    }

    /// <summary>Plain-text form of a matrix, elided like <see cref="MatrixHtml"/>.</summary>
    public static string MatrixText(Matrix<double> m)
    {
        var rows = Indices(m.RowCount).Select(i => Indices(m.ColumnCount)
            .Select(j => i is int r && j is int c ? Num(m[r, c]) : "…").ToArray()).ToArray();
        int width = rows.SelectMany(r => r).Select(s => s.Length).DefaultIfEmpty(1).Max();
        var sb = new StringBuilder($"{m.RowCount}×{m.ColumnCount} matrix\n");
        foreach (var r in rows) sb.AppendLine(string.Join(" ", r.Select(s => s.PadLeft(width))));
        return sb.ToString().TrimEnd('\n');
    }

    /// <summary>HTML of a vector as one row, elided in the middle when long.</summary>
    public static string VectorHtml(Vector<double> v)
    {
        var sb = new StringBuilder("<table class=\"inclearn-vector\" style=\"font-family:monospace;text-align:right\">");
        sb.Append($"<caption style=\"text-align:left\">vector of length {v.Count}</caption><tr>");
        foreach (var i in Indices(v.Count)) sb.Append("<td>").Append(i is int k ? E(Num(v[k])) : "…").Append("</td>");
        return sb.Append("</tr></table>").ToString();
    }

    /// <summary>Plain-text form of a vector.</summary>
    public static string VectorText(Vector<double> v)
        => $"vector of length {v.Count}: [" + string.Join(", ", Indices(v.Count).Select(i => i is int k ? Num(v[k]) : "…")) + "]";

    /// <summary>Checks as ✓/✗ rows with their numbers.</summary>
    public static string CheckHtml(IReadOnlyList<CheckResult> checks)
    {
        var sb = new StringBuilder("<table class=\"inclearn-checks\">");
        foreach (var c in checks)
            sb.Append("<tr><td style=\"color:").Append(c.Passed ? "green\">✓" : "red\">✗").Append("</td><td><b>")
              .Append(E(c.Name)).Append("</b></td><td>").Append(E(c.Detail)).Append("</td></tr>");
        return sb.Append("</table>").ToString();
    }

    /// <summary>Checks as the JSON of <see cref="ChecksMimeType"/>.</summary>
    public static string CheckJson(IReadOnlyList<CheckResult> checks)
        => System.Text.Json.JsonSerializer.Serialize(checks.Select(c => new
        {
            name = c.Name, passed = c.Passed, kind = c.Kind, actual = Finite(c.Actual), expected = Finite(c.Expected),
            tolerance = Finite(c.Tolerance), detail = c.Detail,
        }), JsonOptions);

    // Readable text (Greek, norms, subscripts) rather than \uXXXX escapes; the output is data, never inlined into HTML.
    private static readonly System.Text.Json.JsonSerializerOptions JsonOptions =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // JSON has no NaN or ∞: such a number is written as null (the detail line still states it).
    private static double? Finite(double? x) => x is double v && double.IsFinite(v) ? v : null;

    /// <summary>One check as a plain-text line.</summary>
    public static string CheckText(CheckResult c) => $"{(c.Passed ? "✓" : "✗")} {c.Name}: {c.Detail}";
}
