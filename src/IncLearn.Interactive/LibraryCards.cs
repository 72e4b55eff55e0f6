using MathNet.Numerics.LinearAlgebra;
using Microsoft.DotNet.Interactive.Formatting;
using static Microsoft.DotNet.Interactive.Formatting.PocketViewTags;
using Microsoft.AspNetCore.Html;
using static IncLearn.Interactive.Notebook;

namespace IncLearn.Interactive;

/// <summary>
/// Compact HTML cards and plain text for the math library's other objects (targets, initializations, solutions, trajectories,
/// random-initialization samples), so that ending a cell with any of them shows what it is instead of a dump of its fields
/// (a <see cref="FlowTrajectory"/> holds hundreds of matrices). Only values the objects already carry are shown.
/// </summary>
public static class LibraryCards
{
    internal static void Register()
    {
        Add<Target>(Rows);
        Add<Initialization>(Rows);
        Add<ClosedFormSolution>(Rows);
        Add<SpectralTrajectory>(Rows);
        Add<FlowTrajectory>(Rows);
        Add<StepStatistics>(Rows);
        Add<RandomInitialization>(Rows);
        Add<SpectrumSamples>(Rows);
        Formatter.Register<QuantileEstimate>((q, w) => w.Write(span(Text(q)).ToString()), HtmlFormatter.MimeType);
        Formatter.Register<QuantileEstimate>((q, w) => w.Write(Text(q)), PlainTextFormatter.MimeType);
        Formatter.Register<IncrementalWindow>((x, w) => w.Write(span(Text(x)).ToString()), HtmlFormatter.MimeType);
        Formatter.Register<IncrementalWindow>((x, w) => w.Write(Text(x)), PlainTextFormatter.MimeType);
        Formatter.Register<Hypothesis>((h, w) => w.Write(HypothesisHtml(h)), HtmlFormatter.MimeType);
        Formatter.Register<Hypothesis>((h, w) => w.Write(Text(h)), PlainTextFormatter.MimeType);
    }

    private static void Add<T>(Func<T, Card> rows)
    {
        Formatter.Register<T>((x, w) => w.Write(rows(x).Html()), HtmlFormatter.MimeType);
        Formatter.Register<T>((x, w) => w.Write(rows(x).Text()), PlainTextFormatter.MimeType);
    }

    /// <summary>A titled list of named values, optionally followed by a matrix.</summary>
    /// <param name="Title">The object, e.g. "Target Y".</param>
    /// <param name="Rows">Named values, already formatted.</param>
    /// <param name="Matrix">A matrix shown under the values (elided when large), or null.</param>
    /// <param name="MatrixName">What the matrix is.</param>
    public sealed record Card(string Title, IReadOnlyList<(string Name, string Value)> Rows, Matrix<double>? Matrix = null, string? MatrixName = null)
    {
        /// <summary>The HTML card.</summary>
        public string Html()
            => div[@class: "inclearn-card", style: "border:1px solid #ccc;padding:6px;border-radius:6px;display:inline-block"](
                b(Title),
                table(Rows.Select(r => (object)tr(td(r.Name), td[style: "font-family:monospace"](r.Value))).ToArray()),
                Matrix is null ? "" : div(MatrixName ?? ""),
                Matrix is null ? (object)"" : new HtmlString(MatrixFormatter.Html(Matrix)))
                .ToString();

        /// <summary>The plain-text card.</summary>
        public string Text()
            => string.Join("\n", Rows.Select(r => $"  {r.Name} = {r.Value}").Prepend(Title))
               + (Matrix is null ? "" : $"\n  {MatrixName}:\n{MatrixFormatter.Text(Matrix)}");
    }

    private static string List(IEnumerable<double> values) => "(" + string.Join(", ", values.Select(Num)) + ")";

    private static string Alpha(double log10Alpha) => $"10^{Num(log10Alpha)}";

    /// <summary>The card of a target: n, K, its eigenvalues and Y.</summary>
    public static Card Rows(Target y) => new("Target Y = Φ diag(Σ_Y, 0) Φᵀ",
        [("n", y.N.ToString()), ("K (non-zero eigenvalues)", y.K.ToString()), ("σ_Y", List(y.SigmaY)),
         ("eigenvalues", List(y.Eigenvalues)), ("rank tolerance", Num(y.RankTolerance))], y.Y, "Y");

    /// <summary>The card of an initialization U₀ = α^{1/2} Ū₀.</summary>
    public static Card Rows(Initialization init)
    {
        var rows = new List<(string, string)> { ("shape Ū₀", $"{init.N}×{init.R}"), ("α", Alpha(init.Log10Alpha)) };
        if (init.SpectralSigma0 is { } s0) rows.Add(("spectral σ_{i,0}", List(s0)));
        return new Card("Initialization U₀ = α^{1/2} Ū₀", rows, init.Shape, "Ū₀");
    }

    /// <summary>The card of a closed-form solution (Proposition 1).</summary>
    public static Card Rows(ClosedFormSolution s) => new("Closed-form solution W(t) (Proposition 1)",
        [("n", s.Target.N.ToString()), ("K", s.Target.K.ToString()), ("σ_Y", List(s.Target.SigmaY)),
         ("Ū₀ shape", $"{s.Initialization.N}×{s.Initialization.R}"), ("α", Alpha(s.Initialization.Log10Alpha)),
         ("W₀ invertible", s.IsInitialInvertible ? "yes" : "no"),
         ("λ_min(W₀), λ_max(W₀)", $"{Num(s.MinEigenvalueW0)}, {Num(s.MaxEigenvalueW0)}")]);

    /// <summary>The card of a Corollary-2 trajectory: per mode σ_{i,Y}, σ_{i,0} and the transition time.</summary>
    public static Card Rows(SpectralTrajectory s)
    {
        var rows = new List<(string, string)> { ("n", s.N.ToString()), ("α", Alpha(s.LogAlpha / Math.Log(10))) };
        for (int i = 0; i < s.N; i++)
            rows.Add(($"mode {i + 1}", $"σ_Y = {Num(s.SigmaY[i])}, σ_0 = {Num(s.Sigma0[i])}, transition t ≈ {Num(s.TransitionTime(i))}"));
        return new Card("Spectral trajectory σ_{i,W}(t) (Corollary 2)", rows);
    }

    /// <summary>The card of an integrated or gradient-descent trajectory: its time range and the last W.</summary>
    public static Card Rows(FlowTrajectory f) => new("Trajectory W(t)",
        [("times", f.Times.Count == 0 ? "none" : $"{f.Times.Count} from {Num(f.Times[0])} to {Num(f.Times[^1])}"),
         ("steps", Text(f.Statistics))], f.W.Count == 0 ? null : f.W[^1], f.Times.Count == 0 ? null : $"W(t = {Num(f.Times[^1])})");

    /// <summary>The card of step statistics.</summary>
    public static Card Rows(StepStatistics s) => new("Step statistics", [("accepted", s.Accepted.ToString()), ("rejected", s.Rejected.ToString()), ("evaluations", s.Evaluations.ToString())]);

    /// <summary>The card of a random initialization (Remark III-C1).</summary>
    public static Card Rows(RandomInitialization r)
    {
        var (lo, hi) = r.MarchenkoPasturEdges;
        return new Card("Random initialization Ū₀ with i.i.d. N(0, 1) entries (Remark III-C1)",
            [("n", r.N.ToString()), ("r", r.R.ToString()), ("seed", r.Seed.ToString()), ("Marchenko–Pastur edges (√r ∓ √n)²", $"{Num(lo)}, {Num(hi)}")]);
    }

    /// <summary>The card of Monte Carlo spectrum samples: their ranges.</summary>
    public static Card Rows(SpectrumSamples s)
    {
        static string Range(double[] x) => x.Length == 0 ? "none" : $"[{Num(x.Min())}, {Num(x.Max())}]";
        return new Card("Spectrum samples of W̄₀ = Ū₀Ū₀ᵀ",
            [("trials", s.LambdaMax.Length.ToString()), ("λ_max range", Range(s.LambdaMax)), ("λ_min range", Range(s.LambdaMin)),
             ("M = max(‖W̄₀‖, ‖W̄₀⁻¹‖) range", Range(s.M)), ("eigenvalues kept", s.AllEigenvalues.Length.ToString())]);
    }

    /// <summary>Plain text of step statistics.</summary>
    public static string Text(StepStatistics s) => $"{s.Accepted} accepted, {s.Rejected} rejected, {s.Evaluations} evaluations";

    /// <summary>Plain text of a quantile estimate with its interval.</summary>
    public static string Text(QuantileEstimate q) => $"{Num(q.Value)} (95 % interval [{Num(q.Lower)}, {Num(q.Upper)}])";

    /// <summary>Plain text of a window I_k.</summary>
    public static string Text(IncrementalWindow w) => $"I_{w.K} = [{Num(w.Start)}, {Num(w.End)}]{(w.IsNonEmpty ? "" : " (empty)")}";

    /// <summary>Plain text of a hypothesis: ✓/✗ and both sides.</summary>
    public static string Text(Hypothesis h) => $"{(h.Holds ? "✓" : "✗")} {h.Name}: {TheoremCards.Sides(h).Left} {h.Relation} {TheoremCards.Sides(h).Right} — {h.Why}";

    private static string HypothesisHtml(Hypothesis h)
        => span(span[style: h.Holds ? "color:green" : "color:red"](h.Holds ? "✓" : "✗"), " ", b(h.Name), $": {TheoremCards.Sides(h).Left} {h.Relation} {TheoremCards.Sides(h).Right} ", i(h.Why)).ToString();
}
