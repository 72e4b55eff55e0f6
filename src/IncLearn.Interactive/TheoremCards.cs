using System.Text;
using Microsoft.DotNet.Interactive.Formatting;
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

    private static string Side(double? v) => v is double d ? Num(d) : "";

    /// <summary>The HTML card of a theorem at one α.</summary>
    public static string Html(TheoremReport r)
    {
        var t = r.Theorem;
        var sb = new StringBuilder("<div class=\"inclearn-theorem\" style=\"border:1px solid #ccc;padding:8px;border-radius:6px\">");
        sb.Append($"<h4 style=\"margin:0\">{E(t.Name)} at α = 10^{E(Num(r.Log10Alpha))}</h4>");
        sb.Append("<table><tr><th colspan=\"2\" style=\"text-align:left\">constants</th></tr>");
        foreach (var (name, value) in Constants(t)) sb.Append($"<tr><td>{E(name)}</td><td>{E(value)}</td></tr>");
        sb.Append("</table><table><tr><th></th><th style=\"text-align:left\">hypothesis</th><th>left</th><th></th><th>right</th><th style=\"text-align:left\">why</th></tr>");
        foreach (var h in r.Hypotheses)
            sb.Append($"<tr><td style=\"color:{(h.Holds ? "green" : "red")}\">{(h.Holds ? "✓" : "✗")}</td><td>{E(h.Name)}</td><td>{E(Side(h.Left))}</td><td>{E(h.Relation)}</td><td>{E(Side(h.Right))}</td><td>{E(h.Why)}</td></tr>");
        sb.Append("</table><table><tr><th>k</th><th>I_k start</th><th>I_k end</th>");
        if (r.Verification is not null) sb.Append("<th>max ‖W(t) − Ŷ_k‖₂/ε on I_k</th><th>just before</th><th>just after</th>");
        sb.Append("</tr>");
        for (int i = 0; i < r.Windows.Count; i++)
        {
            var w = r.Windows[i];
            sb.Append($"<tr><td>{w.K}</td><td>{E(Num(w.Start))}</td><td>{E(Num(w.End))}</td>");
            if (r.Verification is { } v)
            {
                var c = v.Windows[i];
                sb.Append($"<td style=\"color:{(c.Holds ? "green" : "red")}\">{E(Num(c.MaxRatioInside))} {(c.Holds ? "✓" : "✗")}</td><td>{E(Num(c.RatioBefore))}</td><td>{E(Num(c.RatioAfter))}</td>");
            }
            sb.Append("</tr>");
        }
        sb.Append("</table>");
        if (r.Verification is { } ver)
            sb.Append($"<p>conclusion ‖W(t) − Ŷ_k‖₂ ≤ ε on every sampled I_k: <b style=\"color:{(ver.Holds ? "green" : "red")}\">{(ver.Holds ? "holds ✓" : "fails ✗")}</b></p>");
        return sb.Append("</div>").ToString();
    }

    /// <summary>The plain-text form of a theorem at one α.</summary>
    public static string Text(TheoremReport r)
    {
        var sb = new StringBuilder($"{r.Theorem.Name} at α = 10^{Num(r.Log10Alpha)}\n");
        foreach (var (name, value) in Constants(r.Theorem)) sb.AppendLine($"  {name} = {value}");
        foreach (var h in r.Hypotheses) sb.AppendLine($"  {(h.Holds ? "✓" : "✗")} {h.Name}: {Side(h.Left)} {h.Relation} {Side(h.Right)}");
        for (int i = 0; i < r.Windows.Count; i++)
        {
            var w = r.Windows[i];
            sb.Append($"  I_{w.K} = [{Num(w.Start)}, {Num(w.End)}]");
            if (r.Verification is { } v) sb.Append($"  max ratio {Num(v.Windows[i].MaxRatioInside)}");
            sb.AppendLine();
        }
        return sb.ToString().TrimEnd('\n');
    }

    /// <summary>HTML table of a verification.</summary>
    public static string VerificationHtml(Verification v)
    {
        var sb = new StringBuilder($"<table class=\"inclearn-verification\"><caption style=\"text-align:left\">verification at α = 10^{E(Num(v.Log10Alpha))}</caption>");
        sb.Append("<tr><th>k</th><th>I_k</th><th>samples</th><th>max ‖W(t) − Ŷ_k‖₂/ε</th><th>just before</th><th>just after</th></tr>");
        foreach (var c in v.Windows)
            sb.Append($"<tr><td>{c.Window.K}</td><td>[{E(Num(c.Window.Start))}, {E(Num(c.Window.End))}]</td><td>{c.Samples}</td><td style=\"color:{(c.Holds ? "green" : "red")}\">{E(Num(c.MaxRatioInside))} {(c.Holds ? "✓" : "✗")}</td><td>{E(Num(c.RatioBefore))}</td><td>{E(Num(c.RatioAfter))}</td></tr>");
        return sb.Append("</table>").ToString();
    }

    /// <summary>Plain text of a verification.</summary>
    public static string VerificationText(Verification v)
        => $"verification at α = 10^{Num(v.Log10Alpha)}: " + string.Join("; ", v.Windows.Select(c => $"k={c.Window.K} max ratio {Num(c.MaxRatioInside)}")) + (v.Holds ? " — holds" : " — FAILS");
}
