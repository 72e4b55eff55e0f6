namespace IncLearn.Tests.Mutation;

/// <summary>
/// Issue 25, the Dormand–Prince pairs: the step-size control is invisible to accuracy tests (a wrong safety factor, norm or
/// starting step still meets the tolerance), so these tests pin the step sequence to an independent implementation of the
/// same controller — scipy 1.10's RK45 and DOP853 — and the edges of the step guards to hand-derived values. Expected
/// numbers come from <c>Reference/scipy_step_counts.py</c> (its docstring names the one controller difference, and how
/// the script removes it).
/// </summary>
public class IntegratorStepsMatchScipy
{
    private static void Smooth(double t, double[] y, double[] d)
    {
        d[0] = Math.Cos(1.3 * t) * y[0] - 0.4 * y[1];
        d[1] = 0.4 * y[0] - 0.25 * (1 + Math.Sin(t)) * y[1];
    }

    private static void ForcedVanDerPol(double t, double[] y, double[] d)
    {
        d[0] = y[1];
        d[1] = 5 * (1 - y[0] * y[0]) * y[1] - y[0] + 0.6 * Math.Cos(0.9 * t);
    }

    private static (Action<double, double[], double[]> F, double[] Y0, double T, double Rtol, double Atol) Problem(string name) => name switch
    {
        "Smooth" => (Smooth, [1.0, -0.35], 7.3, 3.7e-7, 2.3e-9),
        "ForcedVanDerPol" => (ForcedVanDerPol, [2.0, 0.0], 11.7, 2.9e-6, 4.1e-8),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such problem in scipy_step_counts.py"),
    };

    // Accepted, rejected and evaluation counts are scipy's exactly; y(T) agrees to rounding: the two codes sum the stages in a
    // different order, and the differences (measured ≤ 4.3e-13) grow along the van der Pol relaxation, so 1e-10 — three
    // orders below the per-step tolerance a controller mistake would move y(T) by.
    [Theory]
    [InlineData("Smooth", false, 37, 8, 272, -0.4757304396610983, -0.20150643883187574)]
    [InlineData("Smooth", true, 16, 6, 266, -0.47573039582536375, -0.2015062768269118)]
    [InlineData("ForcedVanDerPol", false, 163, 27, 1142, 1.7874145622022977, -0.18753606940962045)]
    [InlineData("ForcedVanDerPol", true, 67, 15, 986, 1.7874178867492507, -0.18753559865703803)]
    public void StepCountsAndEndStateAreScipys(string problem, bool eighthOrder, int accepted, int rejected, int evaluations, double y0T, double y1T)
    {
        var (f, y0, t, rtol, atol) = Problem(problem);
        int calls = 0;
        // Capped at scipy's step count: a controller mistake that takes more steps fails at once instead of crawling.
        var result = EitherPair.Integrate(eighthOrder, (s, y, d) => { calls++; f(s, y, d); }, y0, [t], rtol, atol, maxSteps: accepted + rejected);
        Assert.Equal(new StepStatistics(accepted, rejected, evaluations), result.Statistics);
        Assert.Equal(evaluations, calls); // the statistics count every call of f
        Assert.Equal(y0T, result.States[0][0], 1e-10);
        Assert.Equal(y1T, result.States[0][1], 1e-10);
    }

    [Fact]
    public void EighthOrderDenseOutputIsScipys()
    {
        // Outputs at 0.05·k inside the steps: the 7th-order interpolant, 3 extra evaluations once per step that has any.
        var (f, y0, t, rtol, atol) = Problem("ForcedVanDerPol");
        var times = Enumerable.Range(1, 233).Select(k => 0.05 * k).Append(t).ToArray();
        int calls = 0;
        var result = DormandPrince853.Integrate((s, y, d) => { calls++; f(s, y, d); }, y0, times, rtol, atol, maxSteps: 67 + 15);
        Assert.Equal(new StepStatistics(67, 15, 1181), result.Statistics);
        Assert.Equal(1181, calls);
        double[][] expected =
        [
            [1.906096062988707, -0.11346479101288601], [1.7666032215920704, -0.17203446169693154],
            [1.5466503062650276, -0.2789011373346584], [1.153080188272853, -0.5894963836252335],
            [-1.6994401648557171, -4.841527378378545], [-1.946434422238828, 0.1629879632830795],
            [-1.7549999474452664, 0.220693387301657], [-1.503320115383153, 0.28481623950311097],
            [-1.1671133003190846, 0.41608525084784453], [-0.19038597970715346, 3.1318091634040033],
            [1.9174312773788407, -0.18145010600525663],
        ];
        for (int j = 0; j < expected.Length; j++)
        {
            var state = result.States[19 + 20 * j];
            Assert.Equal(expected[j][0], state[0], 1e-10);
            Assert.Equal(expected[j][1], state[1], 1e-10);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TheStepCapCountsRejectedStepsToo(bool eighthOrder)
    {
        var (f, y0, t, rtol, atol) = Problem("ForcedVanDerPol");
        var stats = EitherPair.Integrate(eighthOrder, f, y0, [t], rtol, atol, maxSteps: 1000).Statistics; // scipy's counts are 82 and 190
        Assert.True(stats.Rejected > 0);
        int needed = stats.Accepted + stats.Rejected;
        Assert.Equal(stats, EitherPair.Integrate(eighthOrder, f, y0, [t], rtol, atol, maxSteps: needed).Statistics);
        var e = Assert.Throws<InvalidOperationException>(() => EitherPair.Integrate(eighthOrder, f, y0, [t], rtol, atol, maxSteps: needed - 1));
        Assert.Contains("step cap", e.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AConstantRightHandSideIsExactWithoutRejections(bool eighthOrder)
    {
        // y' = (0.7, −1.3): both pairs are exact and their error estimate is exactly 0 (the step grows tenfold, never NaN).
        double[] c = [0.7, -1.3];
        var result = EitherPair.Integrate(eighthOrder, (_, _, d) => c.CopyTo(d, 0), [0.25, 2.5], [3.7], 1e-8, 1e-11);
        Assert.Equal(0, result.Statistics.Rejected);
        Assert.Equal(0.25 + 0.7 * 3.7, result.States[0][0], 1e-14);
        Assert.Equal(2.5 - 1.3 * 3.7, result.States[0][1], 1e-14);
    }

    [Fact]
    public void AnExtraOutputTimeDoesNotRestartTheStepSize()
    {
        // Landing on an output clips one step; the planned step is kept (it shrinks only if that step's error asks for it).
        // A tiny clipped step followed by tenfold growth would add about five steps.
        var (f, y0, t, rtol, atol) = Problem("Smooth");
        int alone = DormandPrince45.Integrate(f, y0, [t], rtol, atol).Statistics.Accepted;
        int withTwoMore = DormandPrince45.Integrate(f, y0, [3.1, 3.1 + 1e-6, t], rtol, atol).Statistics.Accepted;
        Assert.InRange(withTwoMore, alone, alone + 3);
    }

    [Fact]
    public void AStepThatCoversItsOutputLandsOnItExactly()
    {
        // 0.2 + (0.9 − 0.2) rounds to 0.8999999999999999: the step must land on 0.9 itself, not one rounding short of it.
        var result = DormandPrince45.Integrate((_, _, d) => d[0] = 0, [1.0], [0.2, 0.9], 1e-6, 1e-9, initialStep: 10);
        Assert.Equal(new StepStatistics(2, 0, 13), result.Statistics);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ABlowUpStopsAtTheRoundingOfTNotAtTheStepCap(bool eighthOrder)
    {
        // y' = y², y(0) = 1: y = 1/(1 − t) blows up at t = 1.
        var e = Assert.Throws<InvalidOperationException>(() =>
            EitherPair.Integrate(eighthOrder, (_, y, d) => d[0] = y[0] * y[0], [1.0], [2.0], 1e-8, 1e-10, maxSteps: 100_000));
        Assert.Contains("below rounding", e.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AStiffProblemAtALargeTimeStopsAtTheRoundingOfT(bool eighthOrder)
    {
        // y' = −1e13·y from t = 1e6: stability needs h ≈ 1e-13, below 4 ulps of t (4.7e-10), where t + h no longer moves t.
        // No value turns non-finite, so only the rounding guard (not the 16·ε floor) can stop it before the step cap.
        var e = Assert.Throws<InvalidOperationException>(() =>
            EitherPair.Integrate(eighthOrder, (_, y, d) => d[0] = -1e13 * y[0], [1.0], [1e6 + 1], 1e-8, 1e-10, maxSteps: 10_000, startTime: 1e6));
        Assert.Contains("below rounding", e.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ArgumentEdges(bool eighthOrder)
    {
        Action<double, double[], double[]> decay = (_, y, d) => d[0] = -y[0];
        Assert.Equal("f", Assert.Throws<ArgumentNullException>(() => EitherPair.Integrate(eighthOrder, null!, [1.0], [1.0], 1e-6, 1e-9)).ParamName);
        Assert.Equal("y0", Assert.Throws<ArgumentNullException>(() => EitherPair.Integrate(eighthOrder, decay, null!, [1.0], 1e-6, 1e-9)).ParamName);
        Assert.Empty(EitherPair.Integrate(eighthOrder, decay, [1.0], [], 1e-6, 1e-9).States);
        // rtol = 0 with atol > 0 is a pure absolute tolerance; rtol = 1 and rtol = atol = 0 are refused.
        Assert.Equal(Math.Exp(-1), EitherPair.Integrate(eighthOrder, decay, [1.0], [1.0], 0, 1e-12).States[0][0], 1e-10);
        Assert.Equal("rtol", Assert.Throws<ArgumentOutOfRangeException>(() => EitherPair.Integrate(eighthOrder, decay, [1.0], [1.0], 1, 1e-9)).ParamName);
        Assert.Equal("rtol", Assert.Throws<ArgumentException>(() => EitherPair.Integrate(eighthOrder, decay, [1.0], [1.0], 0, 0)).ParamName);
        // One step is a valid cap for a problem that needs one; a non-finite entry anywhere in y0 is refused.
        Assert.Equal(1, EitherPair.Integrate(eighthOrder, (_, _, d) => d[0] = 0, [1.0], [1.0], 1e-6, 1e-9, initialStep: 5, maxSteps: 1).Statistics.Accepted);
        Assert.Equal("y0", Assert.Throws<ArgumentException>(() => EitherPair.Integrate(eighthOrder, decay, [1.0, double.NaN], [1.0], 1e-6, 1e-9)).ParamName);
    }
}
