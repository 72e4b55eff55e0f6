using MathNet.Numerics.LinearAlgebra;

namespace IncLearn;

/// <summary>
/// What Theorems 3 and 4 share: constants c_ε, C_ε, the ratio ρ = max_k σ_{k+1}/σ_k, the hypotheses, the largest admissible α
/// solved in closed form, the windows I_k of eq. (16), and a verification of the conclusion ‖W(t) − Ŷ_k‖₂ ≤ ε on I_k.
/// All α-dependent quantities take log α, because the α Theorem 4 demands is often far below the double range.
/// </summary>
public abstract class IncrementalLearningTheorem
{
    /// <summary>Two singular values count as repeated when σ_k − σ_{k+1} ≤ this · σ_k.</summary>
    public const double DistinctnessTolerance = 1e-9;

    /// <summary>The ratio condition is strict, so its supremum is not admissible: the largest admissible log α is the
    /// supremum minus this relative margin (1e-9·max(1, |log α|)), far below any α resolution that matters.</summary>
    public const double StrictMargin = 1e-9;

    /// <summary>Validates the shared inputs.</summary>
    protected IncrementalLearningTheorem(Target target, double epsilon, double epsilonUpperBound, string epsilonRule)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.K == 0) throw new ArgumentException("the target Y = 0 has no non-zero singular value to learn", nameof(target));
        Target = target;
        for (int k = 0; k + 1 < target.K; k++)
        {
            double a = target.SigmaY[k], b = target.SigmaY[k + 1];
            if (a - b <= DistinctnessTolerance * a)
                throw new ArgumentException(
                    $"the theorems need distinct non-zero singular values: σ_{k + 1} = {a:G10} and σ_{k + 2} = {b:G10} are equal within relative tolerance {DistinctnessTolerance:G2}",
                    nameof(target));
        }
        if (double.IsNaN(epsilon) || !(epsilon > 0) || epsilon > epsilonUpperBound)
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, $"ε must satisfy 0 < ε ≤ {epsilonRule} = {epsilonUpperBound:G6}");
        Epsilon = epsilon;
        EpsilonUpperBound = epsilonUpperBound;
        EpsilonRule = epsilonRule;
        Rho = 0;
        for (int k = 0; k + 1 < target.K; k++) Rho = Math.Max(Rho, target.SigmaY[k + 1] / target.SigmaY[k]);
    }

    /// <summary>"Theorem 3" or "Theorem 4".</summary>
    public abstract string Name { get; }

    /// <summary>The target Y.</summary>
    public Target Target { get; }

    /// <summary>The tolerance ε.</summary>
    public double Epsilon { get; }

    /// <summary>The largest ε the theorem allows (σ_K, or min(σ_K, 1) for Theorem 4).</summary>
    public double EpsilonUpperBound { get; }

    /// <summary>The rule for ε's upper bound, as text.</summary>
    public string EpsilonRule { get; }

    /// <summary>ρ = max_{1≤k≤K−1} σ_{k+1}/σ_k (0 when K = 1: no ratio condition).</summary>
    public double Rho { get; }

    /// <summary>log c_ε.</summary>
    public abstract double LogSmallC { get; }

    /// <summary>log C_ε.</summary>
    public abstract double LogLargeC { get; }

    /// <summary>c_ε.</summary>
    public double SmallC => Math.Exp(LogSmallC);

    /// <summary>C_ε.</summary>
    public double LargeC => Math.Exp(LogLargeC);

    /// <summary>log of the direct bound on α: c_ε (Theorem 3) or c_ε/M (Theorem 4).</summary>
    public abstract double LogAlphaDirectBound { get; }

    /// <summary>Text of the direct bound, e.g. "c_ε" or "c_ε/M".</summary>
    protected abstract string DirectBoundName { get; }

    /// <summary>The initialization at scale exp(logAlpha).</summary>
    public abstract Initialization InitializationAtLogAlpha(double logAlpha);

    /// <summary>Supremum of log α allowed by the ratio condition: (x + log c)/(x + log C) &gt; ρ with x = −log α
    /// ⇔ x &gt; (ρ log C − log c)/(1 − ρ). +∞ when K = 1.</summary>
    public double LogAlphaRatioSupremum => Target.K == 1 ? double.PositiveInfinity : -(Rho * LogLargeC - LogSmallC) / (1 - Rho);

    /// <summary>The largest admissible log α, in closed form: min(direct bound, ratio supremum − strict margin).</summary>
    public double LogAlphaMax
    {
        get
        {
            double ratio = LogAlphaRatioSupremum;
            if (!double.IsPositiveInfinity(ratio)) ratio -= StrictMargin * Math.Max(1, Math.Abs(ratio));
            return Math.Min(LogAlphaDirectBound, ratio);
        }
    }

    /// <summary>log10 of the largest admissible α (exact even when α underflows).</summary>
    public double Log10AlphaMax => LogAlphaMax / Math.Log(10);

    /// <summary>The largest admissible α as a double: 0 when it is below the double range (use <see cref="LogAlphaMax"/>).</summary>
    public double AlphaMax => Math.Exp(LogAlphaMax);

    /// <summary>Every hypothesis of the theorem at α = exp(logAlpha), with both sides of its inequality.</summary>
    /// <exception cref="ArgumentOutOfRangeException">logAlpha is NaN or infinite.</exception>
    public IReadOnlyList<Hypothesis> Hypotheses(double logAlpha)
    {
        CheckLogAlpha(logAlpha);
        var list = new List<Hypothesis>();
        var s = Target.SigmaY;
        double minGap = double.PositiveInfinity;
        for (int k = 0; k + 1 < Target.K; k++) minGap = Math.Min(minGap, (s[k] - s[k + 1]) / s[k]);
        list.Add(new Hypothesis("distinct non-zero singular values", true,
            Target.K > 1 ? minGap : null, ">", Target.K > 1 ? DistinctnessTolerance : null,
            Target.K > 1 ? $"smallest relative gap (σ_k − σ_{{k+1}})/σ_k = {minGap:G4}" : "K = 1: a single non-zero singular value"));
        list.AddRange(ExtraHypotheses());
        list.Add(new Hypothesis($"0 < ε ≤ {EpsilonRule}", Epsilon > 0 && Epsilon <= EpsilonUpperBound, Epsilon, "≤", EpsilonUpperBound,
            "the tolerance cannot be finer than the smallest singular value to learn"));
        double logDirect = LogAlphaDirectBound;
        list.Add(new Hypothesis($"α ≤ {DirectBoundName}", logAlpha <= logDirect, logAlpha / Math.Log(10), "≤", logDirect / Math.Log(10),
            $"compared in log10: log10 α vs log10 {DirectBoundName}") { SidesAreLog10 = true });
        if (Target.K == 1)
            list.Add(new Hypothesis("(−log α + log c_ε)/(−log α + log C_ε) > ρ", true, null, ">", null, "K = 1: no ratio condition"));
        else
        {
            double x = -logAlpha;
            double ratio = (x + LogSmallC) / (x + LogLargeC);
            bool holds = x + LogLargeC > 0 && ratio > Rho;
            list.Add(new Hypothesis("(−log α + log c_ε)/(−log α + log C_ε) > ρ", holds, ratio, ">", Rho,
                "the windows I_k are non-empty only when the transitions are separated: ρ = max σ_{k+1}/σ_k"));
        }
        return list;
    }

    /// <summary>Hypotheses particular to one theorem (e.g. invertibility of W̃₀).</summary>
    protected virtual IEnumerable<Hypothesis> ExtraHypotheses() => [];

    /// <summary>Whether every hypothesis holds at α = exp(logAlpha).</summary>
    /// <exception cref="ArgumentOutOfRangeException">logAlpha is NaN or infinite.</exception>
    public bool HypothesesHold(double logAlpha) => Hypotheses(logAlpha).All(h => h.Holds);

    /// <summary>The windows I_k of eq. (16), k = 1..K, at α = exp(logAlpha). I_K ends at +∞; a window whose end precedes its
    /// start is empty (<see cref="IncrementalWindow.IsNonEmpty"/> false: the ratio hypothesis fails at this α).</summary>
    /// <exception cref="ArgumentOutOfRangeException">logAlpha is NaN or infinite.</exception>
    public IReadOnlyList<IncrementalWindow> Windows(double logAlpha)
    {
        CheckLogAlpha(logAlpha);
        var s = Target.SigmaY;
        var list = new List<IncrementalWindow>();
        for (int k = 0; k < Target.K; k++)
        {
            double start = (LogLargeC - logAlpha) / (2 * s[k]);
            double end = k + 1 < Target.K ? (LogSmallC - logAlpha) / (2 * s[k + 1]) : double.PositiveInfinity;
            list.Add(new IncrementalWindow(k + 1, start, end));
        }
        return list;
    }

    /// <summary>The theorem at α = exp(logAlpha): hypotheses, windows and, when <paramref name="samplesPerWindow"/> &gt; 0, the
    /// verification (0: no verification; otherwise at least 2, see <see cref="Verify"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">logAlpha is NaN or infinite, or samplesPerWindow is negative or 1.</exception>
    public TheoremReport Report(double logAlpha, int samplesPerWindow = 200)
    {
        CheckLogAlpha(logAlpha);
        if (samplesPerWindow < 0)
            throw new ArgumentOutOfRangeException(nameof(samplesPerWindow), samplesPerWindow, $"samplesPerWindow must be 0 (no verification) or ≥ 2, got {samplesPerWindow}");
        return new(this, logAlpha, Hypotheses(logAlpha), Windows(logAlpha), samplesPerWindow > 0 ? Verify(logAlpha, samplesPerWindow) : null);
    }

    /// <summary>
    /// Samples W(t) from the closed form (Proposition 1) at <paramref name="samplesPerWindow"/> evenly spaced times on each I_k
    /// and returns max ‖W(t) − Ŷ_k‖₂/ε per k, plus the ratio just outside. The unbounded I_K is sampled up to
    /// its start + max(its start, 10/σ_K): by then W(t) is within rounding of its limit Y.
    /// An empty window (the ratio hypothesis fails at this α) has nothing to sample: its <see cref="WindowCheck.MaxRatioInside"/>
    /// is NaN, its sample count 0 and its <see cref="WindowCheck.Holds"/> false — nothing was verified there. Above C_ε the
    /// windows begin before t = 0, where W(t) does not exist: only their part at t ≥ 0 is sampled (none, if it ends before 0).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">logAlpha is NaN or infinite, or samplesPerWindow &lt; 2.</exception>
    /// <exception cref="ArgumentException">α·‖Ū₀‖²_F overflows the double range (see <see cref="Initialization.WithLogAlpha"/>).</exception>
    public Verification Verify(double logAlpha, int samplesPerWindow = 200)
    {
        CheckLogAlpha(logAlpha);
        if (samplesPerWindow < 2) throw new ArgumentOutOfRangeException(nameof(samplesPerWindow), samplesPerWindow, "need at least 2 samples per window");
        var distance = new BestRankKDistance(new ClosedFormSolution(Target, InitializationAtLogAlpha(logAlpha)));
        var checks = new List<WindowCheck>();
        foreach (var w in Windows(logAlpha))
        {
            double Ratio(double t)
            {
                distance.Evaluate(t);
                return distance.To(w.K) / Epsilon;
            }
            double end = double.IsPositiveInfinity(w.End) ? w.Start + Math.Max(w.Start, 10 / Target.SigmaY[w.K - 1]) : w.End;
            // W(t) exists for t ≥ 0 only: above C_ε (log α > log C_ε) the windows begin before 0, and only their part at
            // t ≥ 0 is sampled; a window that ends before 0 has nothing to sample.
            double from = Math.Max(w.Start, 0);
            bool sampled = w.IsNonEmpty && end >= from;
            double max = double.NegativeInfinity;
            if (sampled)
                for (int i = 0; i < samplesPerWindow; i++)
                    max = Math.Max(max, Ratio(from + (end - from) * i / (samplesPerWindow - 1)));
            else max = double.NaN;
            double scale = double.IsPositiveInfinity(w.End) ? w.Start : Math.Max(w.End - w.Start, 1e-3 * w.Start);
            double before = w.Start - 0.1 * scale;
            double after = w.End + 0.1 * scale;
            // W(t) exists for t ≥ 0 only: at α above c_ε a window can end before 0, and so can the time just after it.
            checks.Add(new WindowCheck(w, end, sampled ? samplesPerWindow : 0, max,
                before >= 0 ? Ratio(before) : double.NaN,
                double.IsPositiveInfinity(w.End) || !(after >= 0) ? double.NaN : Ratio(after)));
        }
        return new Verification(logAlpha, checks);
    }

    /// <summary>log α must be a finite number: NaN gives windows with NaN ends, ±∞ is α = 0 or α = ∞.</summary>
    private static void CheckLogAlpha(double logAlpha)
    {
        if (!double.IsFinite(logAlpha))
            throw new ArgumentOutOfRangeException(nameof(logAlpha), logAlpha, $"log α must be a finite number, got {logAlpha}");
    }
}
