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
    /// <param name="times">Non-decreasing times ≥ 0; the iterate k = round(t/η) is reported for each.</param>
    public static FlowTrajectory Run(Target target, Initialization initialization, double eta, IReadOnlyList<double> times)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(initialization);
        ArgumentNullException.ThrowIfNull(times);
        if (!(eta > 0) || double.IsInfinity(eta))
            throw new ArgumentOutOfRangeException(nameof(eta), eta, "the step size η must be a finite number > 0");
        if (initialization.N != target.N)
            throw new ArgumentException($"the initialization shape Ū₀ has {initialization.N} rows but the target is {target.N}×{target.N}", nameof(initialization));
        for (int i = 0; i < times.Count; i++)
            if (!(times[i] >= 0) || double.IsInfinity(times[i]) || (i > 0 && times[i] < times[i - 1]))
                throw new ArgumentException($"times must be finite, ≥ 0 and non-decreasing: times[{i}] = {times[i]}", nameof(times));

        var y = target.Y;
        var u = initialization.U0;
        long k = 0;
        var us = new List<Matrix<double>>(times.Count);
        foreach (double t in times)
        {
            long kt = (long)Math.Round(t / eta);
            for (; k < kt; k++)
                u = u + ((y - u * u.Transpose()) * u) * eta;
            us.Add(u.Clone());
        }
        var ws = us.Select(x => x * x.Transpose()).ToArray();
        return new FlowTrajectory(times.ToArray(), ws, us, new StepStatistics((int)Math.Min(k, int.MaxValue), 0, (int)Math.Min(k, int.MaxValue)));
    }
}
