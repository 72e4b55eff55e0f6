namespace IncLearn;

/// <summary>Step statistics of an adaptive integration.</summary>
/// <param name="Accepted">Accepted steps.</param>
/// <param name="Rejected">Rejected steps (error above tolerance).</param>
/// <param name="Evaluations">Right-hand-side evaluations.</param>
public sealed record StepStatistics(int Accepted, int Rejected, int Evaluations);

/// <summary>States at the requested output times, with step statistics.</summary>
/// <param name="Times">The output times, as requested.</param>
/// <param name="States">The state at each output time.</param>
/// <param name="Statistics">Step statistics of the whole integration.</param>
public sealed record OdeResult(IReadOnlyList<double> Times, IReadOnlyList<double[]> States, StepStatistics Statistics);

/// <summary>
/// Adaptive explicit Runge–Kutta integrator, Dormand–Prince 5(4) with FSAL and a standard error-per-step controller
/// (Hairer, Nørsett &amp; Wanner, Solving ODEs I, §II.4–5). Hand-written because MathNet.Numerics 5 offers only
/// fixed-step Runge–Kutta, which cannot follow the sharp transitions of the flow at a controlled accuracy.
/// Steps land exactly on every requested output time (no interpolation error at the outputs).
/// </summary>
public static class DormandPrince45
{
    // Butcher tableau of Dormand–Prince 5(4).
    private const double C2 = 1.0 / 5, C3 = 3.0 / 10, C4 = 4.0 / 5, C5 = 8.0 / 9;
    private const double A21 = 1.0 / 5;
    private const double A31 = 3.0 / 40, A32 = 9.0 / 40;
    private const double A41 = 44.0 / 45, A42 = -56.0 / 15, A43 = 32.0 / 9;
    private const double A51 = 19372.0 / 6561, A52 = -25360.0 / 2187, A53 = 64448.0 / 6561, A54 = -212.0 / 729;
    private const double A61 = 9017.0 / 3168, A62 = -355.0 / 33, A63 = 46732.0 / 5247, A64 = 49.0 / 176, A65 = -5103.0 / 18656;
    private const double B1 = 35.0 / 384, B3 = 500.0 / 1113, B4 = 125.0 / 192, B5 = -2187.0 / 6784, B6 = 11.0 / 84;
    // Error coefficients: b − b̂ (5th minus 4th order weights).
    private const double E1 = 71.0 / 57600, E3 = -71.0 / 16695, E4 = 71.0 / 1920, E5 = -17253.0 / 339200, E6 = 22.0 / 525, E7 = -1.0 / 40;

    /// <summary>Integrates y' = f(t, y) from t = <paramref name="startTime"/> (default 0) through the sorted
    /// <paramref name="outputTimes"/>. The integration always starts at <paramref name="startTime"/>, never at the first output
    /// time: to continue from a state reached at t₀, pass <c>startTime: t₀</c> (passing <c>new[] { t₀, t₁ }</c> alone would
    /// integrate from 0 for t₁ time units, so a first output time &gt; 0 is accepted only as an output, not as the start).</summary>
    /// <param name="f">Right-hand side, writing f(t, y) into its third argument (allocation-free).</param>
    /// <param name="y0">State at t = <paramref name="startTime"/>.</param>
    /// <param name="outputTimes">Finite, non-decreasing times ≥ <paramref name="startTime"/> at which the state is returned.</param>
    /// <param name="rtol">Relative tolerance per step, in [0, 1).</param>
    /// <param name="atol">Absolute tolerance per step, finite and ≥ 0 (rtol and atol not both 0).</param>
    /// <param name="initialStep">First step size, finite and &gt; 0 (default: Hairer–Wanner's starting-step estimate from
    /// ‖f(0, y₀)‖ and a trial Euler step, capped by the first output interval).</param>
    /// <param name="maxSteps">Upper bound on accepted + rejected steps, ≥ 1; exceeding it throws.</param>
    /// <param name="startTime">The time at which <paramref name="y0"/> holds, finite and ≥ 0 (default 0).</param>
    /// <exception cref="ArgumentException">a tolerance, an output time (one before <paramref name="startTime"/> included), the
    /// start time, the initial step or the step cap breaks its rule.</exception>
    /// <exception cref="InvalidOperationException">more than <paramref name="maxSteps"/> steps are needed, or the step size
    /// falls below rounding (the solution blows up or the right-hand side returns non-finite values).</exception>
    public static OdeResult Integrate(Action<double, double[], double[]> f, double[] y0, IReadOnlyList<double> outputTimes,
        double rtol, double atol, double? initialStep = null, int maxSteps = 10_000_000, double startTime = 0)
    {
        CheckArguments(f, y0, outputTimes, rtol, atol, initialStep, maxSteps, startTime);
        int m = y0.Length;
        var y = (double[])y0.Clone();
        var k1 = new double[m]; var k2 = new double[m]; var k3 = new double[m]; var k4 = new double[m];
        var k5 = new double[m]; var k6 = new double[m]; var k7 = new double[m];
        var tmp = new double[m]; var yNew = new double[m];
        var states = new List<double[]>(outputTimes.Count);
        int accepted = 0, rejected = 0, evals = 0;
        double t = startTime;
        f(t, y, k1); evals++;
        double firstInterval = outputTimes.FirstOrDefault(x => x > startTime, startTime) - startTime;
        double h = initialStep ?? StartingStep(f, t, y, k1, rtol, atol, firstInterval, tmp, k2, order: 5, ref evals);
        const double safety = 0.9, minFactor = 0.2, maxFactor = 10;

        foreach (double target in outputTimes)
        {
            while (t < target)
            {
                CheckStep(nameof(DormandPrince45), accepted + rejected, maxSteps, t, h, target);
                bool lastStep = t + h >= target;
                double hStep = lastStep ? target - t : h;
                for (int i = 0; i < m; i++) tmp[i] = y[i] + hStep * A21 * k1[i];
                f(t + C2 * hStep, tmp, k2);
                for (int i = 0; i < m; i++) tmp[i] = y[i] + hStep * (A31 * k1[i] + A32 * k2[i]);
                f(t + C3 * hStep, tmp, k3);
                for (int i = 0; i < m; i++) tmp[i] = y[i] + hStep * (A41 * k1[i] + A42 * k2[i] + A43 * k3[i]);
                f(t + C4 * hStep, tmp, k4);
                for (int i = 0; i < m; i++) tmp[i] = y[i] + hStep * (A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i]);
                f(t + C5 * hStep, tmp, k5);
                for (int i = 0; i < m; i++) tmp[i] = y[i] + hStep * (A61 * k1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i]);
                f(t + hStep, tmp, k6);
                for (int i = 0; i < m; i++) yNew[i] = y[i] + hStep * (B1 * k1[i] + B3 * k3[i] + B4 * k4[i] + B5 * k5[i] + B6 * k6[i]);
                f(t + hStep, yNew, k7);
                evals += 6;

                double err = 0;
                for (int i = 0; i < m; i++)
                {
                    double e = hStep * (E1 * k1[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i] + E7 * k7[i]);
                    if (e == 0) continue;
                    double sc = atol + rtol * Math.Max(Math.Abs(y[i]), Math.Abs(yNew[i]));
                    err += (e / sc) * (e / sc);
                }
                err = Math.Sqrt(err / Math.Max(1, m));

                if (err <= 1.0) // false for NaN: a non-finite trial step is rejected and retried smaller
                {
                    t = lastStep ? target : t + hStep;
                    (y, yNew) = (yNew, y);
                    (k1, k7) = (k7, k1); // FSAL: f at the new point is k7
                    accepted++;
                    double factor = err == 0 ? maxFactor : Math.Min(maxFactor, Math.Max(minFactor, safety * Math.Pow(err, -0.2)));
                    if (!lastStep || factor < 1) h = hStep * factor;
                }
                else
                {
                    rejected++;
                    h = double.IsFinite(err) ? hStep * Math.Max(minFactor, safety * Math.Pow(err, -0.2)) : hStep * 0.1;
                }
            }
            states.Add((double[])y.Clone());
        }
        return new OdeResult(outputTimes.ToArray(), states, new StepStatistics(accepted, rejected, evals));
    }

    /// <summary>The argument rules both Dormand–Prince integrators share.</summary>
    internal static void CheckArguments(Action<double, double[], double[]> f, double[] y0, IReadOnlyList<double> outputTimes,
        double rtol, double atol, double? initialStep, int maxSteps, double startTime)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(y0);
        Numerics.CheckTimes(outputTimes, nameof(outputTimes), sorted: true);
        if (!(startTime >= 0) || double.IsInfinity(startTime))
            throw new ArgumentOutOfRangeException(nameof(startTime), startTime, $"startTime must be finite and ≥ 0, got {startTime}");
        if (outputTimes.Count > 0 && outputTimes[0] < startTime)
            throw new ArgumentException(
                $"outputTimes must be ≥ startTime = {startTime}: outputTimes[0] = {outputTimes[0]} (the integrator runs forward from startTime, where y0 holds)",
                nameof(outputTimes));
        if (!(rtol >= 0 && rtol < 1)) throw new ArgumentOutOfRangeException(nameof(rtol), rtol, $"rtol must be in [0, 1), got {rtol}");
        if (!(atol >= 0) || double.IsInfinity(atol)) throw new ArgumentOutOfRangeException(nameof(atol), atol, $"atol must be finite and ≥ 0, got {atol}");
        if (rtol == 0 && atol == 0) throw new ArgumentException("rtol and atol cannot both be 0", nameof(rtol));
        if (initialStep is double h0 && !(h0 > 0 && double.IsFinite(h0)))
            throw new ArgumentOutOfRangeException(nameof(initialStep), initialStep, $"initialStep must be finite and > 0, got {h0}");
        if (maxSteps < 1) throw new ArgumentOutOfRangeException(nameof(maxSteps), maxSteps, $"maxSteps must be ≥ 1, got {maxSteps}");
        for (int i = 0; i < y0.Length; i++)
            if (!double.IsFinite(y0[i])) throw new ArgumentException($"y0 must be finite: y0[{i}] = {y0[i]}", nameof(y0));
    }

    /// <summary>The guards every step of both pairs takes: the step cap, and a step that fell below the rounding of t.</summary>
    /// <exception cref="InvalidOperationException">the cap is reached, or the step is below rounding (the solution blows up or
    /// f returns non-finite values).</exception>
    internal static void CheckStep(string method, int steps, int maxSteps, double t, double h, double nextOutput)
    {
        if (steps >= maxSteps)
            throw new InvalidOperationException(
                $"{method}: the step cap maxSteps = {maxSteps} was reached at t = {t:G6} before the output time {nextOutput:G6}; raise maxSteps or loosen rtol/atol");
        if (h <= 16 * double.Epsilon || h < 4 * Math.BitIncrement(t) - 4 * t)
            throw new InvalidOperationException(
                $"{method}: the step size fell to {h:G3} at t = {t:G6} (below rounding): the solution blows up or f returns non-finite values there");
    }

    /// <summary>Starting step (Hairer, Nørsett &amp; Wanner, Solving ODEs I, §II.4, "automatic step size selection"):
    /// h₀ = 0.01·‖y₀‖/‖f₀‖, then h₁ = (0.01/max(‖f₀‖, ‖f'‖))^{1/order} from one Euler step; the smaller of 100h₀ and h₁, and at
    /// most the first output interval. Norms are scaled by atol + rtol·|y|; a zero state with zero derivative gives the output interval.</summary>
    internal static double StartingStep(Action<double, double[], double[]> f, double t0, double[] y, double[] f0, double rtol, double atol,
        double firstInterval, double[] y1, double[] f1, int order, ref int evals)
    {
        int m = y.Length;
        double Norm(Func<int, double> v)
        {
            double s = 0;
            for (int i = 0; i < m; i++)
            {
                double x = v(i);
                if (x == 0) continue;
                double sc = atol + rtol * Math.Abs(y[i]);
                s += sc > 0 ? (x / sc) * (x / sc) : double.PositiveInfinity;
            }
            return Math.Sqrt(s / Math.Max(1, m));
        }
        double cap = firstInterval > 0 ? firstInterval : 1.0;
        double d0 = Norm(i => y[i]), d1 = Norm(i => f0[i]);
        if (d1 == 0) return cap;
        double h0 = d0 < 1e-5 || d1 < 1e-5 || !double.IsFinite(d0 / d1) ? 1e-6 * cap : 0.01 * d0 / d1;
        h0 = Math.Min(h0, cap);
        for (int i = 0; i < m; i++) y1[i] = y[i] + h0 * f0[i];
        f(t0 + h0, y1, f1); evals++;
        double d2 = Norm(i => f1[i] - f0[i]) / h0;
        double dm = Math.Max(d1, d2);
        double h1 = !double.IsFinite(dm) ? h0 * 1e-3 : dm <= 1e-15 ? Math.Max(1e-6, h0 * 1e-3) : Math.Pow(0.01 / dm, 1.0 / order);
        return Math.Min(Math.Min(100 * h0, h1), cap);
    }
}
