namespace IncLearn.Tests.Theorems;

public class TheoremTests
{
    // Figure-1-like case of the issue: σ_Y = (10, 6, 3, 1), n = 6, σ_{i,0} = 1, ε = 0.1.
    private static readonly Target Fig1 = Target.FromSpectrum([10, 6, 3, 1], 6, seed: 7);
    private static Theorem3 Fig1Theorem() => new(Fig1, Enumerable.Repeat(1.0, 6).ToArray(), 0.1);

    [Fact]
    public void Theorem3HypothesesHoldAtComputedAlphaAndConclusionIsVerified()
    {
        var th = Fig1Theorem();
        double la = th.LogAlphaMax;
        Assert.All(th.Hypotheses(la), h => Assert.True(h.Holds, h.Name));
        var v = th.Verify(la, samplesPerWindow: 100);
        Assert.Equal(4, v.Windows.Count);
        Assert.All(v.Windows, w => Assert.True(w.MaxRatioInside <= 1.0, $"k = {w.Window.K}: ratio {w.MaxRatioInside}"));
        Assert.True(v.Holds);
        // Just after I_2 and I_3 mode k+1 is being learned: the ratio there is > 1 (measured 1.21 and 1.56), so the check can fail.
        Assert.Contains(v.Windows, w => w.RatioAfter > 1);
    }

    [Fact]
    public void WellOutsideAWindowTheErrorExceedsEpsilon()
    {
        var th = Fig1Theorem();
        double la = th.LogAlphaMax;
        var cf = new ClosedFormSolution(Fig1, th.InitializationAtLogAlpha(la));
        var windows = th.Windows(la);
        // Halfway to the start of I_1 no mode has been learned: ‖W − Ŷ_1‖ ≈ σ_1 = 10 ≫ ε.
        double t = windows[0].Start / 2;
        double err = Numerics.SymmetricSpectralNorm(cf.At(t) - Fig1.BestRankK(1));
        Assert.True(err > th.Epsilon, $"error {err} at t = {t}");
        AssertGapMidpointsAreFarFromYk(th, la);
    }

    // Between I_k and I_{k+1}, at t = log(σ₁/α)/(2σ_{k+1}) (log of √(c_ε C_ε) = σ₁ for both theorems), mode k+1 is already
    // learned, so ‖W − Ŷ_k‖₂ ≈ σ_{k+1} ≥ 1 = 10 ε: well outside I_k the conclusion fails.
    private static void AssertGapMidpointsAreFarFromYk(IncrementalLearningTheorem th, double logAlpha)
    {
        var cf = new ClosedFormSolution(th.Target, th.InitializationAtLogAlpha(logAlpha));
        var w = th.Windows(logAlpha);
        for (int k = 0; k + 1 < w.Count; k++)
        {
            double t = 0.5 * (w[k].End + w[k + 1].Start);
            double err = Numerics.SymmetricSpectralNorm(cf.At(t) - th.Target.BestRankK(k + 1));
            Assert.True(err > th.Epsilon, $"{th.Name}, k = {k + 1}: ‖W − Ŷ_k‖ = {err} at t = {t}");
        }
    }

    [Fact]
    public void LargestAlphaSatisfiesEveryHypothesisAnd1_01TimesItViolatesOne()
    {
        foreach (IncrementalLearningTheorem th in new IncrementalLearningTheorem[]
                 { Fig1Theorem(), new Theorem4(Fig1, Initialization.RandomGaussian(6, 12, 1, 3).Shape, 0.1) })
        {
            Assert.True(th.HypothesesHold(th.LogAlphaMax), th.Name);
            Assert.False(th.HypothesesHold(th.LogAlphaMax + Math.Log(1.01)), th.Name);
        }
    }

    [Theory]
    [InlineData(6, 6)]
    [InlineData(6, 12)]
    public void Theorem4HoldsAtItsAlphaInLogSpace(int n, int r)
    {
        var shape = Initialization.RandomGaussian(n, r, 1, seed: 11).Shape;
        var th = new Theorem4(Fig1, shape, 0.1);
        Assert.All(th.Hypotheses(th.LogAlphaMax), h => Assert.True(h.Holds, h.Name));
        var v = th.Verify(th.LogAlphaMax, samplesPerWindow: 60);
        Assert.True(v.Holds, $"max ratio {v.MaxRatio}, log10 α = {v.Log10Alpha}");
        AssertGapMidpointsAreFarFromYk(th, th.LogAlphaMax);
    }

    [Fact]
    public void BadInputsThrowClearErrors()
    {
        var repeated = Target.FromSpectrum([5, 5, 1], 4);
        var e1 = Assert.Throws<ArgumentException>(() => new Theorem3(repeated, [1, 1, 1, 1], 0.1));
        Assert.Equal("target", e1.ParamName);
        Assert.Contains("distinct", e1.Message);
        var e2 = Assert.Throws<ArgumentOutOfRangeException>(() => new Theorem3(Fig1, Enumerable.Repeat(1.0, 6).ToArray(), 2.0));
        Assert.Equal("epsilon", e2.ParamName);
        Assert.Contains("σ_K", e2.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Theorem3(Fig1, Enumerable.Repeat(1.0, 6).ToArray(), double.NaN));
        var e3 = Assert.Throws<ArgumentException>(() => new Theorem4(Fig1, Initialization.RandomGaussian(6, 3, 1, 1).Shape, 0.1));
        Assert.Equal("shape", e3.ParamName);
        Assert.Contains("invertible", e3.Message);
        var e4 = Assert.Throws<ArgumentOutOfRangeException>(() => new Theorem4(Target.FromSpectrum([10, 6, 3, 2], 6), Initialization.RandomGaussian(6, 6, 1, 1).Shape, 1.5));
        Assert.Contains("min(σ_K, 1)", e4.Message);
        var e5 = Assert.Throws<ArgumentException>(() => new Theorem3(Fig1, [1, 1, 0, 1, 1, 1], 0.1));
        Assert.Equal("sigma0", e5.ParamName);
        Assert.Contains("sigma0[2] = 0", e5.Message);
    }
}
