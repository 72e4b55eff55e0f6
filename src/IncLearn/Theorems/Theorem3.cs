namespace IncLearn;

/// <summary>
/// Theorem 3 (incremental learning under small spectral initialization): with distinct σ₁ &gt; … &gt; σ_K &gt; 0, 0 &lt; ε ≤ σ_K,
/// c_ε = ε/max_i σ_{i,0}, C_ε = σ₁²/(ε·min_{i≤K} σ_{i,0}), α ≤ c_ε and (−log α + log c_ε)/(−log α + log C_ε) &gt; max σ_{k+1}/σ_k,
/// W(t) of Corollary 2 satisfies ‖W(t) − Ŷ_k‖₂ ≤ ε on every I_k of eq. (16) — eq. (17).
/// </summary>
public sealed class Theorem3 : IncrementalLearningTheorem
{
    private readonly Initialization shape;

    /// <summary>Theorem 3 for a target, the spectral shape σ_{i,0} = [Σ²_{U₀}]_{ii} (n entries) and ε.</summary>
    /// <exception cref="ArgumentException">repeated singular values, ε out of (0, σ_K], σ_{i,0} ≤ 0 on a non-zero mode.</exception>
    public Theorem3(Target target, IReadOnlyList<double> sigma0, double epsilon)
        : base(target, epsilon, target?.K > 0 ? target.SigmaY[target.K - 1] : double.NaN, "σ_K")
    {
        ArgumentNullException.ThrowIfNull(sigma0);
        shape = Initialization.Spectral(target!, sigma0, 1.0);
        for (int i = 0; i < target!.K; i++)
            if (!(sigma0[i] > 0))
                throw new ArgumentException($"Theorem 3 needs σ_{{i,0}} > 0 on every non-zero mode: sigma0[{i}] = {sigma0[i]}", nameof(sigma0));
        Sigma0 = sigma0.ToArray();
        double max0 = Sigma0.Max();
        double min0 = Sigma0.Take(target.K).Min();
        LogSmallC = Math.Log(epsilon) - Math.Log(max0);
        LogLargeC = 2 * Math.Log(target.SigmaY[0]) - Math.Log(epsilon) - Math.Log(min0);
    }

    /// <inheritdoc/>
    public override string Name => "Theorem 3";

    /// <summary>σ_{i,0}, i = 1..n.</summary>
    public IReadOnlyList<double> Sigma0 { get; }

    /// <inheritdoc/>
    public override double LogSmallC { get; }

    /// <inheritdoc/>
    public override double LogLargeC { get; }

    /// <inheritdoc/>
    public override double LogAlphaDirectBound => LogSmallC;

    /// <inheritdoc/>
    protected override string DirectBoundName => "c_ε";

    /// <inheritdoc/>
    public override Initialization InitializationAtLogAlpha(double logAlpha) => shape.WithLogAlpha(logAlpha);
}
