namespace IncLearn.Tests.Theorems;

public class TheoremBelowDoubleRangeTests
{
    [Fact]
    public void Theorem4VerifiesBelowTheDoubleRange()
    {
        // ρ = 0.97 forces −log α ≈ (ρ log C − log c)/(1 − ρ): far below 1e-308, so AlphaMax underflows to 0 but log α is exact
        // and the closed form is evaluated from log α.
        var y = Target.FromSpectrum([10, 9.7, 9.409], 5, seed: 2);
        var th = new Theorem4(y, Initialization.RandomGaussian(5, 5, 1, seed: 4).Shape, 0.1);
        Assert.True(th.Log10AlphaMax < -308, $"log10 α = {th.Log10AlphaMax}");
        Assert.Equal(0, th.AlphaMax);
        Assert.True(th.HypothesesHold(th.LogAlphaMax));
        var v = th.Verify(th.LogAlphaMax, samplesPerWindow: 60);
        Assert.Equal(th.LogAlphaMax, v.LogAlpha);
        Assert.True(v.Holds, $"max ratio {v.MaxRatio}");
        // The windows are narrow here; just before I_K the last mode is not yet learned: ratio ≈ σ_K/ε ≈ 94 > 1.
        Assert.Contains(v.Windows, w => w.RatioBefore > 1 || w.RatioAfter > 1);
    }
}
