using MathNet.Numerics.LinearAlgebra;

namespace IncLearn;

/// <summary>
/// Plain gradient descent on problem (1): U ← U + η(Y − UUᵀ)U, the discrete counterpart of the flow (2).
/// Iteration k is compared with the flow at time t = kη; mode i then grows at the effective rate log(1 + ησ_i)/η
/// instead of σ_i, which shifts the transitions (notebook 06).
/// </summary>
public static class GradientDescent
{
    /// <summary>Runs GD from U(0) = α^{1/2}Ū₀ and returns W = UUᵀ (and U) at the iterations nearest to the requested times.</summary>
    /// <param name="target">The target Y.</param>
    /// <param name="initialization">U(0) = α^{1/2}Ū₀.</param>
    /// <param name="eta">Step size η &gt; 0.</param>
    /// <param name="times">Finite, non-decreasing times ≥ 0; the iterate k = round(t/η) is reported for each.</param>
    /// <param name="maxIterations">Cap on the number of iterations round(t_last/η), ≥ 1.</param>
    /// <exception cref="ArgumentException">η, the times or the cap break their rule, or round(t_last/η) exceeds the cap.</exception>
    /// <exception cref="InvalidOperationException">the iteration diverges (a non-finite entry of U): η is beyond the stable range
    /// (about η &lt; 2/(σ₁ + λ_max(W)) near the solution); the message gives the iteration and the time.</exception>
    public static FlowTrajectory Run(Target target, Initialization initialization, double eta, IReadOnlyList<double> times,
        long maxIterations = 100_000_000)
    {
        Initialization.CheckMatches(target, initialization);
        Numerics.CheckTimes(times, nameof(times), sorted: true);
        if (!(eta > 0) || double.IsInfinity(eta))
            throw new ArgumentOutOfRangeException(nameof(eta), eta, $"the step size η must be a finite number > 0, got {eta}");
        if (maxIterations < 1)
            throw new ArgumentOutOfRangeException(nameof(maxIterations), maxIterations, $"maxIterations must be ≥ 1, got {maxIterations}");
        double needed = times.Count > 0 ? Math.Round(times[^1] / eta) : 0;
        if (needed > maxIterations)
            throw new ArgumentException(
                $"reaching t = {times[^1]:G6} with η = {eta:G3} takes {needed:G3} iterations, more than maxIterations = {maxIterations}; raise η or maxIterations", nameof(eta));

        var y = target.Y;
        var u = initialization.U0;
        long k = 0;
        var us = new List<Matrix<double>>(times.Count);
        foreach (double t in times)
        {
            long kt = (long)Math.Round(t / eta);
            for (; k < kt; k++)
            {
                u = u + ((y - u * u.Transpose()) * u) * eta;
                double norm = u.FrobeniusNorm();
                if (!double.IsFinite(norm))
                    throw new InvalidOperationException(
                        $"gradient descent diverged at iteration {k + 1} (t = {(k + 1) * eta:G6}): U has a non-finite entry; η = {eta:G3} is beyond the stable step (about 2/(σ₁ + ‖W‖) = {2 / (target.Eigenvalues[0] + Math.Max(target.Eigenvalues[0], 0)):G3} near the solution)");
            }
            us.Add(u.Clone());
        }
        var ws = us.Select(x => x * x.Transpose()).ToArray();
        return new FlowTrajectory(times.ToArray(), ws, us, new StepStatistics((int)Math.Min(k, int.MaxValue), 0, (int)Math.Min(k, int.MaxValue)));
    }
}
