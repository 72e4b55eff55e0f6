namespace IncLearn;

/// <summary>
/// Adaptive explicit Runge–Kutta integrator of order 8 with an embedded 5th/3rd-order error estimate and a 7th-order dense
/// output: Dormand–Prince 8(5,3), "DOP853" (Hairer, Nørsett &amp; Wanner, Solving ODEs I, §II.10; coefficients and error norm as
/// in Hairer's dop853.f and scipy's DOP853). At tight tolerances it needs far fewer right-hand-side evaluations than
/// <see cref="DormandPrince45"/>. Unlike <see cref="DormandPrince45"/>, steps do not land on the output times: the state there is
/// the dense output of the step that covers it (three more evaluations per such step), so many output times cost few steps.
/// Same contract as <see cref="DormandPrince45.Integrate"/>.
/// </summary>
public static class DormandPrince853
{
    private static readonly double[] C = [0.0, 0.05260015195876773, 0.0789002279381516, 0.1183503419072274, 0.2816496580927726, 0.3333333333333333, 0.25, 0.3076923076923077, 0.6512820512820513, 0.6, 0.8571428571428571, 1.0, 1.0, 0.1, 0.2, 0.7777777777777778];
    private static readonly double[][] A =
    [
        [],
        [0.05260015195876773],
        [0.0197250569845379, 0.0591751709536137],
        [0.02958758547680685, 0.0, 0.08876275643042054],
        [0.2413651341592667, 0.0, -0.8845494793282861, 0.924834003261792],
        [0.037037037037037035, 0.0, 0.0, 0.17082860872947386, 0.12546768756682242],
        [0.037109375, 0.0, 0.0, 0.17025221101954405, 0.06021653898045596, -0.017578125],
        [0.03709200011850479, 0.0, 0.0, 0.17038392571223998, 0.10726203044637328, -0.015319437748624402, 0.008273789163814023],
        [0.6241109587160757, 0.0, 0.0, -3.3608926294469414, -0.868219346841726, 27.59209969944671, 20.154067550477894, -43.48988418106996],
        [0.47766253643826434, 0.0, 0.0, -2.4881146199716677, -0.590290826836843, 21.230051448181193, 15.279233632882423, -33.28821096898486, -0.020331201708508627],
        [-0.9371424300859873, 0.0, 0.0, 5.186372428844064, 1.0914373489967295, -8.149787010746927, -18.52006565999696, 22.739487099350505, 2.4936055526796523, -3.0467644718982196],
        [2.273310147516538, 0.0, 0.0, -10.53449546673725, -2.0008720582248625, -17.9589318631188, 27.94888452941996, -2.8589982771350235, -8.87285693353063, 12.360567175794303, 0.6433927460157636],
        [0.054293734116568765, 0.0, 0.0, 0.0, 0.0, 4.450312892752409, 1.8915178993145003, -5.801203960010585, 0.3111643669578199, -0.1521609496625161, 0.20136540080403034, 0.04471061572777259],
        [0.056167502283047954, 0.0, 0.0, 0.0, 0.0, 0.0, 0.25350021021662483, -0.2462390374708025, -0.12419142326381637, 0.15329179827876568, 0.00820105229563469, 0.007567897660545699, -0.008298],
        [0.03183464816350214, 0.0, 0.0, 0.0, 0.0, 0.028300909672366776, 0.053541988307438566, -0.05492374857139099, 0.0, 0.0, -0.00010834732869724932, 0.0003825710908356584, -0.00034046500868740456, 0.1413124436746325],
        [-0.42889630158379194, 0.0, 0.0, 0.0, 0.0, -4.697621415361164, 7.683421196062599, 4.06898981839711, 0.3567271874552811, 0.0, 0.0, 0.0, -0.0013990241651590145, 2.9475147891527724, -9.15095847217987],
    ];
    private static readonly double[] B = [0.054293734116568765, 0.0, 0.0, 0.0, 0.0, 4.450312892752409, 1.8915178993145003, -5.801203960010585, 0.3111643669578199, -0.1521609496625161, 0.20136540080403034, 0.04471061572777259];
    private static readonly double[] E3 = [-0.18980075407240762, 0.0, 0.0, 0.0, 0.0, 4.450312892752409, 1.8915178993145003, -5.801203960010585, -0.4226823213237919, -0.1521609496625161, 0.20136540080403034, 0.02265179219836082, 0.0];
    private static readonly double[] E5 = [0.01312004499419488, 0.0, 0.0, 0.0, 0.0, -1.2251564463762044, -0.4957589496572502, 1.6643771824549864, -0.35032884874997366, 0.3341791187130175, 0.08192320648511571, -0.022355307863886294, 0.0];
    private static readonly double[][] D =
    [
        [-8.428938276109013, 0.0, 0.0, 0.0, 0.0, 0.5667149535193777, -3.0689499459498917, 2.38466765651207, 2.117034582445028, -0.871391583777973, 2.2404374302607883, 0.6315787787694688, -0.08899033645133331, 18.148505520854727, -9.194632392478356, -4.436036387594894],
        [10.427508642579134, 0.0, 0.0, 0.0, 0.0, 242.28349177525817, 165.20045171727028, -374.5467547226902, -22.113666853125306, 7.733432668472264, -30.674084731089398, -9.332130526430229, 15.697238121770845, -31.139403219565178, -9.35292435884448, 35.81684148639408],
        [19.985053242002433, 0.0, 0.0, 0.0, 0.0, -387.0373087493518, -189.17813819516758, 527.8081592054236, -11.57390253995963, 6.8812326946963, -1.0006050966910838, 0.7777137798053443, -2.778205752353508, -60.19669523126412, 84.32040550667716, 11.99229113618279],
        [-25.69393346270375, 0.0, 0.0, 0.0, 0.0, -154.18974869023643, -231.5293791760455, 357.6391179106141, 93.40532418362432, -37.45832313645163, 104.0996495089623, 29.8402934266605, -43.53345659001114, 96.32455395918828, -39.17726167561544, -149.72683625798564],
    ];

    /// <summary>Integrates y' = f(t, y) from t = <paramref name="startTime"/> (default 0) through the sorted
    /// <paramref name="outputTimes"/>. The integration always starts at <paramref name="startTime"/>, never at the first output
    /// time: to continue from a state reached at t₀, pass <c>startTime: t₀</c> (passing <c>new[] { t₀, t₁ }</c> alone would
    /// integrate from 0 for t₁ time units, so a first output time &gt; 0 is accepted only as an output, not as the start).</summary>
    /// <param name="f">Right-hand side, writing f(t, y) into its third argument (allocation-free).</param>
    /// <param name="y0">State at t = <paramref name="startTime"/>.</param>
    /// <param name="outputTimes">Finite, non-decreasing times ≥ <paramref name="startTime"/> at which the state is returned.</param>
    /// <param name="rtol">Relative tolerance per step, in [0, 1).</param>
    /// <param name="atol">Absolute tolerance per step, finite and ≥ 0 (rtol and atol not both 0).</param>
    /// <param name="initialStep">First step size, finite and &gt; 0 (default: Hairer–Wanner's starting-step estimate for order 8).</param>
    /// <param name="maxSteps">Upper bound on accepted + rejected steps, ≥ 1; exceeding it throws.</param>
    /// <param name="startTime">The time at which <paramref name="y0"/> holds, finite and ≥ 0 (default 0).</param>
    /// <exception cref="ArgumentException">a tolerance, an output time (one before <paramref name="startTime"/> included), the
    /// start time, the initial step or the step cap breaks its rule.</exception>
    /// <exception cref="InvalidOperationException">more than <paramref name="maxSteps"/> steps are needed, or the step size
    /// falls below rounding (the solution blows up or the right-hand side returns non-finite values).</exception>
    public static OdeResult Integrate(Action<double, double[], double[]> f, double[] y0, IReadOnlyList<double> outputTimes,
        double rtol, double atol, double? initialStep = null, int maxSteps = 10_000_000, double startTime = 0)
    {
        DormandPrince45.CheckArguments(f, y0, outputTimes, rtol, atol, initialStep, maxSteps, startTime);
        int m = y0.Length;
        var y = (double[])y0.Clone();
        var yNew = new double[m];
        var tmp = new double[m];
        var k = new double[16][];
        for (int s = 0; s < 16; s++) k[s] = new double[m];
        var dense = new double[4][];
        for (int j = 0; j < 4; j++) dense[j] = new double[m];
        var states = new List<double[]>(outputTimes.Count);
        int accepted = 0, rejected = 0, evals = 0;
        double t = startTime;
        f(t, y, k[0]); evals++;
        int next = 0;
        while (next < outputTimes.Count && outputTimes[next] == startTime) { states.Add((double[])y.Clone()); next++; }
        if (next == outputTimes.Count) return new OdeResult(outputTimes.ToArray(), states, new StepStatistics(0, 0, evals));
        double tEnd = outputTimes[^1];
        double h = initialStep ?? DormandPrince45.StartingStep(f, t, y, k[0], rtol, atol, outputTimes[next] - startTime, tmp, k[1], order: 8, ref evals);
        const double safety = 0.9, minFactor = 0.2, maxFactor = 10;
        bool rejectedThisStep = false;

        while (next < outputTimes.Count)
        {
            DormandPrince45.CheckStep(nameof(DormandPrince853), accepted + rejected, maxSteps, t, h, outputTimes[next]);
            bool lastStep = t + h >= tEnd;
            double hStep = lastStep ? tEnd - t : h;
            for (int s = 1; s < 12; s++)
            {
                Stage(y, k, A[s], hStep, tmp);
                f(t + C[s] * hStep, tmp, k[s]);
            }
            Stage(y, k, B, hStep, yNew);
            f(t + hStep, yNew, k[12]);
            evals += 12;

            // Hairer's error norm: ‖err5‖²/√(‖err5‖² + 0.01‖err3‖²) per component scale atol + rtol·max(|y|, |y_new|).
            double e5 = 0, e3 = 0;
            for (int i = 0; i < m; i++)
            {
                double sc = atol + rtol * Math.Max(Math.Abs(y[i]), Math.Abs(yNew[i]));
                double a5 = 0, a3 = 0;
                for (int s = 0; s < 13; s++)
                {
                    a5 += E5[s] * k[s][i];
                    a3 += E3[s] * k[s][i];
                }
                if (a5 == 0 && a3 == 0) continue; // adds nothing; where the scale is 0 (atol = 0, y = 0), 0/0 would be NaN
                a5 /= sc; a3 /= sc;
                e5 += a5 * a5; e3 += a3 * a3;
            }
            double err = e5 == 0 && e3 == 0 ? 0 : hStep * e5 / Math.Sqrt((e5 + 0.01 * e3) * Math.Max(1, m));

            if (err < 1.0) // false for NaN: a non-finite trial step is rejected and retried smaller
            {
                double tNew = lastStep ? tEnd : t + hStep;
                bool extraStages = false;
                while (next < outputTimes.Count && outputTimes[next] <= tNew)
                {
                    double to = outputTimes[next];
                    if (to == tNew) states.Add((double[])yNew.Clone());
                    else
                    {
                        if (!extraStages)
                        {
                            for (int s = 13; s < 16; s++)
                            {
                                Stage(y, k, A[s], hStep, tmp);
                                f(t + C[s] * hStep, tmp, k[s]);
                            }
                            evals += 3;
                            extraStages = true;
                            // The θ-independent part of the interpolant, once per step: d_j = h·Σ_s D_js k_s.
                            for (int j = 0; j < 4; j++)
                            {
                                Array.Clear(dense[j]);
                                for (int st = 0; st < 16; st++)
                                    if (D[j][st] != 0) DenseKernels.Axpy(dense[j], hStep * D[j][st], k[st]);
                            }
                        }
                        states.Add(DenseOutput(y, yNew, k, hStep, (to - t) / hStep, dense));
                    }
                    next++;
                }
                t = tNew;
                (y, yNew) = (yNew, y);
                (k[0], k[12]) = (k[12], k[0]); // FSAL: f at the new point is stage 12
                accepted++;
                double factor = err == 0 ? maxFactor : Math.Min(maxFactor, safety * Math.Pow(err, -1.0 / 8));
                if (rejectedThisStep) factor = Math.Min(1, factor);
                h = hStep * factor;
                rejectedThisStep = false;
            }
            else
            {
                rejected++;
                rejectedThisStep = true;
                h = double.IsFinite(err) ? hStep * Math.Max(minFactor, safety * Math.Pow(err, -1.0 / 8)) : hStep * 0.1;
            }
        }
        return new OdeResult(outputTimes.ToArray(), states, new StepStatistics(accepted, rejected, evals));
    }

    /// <summary>result = y + h·Σ_s a_s k_s over the given coefficients (zeros skipped).</summary>
    private static void Stage(double[] y, double[][] k, double[] a, double h, double[] result)
    {
        Array.Copy(y, result, y.Length);
        for (int s = 0; s < a.Length; s++)
            if (a[s] != 0) DenseKernels.Axpy(result, h * a[s], k[s]);
    }

    /// <summary>The 7th-order continuous extension at θ = (t − t_old)/h ∈ (0, 1) (Hairer's contd8, as in scipy), given the
    /// step's d_j = h·Σ_s D_js k_s.</summary>
    private static double[] DenseOutput(double[] yOld, double[] yNew, double[][] k, double h, double theta, double[][] d)
    {
        int m = yOld.Length;
        var result = new double[m];
        double a = theta, b = 1 - theta;
        for (int i = 0; i < m; i++)
        {
            double dy = yNew[i] - yOld[i];
            // F₆ … F₀ of scipy's Dop853DenseOutput, summed from the last: v += F, then v *= θ or (1 − θ), alternately.
            double v = d[3][i] * a;
            v = (v + d[2][i]) * b;
            v = (v + d[1][i]) * a;
            v = (v + d[0][i]) * b;
            v = (v + 2 * dy - h * (k[12][i] + k[0][i])) * a;
            v = (v + h * k[0][i] - dy) * b;
            v = (v + dy) * a;
            result[i] = yOld[i] + v;
        }
        return result;
    }
}
