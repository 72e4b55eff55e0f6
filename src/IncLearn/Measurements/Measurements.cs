using MathNet.Numerics.LinearAlgebra;

namespace IncLearn;

/// <summary>
/// Measured counterparts of the paper's estimates: half-way (transition) times, errors to the best rank-k approximations
/// over time, and the largest α that works in practice. These are measurements on the closed form, not theorems.
/// </summary>
public static class Measurements
{
    /// <summary>The first time the component of W along φ_i, (ΦᵀW(t)Φ)_ii, reaches σ_{i,Y}/2 — the measured transition of
    /// mode i (0-based). Scanned on a grid up to <paramref name="tMax"/>, then refined by bisection to 1e-12 relative.
    /// +∞ when it is not reached by tMax.</summary>
    public static double HalfwayTime(ClosedFormSolution solution, int mode, double tMax, int gridPoints = 400)
    {
        ArgumentNullException.ThrowIfNull(solution);
        CheckGrid(tMax, gridPoints);
        var target = solution.Target;
        if (mode < 0 || mode >= target.K) throw new ArgumentOutOfRangeException(nameof(mode), mode, $"mode must be in [0, K = {target.K})");
        double half = target.SigmaY[mode] / 2;
        double Component(double t) => solution.RotatedAt(t)[mode, mode];
        return FirstCrossing(Component, half, tMax, gridPoints);
    }

    /// <summary>The first time σ_{i,W}(t) of Corollary 2 reaches σ_{i,Y}/2 (bisection on the closed-form scalar curve).
    /// +∞ for a zero mode (σ_{i,Y} = 0: there is nothing to learn, eq. (13) only decays) and when not reached by tMax.</summary>
    public static double HalfwayTime(SpectralTrajectory trajectory, int mode, double tMax, int gridPoints = 400)
    {
        ArgumentNullException.ThrowIfNull(trajectory);
        CheckGrid(tMax, gridPoints);
        if (mode < 0 || mode >= trajectory.N)
            throw new ArgumentOutOfRangeException(nameof(mode), mode, $"mode must be in [0, n = {trajectory.N})");
        if (!(trajectory.SigmaY[mode] > 0)) return double.PositiveInfinity;
        double half = trajectory.SigmaY[mode] / 2;
        return FirstCrossing(t => trajectory.Sigma(mode, t), half, tMax, gridPoints);
    }

    private static void CheckGrid(double tMax, int gridPoints)
    {
        if (!(tMax > 0) || double.IsInfinity(tMax))
            throw new ArgumentOutOfRangeException(nameof(tMax), tMax, $"tMax must be finite and > 0, got {tMax}");
        if (gridPoints < 1)
            throw new ArgumentOutOfRangeException(nameof(gridPoints), gridPoints, $"gridPoints must be ≥ 1, got {gridPoints}");
    }

    private static double FirstCrossing(Func<double, double> f, double level, double tMax, int gridPoints)
    {
        double prev = 0;
        if (f(0) >= level) return 0;
        for (int j = 1; j <= gridPoints; j++)
        {
            double t = tMax * j / gridPoints;
            if (f(t) >= level)
            {
                double lo = prev, hi = t;
                while (hi - lo > 1e-12 * hi)
                {
                    double mid = 0.5 * (lo + hi);
                    if (f(mid) >= level) hi = mid; else lo = mid;
                }
                return 0.5 * (lo + hi);
            }
            prev = t;
        }
        return double.PositiveInfinity;
    }

    /// <summary>‖W(t) − Ŷ_k‖₂ for k = 1..K at each time: result[k−1][j].</summary>
    public static double[][] ErrorsToBestRankK(ClosedFormSolution solution, IReadOnlyList<double> times)
    {
        ArgumentNullException.ThrowIfNull(solution);
        Numerics.CheckTimes(times, nameof(times), sorted: false, allowInfinity: true);
        var target = solution.Target;
        var distance = new BestRankKDistance(solution);
        var result = Enumerable.Range(0, target.K).Select(_ => new double[times.Count]).ToArray();
        for (int j = 0; j < times.Count; j++)
        {
            distance.Evaluate(times[j]);
            for (int k = 0; k < target.K; k++) result[k][j] = distance.To(k + 1);
        }
        return result;
    }

    /// <summary>Whether, for every k, min over a dense time grid of ‖W(t) − Ŷ_k‖₂ is ≤ ε: every rank-k plateau is visited
    /// within ε (the empirical counterpart of the theorems' conclusion, without their windows). The same answer as
    /// <c>PlateauErrors(…).All(e =&gt; e ≤ ε)</c>, found with less work: a minimum only decreases, so the scan stops once every k
    /// is within ε, a k already within ε is not evaluated again, and only the k still above ε are refined.
    /// ε must lie in (0, σ_K], as in the theorems: above σ_K = ‖Ŷ_K − Ŷ_{K−1}‖₂ the plateaus are no longer told apart.</summary>
    /// <exception cref="ArgumentOutOfRangeException">ε is NaN or outside (0, σ_K], or gridPoints &lt; 1.</exception>
    /// <exception cref="ArgumentException">Y = 0 (no plateau), or the shape does not match the target.</exception>
    public static bool VisitsEveryPlateau(Target target, Initialization initialization, double epsilon, int gridPoints = 600)
    {
        CheckPlateauEpsilon(target, epsilon);
        var search = new PlateauSearch(target, initialization, gridPoints);
        var mins = search.GridMinima(satisfiedAtOrBelow: epsilon);
        for (int k = 0; k < target.K; k++)
            if (!(mins[k] <= epsilon) && !(search.Refine(k, mins[k]) <= epsilon)) return false;
        return true;
    }

    /// <summary>The tolerance rule of <see cref="VisitsEveryPlateau"/>: 0 &lt; ε ≤ σ_K (checked only when Y ≠ 0; Y = 0 is refused
    /// with the target's own message).</summary>
    internal static void CheckPlateauEpsilon(Target target, double epsilon)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.K == 0) return;
        double sK = target.SigmaY[target.K - 1];
        if (!(epsilon > 0 && epsilon <= sK))
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, $"ε must satisfy 0 < ε ≤ σ_K = {sK:G6}, got {epsilon}");
    }

    /// <summary>min over a dense time grid of ‖W(t) − Ŷ_k‖₂, k = 1..K. The grid is uniform in t from 0 to 1.5× the slowest
    /// estimated transition log(σ_K/(α·λ_max(W̄₀)))/(2σ_K) plus 10/σ_K, and refined locally (golden-section) around each minimum.</summary>
    public static double[] PlateauErrors(Target target, Initialization initialization, int gridPoints = 600)
    {
        var search = new PlateauSearch(target, initialization, gridPoints);
        var mins = search.GridMinima(satisfiedAtOrBelow: double.NegativeInfinity);
        for (int k = 0; k < target.K; k++) mins[k] = search.Refine(k, mins[k]);
        return mins;
    }

    /// <summary>
    /// The largest α (found numerically, by bisection on log α between the theorem's α and 1) at which every rank-k plateau is
    /// still visited within ε (<see cref="VisitsEveryPlateau"/>) — next to the theorem's admissible α, it shows how conservative
    /// the theorem is. Assumes the property is monotone in α over the bracket (checked at both ends); 1e-3 resolution in log10 α.
    /// Returns 0 when even α = 1 works, and NaN when not even the theorem's α (or 1e-300, if that is smaller) does: there is no
    /// working α in the bracket to report.
    /// </summary>
    public static double LargestWorkingLog10Alpha(IncrementalLearningTheorem theorem, int gridPoints = 400)
    {
        ArgumentNullException.ThrowIfNull(theorem);
        if (gridPoints < 1)
            throw new ArgumentOutOfRangeException(nameof(gridPoints), gridPoints, $"gridPoints must be ≥ 1, got {gridPoints}");
        double lo = Math.Max(theorem.LogAlphaMax, Math.Log(1e-300));
        double hi = 0;
        bool Works(double la) => VisitsEveryPlateau(theorem.Target, theorem.InitializationAtLogAlpha(la), theorem.Epsilon, gridPoints);
        if (!Works(lo)) return double.NaN;
        if (Works(hi)) return 0;
        while ((hi - lo) / Math.Log(10) > 1e-3)
        {
            double mid = 0.5 * (lo + hi);
            if (Works(mid)) lo = mid; else hi = mid;
        }
        return lo / Math.Log(10);
    }

    /// <summary>
    /// Measurements for a rank-deficient initialization (Remark III-C2, r &lt; n, W̃₀ singular) on the closed form, which handles
    /// it (Proposition 1 with Woodbury's identity). Only measurements — the paper proves nothing here: the component
    /// (ΦᵀW(t)Φ)_ii along each φ_i of Y over time, the time each first reaches σ_i/2 (+∞ if never on the grid), the order in
    /// which modes are learned, and ‖W(t) − Ŷ_{min(r,K)}‖₂ over time and at t → ∞ (<see cref="ClosedFormSolution.Limit"/>).
    /// Grid: <paramref name="gridPoints"/> + 1 uniform times on [0, tEnd], tEnd = 2× the slowest estimated transition
    /// log(σ_K/(α λ_max(W̄₀)))/(2σ_K) + 10/σ_K.
    /// </summary>
    public static RankDeficientLearning RankDeficient(Target target, Initialization initialization, int gridPoints = 400)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(initialization);
        if (gridPoints < 2) throw new ArgumentOutOfRangeException(nameof(gridPoints), gridPoints, "need at least 2 grid intervals");
        var cf = new ClosedFormSolution(target, initialization);
        int r = initialization.R, kr = Math.Min(r, target.K);
        double scale = Math.Max(initialization.ShapeGram.L2Norm(), 1e-300);
        double sK = target.SigmaY[target.K - 1];
        double tEnd = 2 * Math.Max(0, (Math.Log(sK / scale) - initialization.LogAlpha) / (2 * sK)) + 10 / sK;
        var times = Enumerable.Range(0, gridPoints + 1).Select(j => tEnd * j / gridPoints).ToArray();
        var comps = Enumerable.Range(0, target.K).Select(_ => new double[times.Length]).ToArray();
        var err = new double[times.Length];
        var best = target.BestRankK(kr);
        for (int j = 0; j < times.Length; j++)
        {
            var w = cf.At(times[j]);
            var rot = target.Phi.TransposeThisAndMultiply(w) * target.Phi;
            for (int i = 0; i < target.K; i++) comps[i][j] = rot[i, i];
            err[j] = Numerics.SymmetricSpectralNorm(w - best);
        }
        var half = Enumerable.Range(0, target.K).Select(i => HalfwayTime(cf, i, tEnd, gridPoints)).ToArray();
        var order = Enumerable.Range(0, target.K).Where(i => !double.IsPositiveInfinity(half[i])).OrderBy(i => half[i]).ToArray();
        var limit = cf.Limit();
        var limRot = target.Phi.TransposeThisAndMultiply(limit) * target.Phi;
        return new RankDeficientLearning(r, kr, times, comps, half, order,
            err, Numerics.SymmetricSpectralNorm(limit - best), Enumerable.Range(0, target.K).Select(i => limRot[i, i]).ToArray());
    }
}
