using Microsoft.DotNet.Interactive.Formatting;
using static Microsoft.DotNet.Interactive.Formatting.PocketViewTags;
using static IncLearn.Interactive.Notebook;

namespace IncLearn.Interactive;

/// <summary>HTML cards and plain text for the theorem objects: constants, hypotheses ✓/✗ with both sides, windows I_k, verification ratios.</summary>
public static class TheoremCards
{
    internal static void Register()
    {
        Formatter.Register<IncrementalLearningTheorem>((t, w) => w.Write(Html(t.Report(t.LogAlphaMax, 0))), HtmlFormatter.MimeType);
        Formatter.Register<IncrementalLearningTheorem>((t, w) => w.Write(Text(t.Report(t.LogAlphaMax, 0))), PlainTextFormatter.MimeType);
        Formatter.Register<TheoremReport>((r, w) => w.Write(Html(r)), HtmlFormatter.MimeType);
        Formatter.Register<TheoremReport>((r, w) => w.Write(Text(r)), PlainTextFormatter.MimeType);
        Formatter.Register<Verification>((v, w) => w.Write(VerificationHtml(v)), HtmlFormatter.MimeType);
        Formatter.Register<Verification>((v, w) => w.Write(VerificationText(v)), PlainTextFormatter.MimeType);
    }

    private static IEnumerable<(string Name, string Value)> Constants(IncrementalLearningTheorem t)
    {
        yield return ("ε", Num(t.Epsilon));
        yield return ("c_ε", Num(t.SmallC));
        yield return ("C_ε", Num(t.LargeC));
        if (t is Theorem4 t4)
        {
            yield return ("‖V‖", Num(t4.NormV));
            yield return ("‖V⁻¹‖", Num(t4.NormVInverse));
            yield return ("M", Num(t4.M));
        }
        yield return ("ρ = max σ_{k+1}/σ_k", Num(t.Rho));
        yield return ("largest admissible α", $"10^{Num(t.Log10AlphaMax)}");
    }

    /// <summary>
    /// Both sides of a hypothesis as a reader should see them: in the units its name states (α and its bound as 10^x when the
    /// library compares them in log10), with enough digits that two sides that differ do not print alike ("0.6 &gt; 0.6"), and
    /// "undefined" instead of a bare NaN. A side the hypothesis does not have is empty.
    /// </summary>
    public static (string Left, string Right) Sides(Hypothesis h)
    {
        ArgumentNullException.ThrowIfNull(h);
        if (h.SidesAreLog10) return (Power(h.Left), Power(h.Right));
        if (h.Left is double l && h.Right is double r && double.IsFinite(l) && double.IsFinite(r) && l != r && Num(l) == Num(r))
        {
            // Print just enough significant digits to tell the two sides apart (the tight ratio condition at α_max).
            for (int digits = 5; digits <= 17; digits++)
            {
                string a = l.ToString("G" + digits, System.Globalization.CultureInfo.InvariantCulture);
                string b = r.ToString("G" + digits, System.Globalization.CultureInfo.InvariantCulture);
                if (a != b) return (a, b);
            }
        }
        return (Side(h.Left), Side(h.Right));

        static string Power(double? log10) => log10 is double d ? (double.IsNaN(d) ? Undefined : $"10^{Num(d)}") : "";
    }

    private const string Undefined = "undefined";

    private static string Side(double? v) => v is double d ? (double.IsNaN(d) ? Undefined : Num(d)) : "";

    // A verification ratio that was not measured says why, never a bare NaN.
    private static string Ratio(double v, string whyNotMeasured) => double.IsNaN(v) ? $"— ({whyNotMeasured})" : Num(v);

    private static string Inside(WindowCheck c) => Ratio(c.MaxRatioInside, "empty window");

    private static string Before(WindowCheck c) => Ratio(c.RatioBefore, "before t = 0");

    private static string After(WindowCheck c) => Ratio(c.RatioAfter, "I_K is unbounded");

    private static string Color(bool ok) => ok ? "color:green" : "color:red";

    private static string Mark(bool ok) => ok ? "✓" : "✗";

    /// <summary>The HTML card of a theorem at one α.</summary>
    public static string Html(TheoremReport r)
    {
        var t = r.Theorem;
        var windowHeader = new List<object> { th("k"), th("I_k start"), th("I_k end") };
        if (r.Verification is not null) windowHeader.AddRange([th("max ‖W(t) − Ŷ_k‖₂/ε on I_k"), th("just before"), th("just after")]);
        var windowRows = r.Windows.Select((w, i) =>
        {
            var cells = new List<object> { td(w.K), td(Num(w.Start)), td(Num(w.End)) };
            if (r.Verification is { } v)
            {
                var c = v.Windows[i];
                cells.AddRange([td[style: Color(c.Holds)]($"{Inside(c)} {Mark(c.Holds)}"), td(Before(c)), td(After(c))]);
            }
            return (object)tr(cells.ToArray());
        });
        return div[@class: "inclearn-theorem", style: "border:1px solid #ccc;padding:8px;border-radius:6px"](
            h4[style: "margin:0"]($"{t.Name} at α = 10^{Num(r.Log10Alpha)}"),
            table(new object[] { tr(th[colspan: 2, style: "text-align:left"]("constants")) }
                .Concat(Constants(t).Select(c => (object)tr(td(c.Name), td(c.Value)))).ToArray()),
            table(new object[] { tr(th(), th[style: "text-align:left"]("hypothesis"), th("left"), th(), th("right"), th[style: "text-align:left"]("why")) }
                .Concat(r.Hypotheses.Select(h => (object)tr(td[style: Color(h.Holds)](Mark(h.Holds)), td(h.Name), td(Sides(h).Left), td(h.Relation), td(Sides(h).Right), td(h.Why))))
                .ToArray()),
            table(new object[] { tr(windowHeader.ToArray()) }.Concat(windowRows).ToArray()),
            r.Verification is { } ver
                ? p("conclusion ‖W(t) − Ŷ_k‖₂ ≤ ε on every sampled I_k: ", b[style: Color(ver.Holds)](ver.Holds ? "holds ✓" : "fails ✗"))
                : "")
            .ToString();
    }

    /// <summary>The plain-text form of a theorem at one α.</summary>
    public static string Text(TheoremReport r)
    {
        var lines = new List<string> { $"{r.Theorem.Name} at α = 10^{Num(r.Log10Alpha)}" };
        lines.AddRange(Constants(r.Theorem).Select(c => $"  {c.Name} = {c.Value}"));
        lines.AddRange(r.Hypotheses.Select(h => $"  {Mark(h.Holds)} {h.Name}: {Sides(h).Left} {h.Relation} {Sides(h).Right}"));
        lines.AddRange(r.Windows.Select((w, i) => $"  I_{w.K} = [{Num(w.Start)}, {Num(w.End)}]"
            + (r.Verification is { } v ? $"  max ratio {Inside(v.Windows[i])}" : "")));
        return string.Join("\n", lines);
    }

    /// <summary>HTML table of a verification.</summary>
    public static string VerificationHtml(Verification v)
        => table[@class: "inclearn-verification"](new object[]
            {
                caption[style: "text-align:left"]($"verification at α = 10^{Num(v.Log10Alpha)}"),
                tr(th("k"), th("I_k"), th("samples"), th("max ‖W(t) − Ŷ_k‖₂/ε"), th("just before"), th("just after")),
            }.Concat(v.Windows.Select(c => (object)tr(td(c.Window.K), td($"[{Num(c.Window.Start)}, {Num(c.Window.End)}]"), td(c.Samples),
                td[style: Color(c.Holds)]($"{Inside(c)} {Mark(c.Holds)}"), td(Before(c)), td(After(c))))).ToArray())
            .ToString();

    /// <summary>Plain text of a verification.</summary>
    public static string VerificationText(Verification v)
        => $"verification at α = 10^{Num(v.Log10Alpha)}: " + string.Join("; ", v.Windows.Select(c => $"k={c.Window.K} max ratio {Inside(c)}")) + (v.Holds ? " — holds" : " — FAILS");
}
