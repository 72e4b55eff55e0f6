namespace IncLearn;

/// <summary>
/// Transition times of plain gradient descent U ← U + η(Y − UUᵀ)U (iteration k ↔ time t = kη), and the effective-rate
/// estimate that explains their shift from the flow's (notebook 06; the explanation is ours, not the paper's).
/// </summary>
public static class GradientDescentTransitions
{
    /// <summary>The effective growth rate of a mode with eigenvalue σ under gradient descent with step η in the small-signal
    /// phase: the component grows like (1 + ησ)^{2k} = e^{2t·log(1+ησ)/η}, so the rate is log(1 + ησ)/η (&lt; σ, → σ as η → 0).</summary>
    /// <exception cref="ArgumentOutOfRangeException">σ is not finite and ≥ 0, or η is not finite and &gt; 0.</exception>
    public static double EffectiveRate(double sigma, double eta)
    {
        if (!(sigma >= 0) || double.IsInfinity(sigma))
            throw new ArgumentOutOfRangeException(nameof(sigma), sigma, $"σ is an eigenvalue of Y ⪰ 0: it must be finite and ≥ 0, got {sigma}");
        CheckEta(eta);
        return Math.Log(1 + eta * sigma) / eta;
    }

    /// <summary>The half-way time of mode i predicted with the effective rate, log(σ_i/(ασ_{i,0}))/(2·log(1+ησ_i)/η): Corollary 2's
    /// estimate with σ_i replaced by the effective rate in the exponent. Needs a spectral initialization (σ_{i,0} defined).</summary>
    public static double PredictedHalfwayTime(Target target, Initialization initialization, double eta, int mode)
    {
        Initialization.CheckMatches(target, initialization);
        var sigma0 = initialization.SpectralSigma0
            ?? throw new ArgumentException("the prediction needs a spectral initialization (σ_{i,0} defined)", nameof(initialization));
        CheckMode(target, mode);
        double s = target.SigmaY[mode];
        return (Math.Log(s / sigma0[mode]) - initialization.LogAlpha) / (2 * EffectiveRate(s, eta));
    }

    /// <summary>
    /// The measured half-way time of mode i (0-based) under gradient descent: kη for the first iteration k at which the component
    /// along φ_i, (ΦᵀWΦ)_ii = ‖φ_iᵀU‖², reaches σ_{i,Y}/2. Exact on the grid t = kη (so known to within one step η);
    /// +∞ when it is not reached within <paramref name="tMax"/> (finite, ≥ 0).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">η, the mode or tMax breaks its rule.</exception>
    public static double HalfwayTime(Target target, Initialization initialization, double eta, int mode, double tMax)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(initialization);
        CheckEta(eta);
        CheckMode(target, mode);
        if (double.IsNaN(tMax) || tMax < 0 || double.IsInfinity(tMax))
            throw new ArgumentOutOfRangeException(nameof(tMax), tMax, $"tMax must be finite and ≥ 0, got {tMax}");
        if (initialization.N != target.N)
            throw new ArgumentException($"the initialization shape Ū₀ has {initialization.N} rows but the target is {target.N}×{target.N}", nameof(initialization));
        var phi = target.Phi.Column(mode);
        double half = target.SigmaY[mode] / 2;
        var y = target.Y;
        var u = initialization.U0;
        long steps = (long)Math.Floor(tMax / eta);
        for (long k = 0; k <= steps; k++)
        {
            var projection = u.TransposeThisAndMultiply(phi);
            if (projection.DotProduct(projection) >= half) return k * eta;
            u = u + ((y - u * u.Transpose()) * u) * eta;
        }
        return double.PositiveInfinity;
    }

    /// <summary>
    /// The largest step size for which gradient descent can settle at the target: near a learned mode u² = σ the map
    /// u ↦ u + η(σ − u²)u has derivative 1 + η(σ − 3u²) = 1 − 2ησ, so it is stable iff η &lt; 1/σ; the binding mode is σ₁.
    /// (Linearising W ↦ W + η(σ − W)·2W instead gives 1 − ησ and the wrong limit 2/σ₁.)
    /// </summary>
    public static double StepSizeLimit(Target target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return 1 / target.SigmaY[0];
    }

    private static void CheckEta(double eta)
    {
        if (!(eta > 0) || double.IsInfinity(eta))
            throw new ArgumentOutOfRangeException(nameof(eta), eta, "the step size η must be a finite number > 0");
    }

    private static void CheckMode(Target target, int mode)
    {
        if (mode < 0 || mode >= target.K) throw new ArgumentOutOfRangeException(nameof(mode), mode, $"mode must be in [0, K = {target.K})");
    }
}
