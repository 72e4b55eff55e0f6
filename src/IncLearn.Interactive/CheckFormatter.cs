using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.DotNet.Interactive.Formatting;
using static Microsoft.DotNet.Interactive.Formatting.PocketViewTags;

namespace IncLearn.Interactive;

/// <summary>
/// Checks as ✓/✗ rows with their numbers (HTML, plain text) and as data: the JSON of <see cref="Notebook.ChecksMimeType"/>,
/// which is how checks reach a headless runner or a test, whatever kernel executed the notebook.
/// </summary>
public static class CheckFormatter
{
    // Readable text (Greek, norms, subscripts) rather than \uXXXX escapes; the output is data, never inlined into HTML.
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    internal static void Register()
    {
        Formatter.Register<CheckResult>((c, w) => w.Write(Html([c])), HtmlFormatter.MimeType);
        Formatter.Register<CheckResult>((c, w) => w.Write(Text(c)), PlainTextFormatter.MimeType);
        Formatter.Register<CheckResult>((c, w) => w.Write(Json([c])), Notebook.ChecksMimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(CheckResult), HtmlFormatter.MimeType, PlainTextFormatter.MimeType, Notebook.ChecksMimeType);
        Formatter.Register<CheckTable>((c, w) => w.Write(Html(c.Results)), HtmlFormatter.MimeType);
        Formatter.Register<CheckTable>((c, w) => w.Write(string.Join("\n", c.Results.Select(Text))), PlainTextFormatter.MimeType);
        Formatter.Register<CheckTable>((c, w) => w.Write(Json(c.Results)), Notebook.ChecksMimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(CheckTable), HtmlFormatter.MimeType, PlainTextFormatter.MimeType, Notebook.ChecksMimeType);
    }

    /// <summary>Checks as ✓/✗ rows with their numbers.</summary>
    public static string Html(IReadOnlyList<CheckResult> checks)
        => table[@class: "inclearn-checks"](checks.Select(c => tr(
            td[style: $"color:{Colour(c.Status)}"](Mark(c.Status)), td(b(c.Name)), td(c.Detail))).ToArray())
            .ToString();

    // Not implemented is neither a pass nor a failure: its own mark, in grey.
    private static string Mark(CheckStatus status) => status switch { CheckStatus.Passed => "✓", CheckStatus.Failed => "✗", _ => "○" };

    private static string Colour(CheckStatus status) => status switch { CheckStatus.Passed => "green", CheckStatus.Failed => "red", _ => "grey" };

    private static string StatusName(CheckStatus status) => status switch
    {
        CheckStatus.Passed => "passed", CheckStatus.Failed => "failed", _ => "not-implemented",
    };

    /// <summary>One check as a plain-text line.</summary>
    public static string Text(CheckResult c) => $"{Mark(c.Status)} {c.Name}: {c.Detail}";

    /// <summary>Checks as the JSON of <see cref="Notebook.ChecksMimeType"/>.</summary>
    public static string Json(IReadOnlyList<CheckResult> checks)
        => JsonSerializer.Serialize(checks.Select(c => new
        {
            name = c.Name, passed = c.Passed, kind = c.Kind, actual = Finite(c.Actual), expected = Finite(c.Expected),
            tolerance = Finite(c.Tolerance), detail = c.Detail, status = StatusName(c.Status), buildIt = c.BuildIt,
            precision = c.Precision == ActualPrecision.Magnitude ? "magnitude" : "exact",
        }), JsonOptions);

    // JSON has no NaN or ∞: such a number is written as null (the detail line still states it).
    private static double? Finite(double? x) => x is double v && double.IsFinite(v) ? v : null;
}
