namespace IncLearn.Tests.Arguments;

/// <summary>Issue 26: log α = NaN or ±∞ used to give windows with NaN ends and hypotheses that read "False"; every α-dependent
/// call of the theorems now refuses it, naming logAlpha, while any finite log α still answers.</summary>
public class TheoremRefusesANonFiniteLogAlpha
{
    // Unequal gaps, σ_{i,0} ≠ 1 and n ≠ K, so that no term of c_ε or C_ε vanishes by accident.
    private static readonly Target Y = Target.FromSpectrum([9, 4, 1.5], 4, seed: 5);
    private static Theorem3 Theorem() => new(Y, [2.5, 0.7, 1.3, 0.4], 0.3);

    public static TheoryData<double> NonFinite => new() { double.NaN, double.PositiveInfinity, double.NegativeInfinity };

    private static void AssertRefused(double logAlpha, Func<object> call)
    {
        var e = Assert.ThrowsAny<ArgumentException>(call);
        Assert.Equal("logAlpha", e.ParamName);
        Assert.Contains(logAlpha.ToString(System.Globalization.CultureInfo.CurrentCulture), e.Message);
    }

    [Theory, MemberData(nameof(NonFinite))]
    public void Windows(double logAlpha) => AssertRefused(logAlpha, () => Theorem().Windows(logAlpha));

    [Theory, MemberData(nameof(NonFinite))]
    public void Report(double logAlpha) => AssertRefused(logAlpha, () => Theorem().Report(logAlpha, samplesPerWindow: 0));

    [Theory, MemberData(nameof(NonFinite))]
    public void Hypotheses(double logAlpha) => AssertRefused(logAlpha, () => Theorem().Hypotheses(logAlpha));

    [Theory, MemberData(nameof(NonFinite))]
    public void HypothesesHold(double logAlpha) => AssertRefused(logAlpha, () => Theorem().HypothesesHold(logAlpha));

    [Theory, MemberData(nameof(NonFinite))]
    public void Verify(double logAlpha) => AssertRefused(logAlpha, () => Theorem().Verify(logAlpha, 4));

    [Fact]
    public void AFiniteLogAlphaOnEitherSideOfTheBoundStillAnswers()
    {
        var th = Theorem();
        // log c_ε = log 0.3 − log 2.5 (max σ_{i,0} = 2.5, not 1): the bound itself is a finite, negative log α.
        Assert.Equal(Math.Log(0.3) - Math.Log(2.5), th.LogSmallC, 1e-15);
        Assert.True(th.HypothesesHold(th.LogAlphaMax));
        Assert.False(th.HypothesesHold(1.0)); // α = e > c_ε: an answer, false, not an error
        Assert.All(th.Windows(1.0), w => Assert.True(double.IsFinite(w.Start)));
        Assert.Equal(3, th.Report(th.LogAlphaMax, samplesPerWindow: 0).Windows.Count);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public void ReportRefusesANegativeOrSingleSampleCount(int samplesPerWindow)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Theorem().Report(-20, samplesPerWindow));
        Assert.Equal("samplesPerWindow", e.ParamName);
    }
}
