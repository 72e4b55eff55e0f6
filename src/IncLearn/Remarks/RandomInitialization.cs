using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace IncLearn;

/// <summary>
/// Remark III-C1 (random initialization): Ū₀ ∈ ℝ^{n×r} with i.i.d. N(0,1) entries — no 1/√r normalisation, as in the paper — and
/// r ≥ n, so W̄₀ = Ū₀Ū₀ᵀ is invertible almost surely. If P(max(‖W̄₀‖, ‖W̄₀⁻¹‖) ≤ M_δ) ≥ 1 − δ, Theorem 4 with M_δ in place of M
/// holds with probability ≥ 1 − δ. Seeded: trial i uses <c>new Random(seed + i)</c>.
/// </summary>
public sealed class RandomInitialization
{
    /// <summary>The remark's setting for n×r Gaussian shapes.</summary>
    /// <exception cref="ArgumentException">r &lt; n (W̄₀ would be singular) or n &lt; 1.</exception>
    public RandomInitialization(int n, int r, int seed)
    {
        if (n < 1) throw new ArgumentException($"n must be ≥ 1, got {n}", nameof(n));
        if (r < n) throw new ArgumentException($"the remark needs r ≥ n so that W̄₀ is invertible: r = {r} < n = {n}", nameof(r));
        N = n; R = r; Seed = seed;
    }

    /// <summary>n.</summary>
    public int N { get; }

    /// <summary>r.</summary>
    public int R { get; }

    /// <summary>Base seed.</summary>
    public int Seed { get; }

    /// <summary>The shape of trial <paramref name="trial"/> (a trial index ≥ 0, not a seed: it draws from <c>new Random(Seed + trial)</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">trial is negative.</exception>
    public Matrix<double> Shape(int trial)
    {
        if (trial < 0)
            throw new ArgumentOutOfRangeException(nameof(trial), trial, $"trial is a trial index and must be ≥ 0 (the seed is the constructor's), got {trial}");
        return Matrix<double>.Build.Random(N, R, new Normal(0, 1, new Random(Seed + trial)));
    }

    /// <summary>λ_max, λ_min and M over <paramref name="trials"/> trials; eigenvalues of the first <paramref name="keepEigenvaluesOf"/> trials kept.</summary>
    /// <exception cref="ArgumentOutOfRangeException">trials &lt; 1 or keepEigenvaluesOf &lt; 0.</exception>
    public SpectrumSamples Sample(int trials, int keepEigenvaluesOf = 200)
    {
        if (trials < 1) throw new ArgumentOutOfRangeException(nameof(trials), trials, "need at least one trial");
        if (keepEigenvaluesOf < 0)
            throw new ArgumentOutOfRangeException(nameof(keepEigenvaluesOf), keepEigenvaluesOf, $"keepEigenvaluesOf is a count of trials and must be ≥ 0, got {keepEigenvaluesOf}");
        var lmax = new double[trials]; var lmin = new double[trials]; var m = new double[trials];
        var all = new List<double>();
        for (int i = 0; i < trials; i++)
        {
            var u = Shape(i);
            var w = u * u.Transpose();
            var eig = w.Evd(Symmetricity.Symmetric).EigenValues.Select(c => c.Real).ToArray();
            lmax[i] = eig.Max(); lmin[i] = eig.Min();
            m[i] = Math.Max(lmax[i], 1 / lmin[i]);
            if (i < keepEigenvaluesOf) all.AddRange(eig);
        }
        return new SpectrumSamples(lmax, lmin, m, all.ToArray());
    }

    /// <summary>M_δ: the empirical (1 − δ)-quantile of M, with a ≈95 % distribution-free interval from the binomial
    /// distribution of the number of samples below the true quantile (normal approximation, ±1.96 standard deviations).</summary>
    public static QuantileEstimate Quantile(IReadOnlyList<double> samples, double q)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (!(q > 0 && q < 1)) throw new ArgumentOutOfRangeException(nameof(q), q, $"q must be in (0, 1), got {q}");
        if (samples.Count == 0) throw new ArgumentException("samples must not be empty: a quantile needs at least one sample", nameof(samples));
        for (int i = 0; i < samples.Count; i++)
            if (double.IsNaN(samples[i])) throw new ArgumentException($"samples must not contain NaN: samples[{i}] = NaN", nameof(samples));
        var s = samples.OrderBy(x => x).ToArray();
        int n = s.Length;
        int Index(double k) => Math.Clamp((int)Math.Ceiling(k) - 1, 0, n - 1);
        double sd = Math.Sqrt(n * q * (1 - q));
        return new QuantileEstimate(s[Index(n * q)], s[Index(n * q - 1.96 * sd)], s[Index(n * q + 1.96 * sd + 1)]);
    }

    /// <summary>Marchenko–Pastur edges of W̄₀'s spectrum, (√r ∓ √n)² (the leading order as n, r → ∞ with n/r fixed).</summary>
    public (double Lower, double Upper) MarchenkoPasturEdges => (Math.Pow(Math.Sqrt(R) - Math.Sqrt(N), 2), Math.Pow(Math.Sqrt(R) + Math.Sqrt(N), 2));

    /// <summary>Mean of the Tracy–Widom (β = 1) law, E[TW₁] ≈ −1.2065 (Tracy &amp; Widom 1996).</summary>
    public const double TracyWidom1Mean = -1.2065335745820;

    /// <summary>
    /// Finite-n expectations of λ_max and λ_min of W̄₀, from the Tracy–Widom centring and scaling of white Wishart extremes:
    /// λ_max ≈ μ₊ + σ₊·TW₁ with μ₊ = (√(n−½) + √(r−½))², σ₊ = √μ₊·(1/√(n−½) + 1/√(r−½))^{1/3} (Johnstone 2001, Ann. Statist. 29(2));
    /// λ_min ≈ μ₋ − σ₋·TW₁ with μ₋ = (√(r−½) − √(n−½))², σ₋ = √μ₋·(1/√(n−½) − 1/√(r−½))^{1/3} (Ma 2012, Bernoulli 18(1)), r &gt; n.
    /// Taking expectations: E λ_max ≈ μ₊ + σ₊E[TW₁], E λ_min ≈ μ₋ − σ₋E[TW₁]. The Marchenko–Pastur edges are their n, r → ∞ limits.
    /// </summary>
    public (double LambdaMin, double LambdaMax) FiniteNExpectation
    {
        get
        {
            // n = 1: W̄₀ = ‖g‖² with g ~ N(0, I_r), a χ²_r variable whose mean r is exact (the Tracy–Widom centring is not
            // valid that small: it would give a negative λ_max for r = 1).
            if (N == 1) return (R, R);
            double a = Math.Sqrt(N - 0.5), b = Math.Sqrt(R - 0.5);
            double muMax = (a + b) * (a + b), sigmaMax = (a + b) * Math.Cbrt(1 / a + 1 / b);
            double muMin = (b - a) * (b - a), sigmaMin = (b - a) * Math.Cbrt(1 / a - 1 / b);
            return (muMin - sigmaMin * TracyWidom1Mean, muMax + sigmaMax * TracyWidom1Mean);
        }
    }

    /// <summary>Marchenko–Pastur density of W̄₀'s eigenvalues λ (ratio y = n/r ≤ 1): with x = λ/r,
    /// p(λ) = √((b − x)(x − a)) / (2π y x r), a, b = (1 ∓ √y)². 0 outside the support, including every λ ≤ 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">lambda is NaN or infinite.</exception>
    public double MarchenkoPasturDensity(double lambda)
    {
        if (!double.IsFinite(lambda))
            throw new ArgumentOutOfRangeException(nameof(lambda), lambda, $"λ must be a finite number, got {lambda}");
        double y = (double)N / R, x = lambda / R;
        double a = Math.Pow(1 - Math.Sqrt(y), 2), b = Math.Pow(1 + Math.Sqrt(y), 2);
        if (x <= a || x >= b) return 0;
        return Math.Sqrt((b - x) * (x - a)) / (2 * Math.PI * y * x) / R;
    }

    /// <summary>
    /// Non-asymptotic upper bound on λ_max(W̄₀) holding with probability ≥ 1 − δ/2: (√n + √r + √(2 log(2/δ)))²,
    /// from s_max(G) ≤ √r + √n + t with probability ≥ 1 − e^{−t²/2} for an n×r standard Gaussian G
    /// (Davidson &amp; Szarek 2001, Thm II.13; Vershynin 2012, "Introduction to the non-asymptotic analysis of random matrices", Cor. 5.35).
    /// </summary>
    public double LambdaMaxBound(double delta)
    {
        CheckDelta(delta);
        return Math.Pow(Math.Sqrt(N) + Math.Sqrt(R) + Math.Sqrt(2 * Math.Log(2 / delta)), 2);
    }

    /// <summary>
    /// Non-asymptotic lower bound on λ_min(W̄₀) holding with probability ≥ 1 − δ/2: the larger of
    /// (a) (√r − √n − √(2 log(2/δ)))² when positive (Vershynin 2012, Cor. 5.35; vacuous when r is close to n), and
    /// (b) (δ/(2·2.35·√n))², because λ_min(Ū₀Ū₀ᵀ) ≥ s_min(G)² for the n×n block G of the first n columns, and
    /// P(s_min(G) ≤ x) ≤ 2.35·x·√n for an n×n standard Gaussian G (Sankar, Spielman &amp; Teng 2006, SIAM J. Matrix Anal. Appl. 28(2),
    /// Thm 3.1 with Ā = 0, σ = 1) — not vacuous at any n, including r = n.
    /// </summary>
    public double LambdaMinBound(double delta)
    {
        CheckDelta(delta);
        double t = Math.Sqrt(2 * Math.Log(2 / delta));
        double a = Math.Sqrt(R) - Math.Sqrt(N) - t;
        double vershynin = a > 0 ? a * a : 0;
        double sst = Math.Pow(delta / (2 * 2.35 * Math.Sqrt(N)), 2);
        return Math.Max(vershynin, sst);
    }

    /// <summary>M_δ from the bounds, by a union bound (δ/2 each): max(λ_max bound, 1/λ_min bound); holds with probability ≥ 1 − δ.</summary>
    public double MBound(double delta) => Math.Max(LambdaMaxBound(delta), 1 / LambdaMinBound(delta));

    /// <summary>How many of the trials 0..count−1 satisfy <paramref name="holds"/>, evaluated on all cores. Trials are independent
    /// (trial i draws from its own seed), so the count is the same whatever the thread timing. An exception of the lowest
    /// failing trial is rethrown as it is (not wrapped in an AggregateException).</summary>
    private static int CountInParallel(int count, Func<int, bool> holds)
    {
        var results = new bool[count];
        var errors = new Exception?[count];
        Parallel.For(0, count, Numerics.OneWorkerPerCore, i =>
        {
            try { results[i] = holds(i); }
            catch (Exception e) { errors[i] = e; }
        });
        if (errors.FirstOrDefault(e => e is not null) is { } first)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
        return results.Count(r => r);
    }

    private static void CheckDelta(double delta)
    {
        if (!(delta > 0 && delta < 1)) throw new ArgumentOutOfRangeException(nameof(delta), delta, "δ must be in (0, 1)");
    }

    /// <summary>
    /// The fraction of trials for which Theorem 4's conclusion holds when its constants use <paramref name="mDelta"/> for M
    /// and α is the largest admissible one for those constants (the remark's claim: ≥ 1 − δ), verified on the closed form with
    /// <paramref name="samplesPerWindow"/> samples per window.
    /// Returns the fraction and its standard error √(p(1 − p)/T).
    /// </summary>
    /// <exception cref="ArgumentException">ε outside (0, min(σ_K, 1)], mDelta not finite or below 1, trials &lt; 1,
    /// samplesPerWindow &lt; 2, or the target does not fit Theorem 4.</exception>
    public (double Probability, double StandardError) ProbabilityTheorem4Holds(Target target, double epsilon, double mDelta, int trials, int samplesPerWindow = 40)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.K > 0)
        {
            double bound = Math.Min(target.SigmaY[target.K - 1], 1.0);
            if (!(epsilon > 0 && epsilon <= bound))
                throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, $"ε must satisfy 0 < ε ≤ min(σ_K, 1) = {bound:G6}, got {epsilon}");
        }
        if (!(mDelta >= 1) || double.IsInfinity(mDelta))
            throw new ArgumentOutOfRangeException(nameof(mDelta), mDelta, $"M_δ bounds M = max(‖V‖, ‖V⁻¹‖) ≥ 1: it must be finite and ≥ 1, got {mDelta}");
        if (trials < 1) throw new ArgumentOutOfRangeException(nameof(trials), trials, $"trials must be ≥ 1, got {trials}");
        if (samplesPerWindow < 2)
            throw new ArgumentOutOfRangeException(nameof(samplesPerWindow), samplesPerWindow, $"need at least 2 samples per window, got {samplesPerWindow}");
        // The instance as a user would run it: constants, α and windows from M_δ. Trials whose own M exceeds M_δ are
        // outside the event the remark conditions on; they count as whatever the verification finds.
        int ok = CountInParallel(trials, i =>
        {
            var th = new Theorem4(target, Shape(i), epsilon, mDelta);
            return th.Verify(th.LogAlphaMax, samplesPerWindow).Holds;
        });
        double p = (double)ok / trials;
        return (p, Math.Sqrt(p * (1 - p) / trials));
    }

    /// <summary>At a practical α where the theorem says nothing: the fraction of trials for which every rank-k plateau is still
    /// visited within ε (<see cref="Measurements.VisitsEveryPlateau"/>), with its standard error.</summary>
    /// <exception cref="ArgumentException">ε outside (0, σ_K], α not a finite number &gt; 0, trials or gridPoints &lt; 1, or the
    /// target's size differs from n.</exception>
    public (double Probability, double StandardError) ProbabilityPlateausVisited(Target target, double epsilon, double alpha, int trials, int gridPoints = 300)
    {
        Measurements.CheckPlateauEpsilon(target, epsilon);
        if (!(alpha > 0) || double.IsInfinity(alpha))
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, $"α must be a finite number > 0, got {alpha}");
        if (trials < 1) throw new ArgumentOutOfRangeException(nameof(trials), trials, $"trials must be ≥ 1, got {trials}");
        if (gridPoints < 1) throw new ArgumentOutOfRangeException(nameof(gridPoints), gridPoints, $"gridPoints must be ≥ 1, got {gridPoints}");
        int ok = CountInParallel(trials, i => Measurements.VisitsEveryPlateau(target, Initialization.FromShape(Shape(i), alpha), epsilon, gridPoints));
        double p = (double)ok / trials;
        return (p, Math.Sqrt(p * (1 - p) / trials));
    }
}
