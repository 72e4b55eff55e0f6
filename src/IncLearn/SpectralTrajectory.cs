namespace IncLearn;

/// <summary>
/// Corollary 2: under a spectral initialization U(0) = α^{1/2}ΦΣ_{U₀}Vᵀ, W(t) = Φ diag(σ_{i,W}(t)) Φᵀ with
/// eq. (12) σ_{i,W}(t) = ασ_{i,0}σ_{i,Y}e^{2σ_{i,Y}t} / (σ_{i,Y} + ασ_{i,0}(e^{2σ_{i,Y}t} − 1)) for σ_{i,Y} &gt; 0 and
/// eq. (13) σ_{i,W}(t) = ασ_{i,0} / (1 + 2ασ_{i,0}t) for σ_{i,Y} = 0.
/// Evaluated stably as ασ₀σ_Y / (σ_Y e^{−2σ_Y t} − ασ₀·expm1(−2σ_Y t)): no e^{+σt}, no cancellation.
/// </summary>
public sealed class SpectralTrajectory
{
    /// <summary>The trajectories of a target under a spectral initialization (its <see cref="Initialization.SpectralSigma0"/>).</summary>
    /// <exception cref="ArgumentException">the initialization is not spectral, or its size differs from the target's.</exception>
    public SpectralTrajectory(Target target, Initialization initialization)
    {
        Initialization.CheckMatches(target, initialization);
        if (initialization.SpectralSigma0 is null)
            throw new ArgumentException("Corollary 2 needs a spectral initialization (Initialization.Spectral)", nameof(initialization));
        SigmaY = target.Eigenvalues.ToArray();
        Sigma0 = initialization.SpectralSigma0.ToArray();
        LogAlpha = initialization.LogAlpha;
    }

    private static readonly double LogMaxDouble = Math.Log(double.MaxValue);

    /// <summary>σ_{i,Y}, i = 1..n (zeros included), decreasing.</summary>
    public IReadOnlyList<double> SigmaY { get; }

    /// <summary>σ_{i,0} = [Σ²_{U₀}]_{ii}.</summary>
    public IReadOnlyList<double> Sigma0 { get; }

    /// <summary>log α.</summary>
    public double LogAlpha { get; }

    /// <summary>Number of modes n.</summary>
    public int N => SigmaY.Count;

    /// <summary>σ_{i,W}(t) for mode i (0-based), t ∈ [0, ∞] (t = ∞ gives the limit σ_{i,Y}, or 0 for a zero mode).</summary>
    /// <exception cref="ArgumentOutOfRangeException">i is outside [0, n), or t is negative or NaN.</exception>
    public double Sigma(int i, double t)
    {
        CheckMode(i);
        return Evaluate(SigmaY[i], Sigma0[i], LogAlpha, t);
    }

    /// <summary>All σ_{i,W}(t), i = 1..n.</summary>
    public double[] At(double t)
    {
        var s = new double[N];
        for (int i = 0; i < N; i++) s[i] = Sigma(i, t);
        return s;
    }

    /// <summary>σ_{i,W} on a time grid: result[i][j] = σ_{i,W}(times[j]).</summary>
    /// <exception cref="ArgumentException">a time is negative or NaN (the message names its index).</exception>
    public double[][] On(IReadOnlyList<double> times)
    {
        Numerics.CheckTimes(times, nameof(times), sorted: false, allowInfinity: true);
        return Enumerable.Range(0, N).Select(i => times.Select(t => Sigma(i, t)).ToArray()).ToArray();
    }

    /// <summary>The transition-time estimate of Section III-A, t_i ≈ log(σ_{i,Y}/(ασ_{i,0}))/(2σ_{i,Y}) — the time at which
    /// σ_{i,W} reaches exactly σ_{i,Y}/(2 − ασ_{i,0}/σ_{i,Y}) ≈ σ_{i,Y}/2. +∞ for a zero mode or σ_{i,0} = 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">i is outside [0, n).</exception>
    public double TransitionTime(int i)
    {
        CheckMode(i);
        double sy = SigmaY[i], s0 = Sigma0[i];
        if (!(sy > 0) || !(s0 > 0)) return double.PositiveInfinity;
        return (Math.Log(sy / s0) - LogAlpha) / (2 * sy);
    }

    private void CheckMode(int i)
    {
        if (i < 0 || i >= N) throw new ArgumentOutOfRangeException(nameof(i), i, $"the mode i must be in [0, n = {N})");
    }

    /// <summary>Eq. (12)–(13) for one mode, from log α so that α below the double range still evaluates. t = ∞ gives the limit
    /// (σ_Y, or 0 for σ_Y = 0).</summary>
    /// <param name="sigmaY">σ_{i,Y} ≥ 0.</param>
    /// <param name="sigma0">σ_{i,0} ≥ 0.</param>
    /// <param name="logAlpha">log α, finite, with ασ₀ ≤ double.MaxValue (σ_W(0) = ασ₀ must be representable).</param>
    /// <param name="t">Time t ≥ 0 (+∞ allowed).</param>
    /// <exception cref="ArgumentOutOfRangeException">an argument breaks its rule.</exception>
    public static double Evaluate(double sigmaY, double sigma0, double logAlpha, double t)
    {
        if (!(sigmaY >= 0) || double.IsInfinity(sigmaY)) throw new ArgumentOutOfRangeException(nameof(sigmaY), sigmaY, "σ_Y must be finite and ≥ 0");
        if (!(sigma0 >= 0) || double.IsInfinity(sigma0)) throw new ArgumentOutOfRangeException(nameof(sigma0), sigma0, "σ_0 must be finite and ≥ 0");
        if (double.IsNaN(t) || t < 0) throw new ArgumentOutOfRangeException(nameof(t), t, "t must be ≥ 0 (and not NaN)");
        if (!double.IsFinite(logAlpha)) throw new ArgumentOutOfRangeException(nameof(logAlpha), logAlpha, "log α must be finite");
        if (sigma0 == 0) return 0;
        if (logAlpha + Math.Log(sigma0) > LogMaxDouble)
            throw new ArgumentOutOfRangeException(nameof(logAlpha), logAlpha,
                $"σ_W(0) = ασ₀ must be representable: log α + log σ₀ = {logAlpha + Math.Log(sigma0):G6} exceeds log(double.MaxValue) = {LogMaxDouble:G6}");
        if (sigmaY == 0)
        {
            // (13): ασ₀/(1 + 2ασ₀t) = 1/(1/(ασ₀) + 2t), formed from log(ασ₀) so tiny α stays exact.
            double inv = Math.Exp(-(logAlpha + Math.Log(sigma0)));
            return 1.0 / (inv + 2 * t);
        }
        // (12) divided by ασ₀: σ_Y / (σ_Y e^{−2σ_Y t}/(ασ₀) − expm1(−2σ_Y t)); exponent combined in log space.
        double x = -2 * sigmaY * t;
        double first = sigmaY * Math.Exp(x - logAlpha - Math.Log(sigma0));
        return sigmaY / (first - Numerics.Expm1(x));
    }
}
