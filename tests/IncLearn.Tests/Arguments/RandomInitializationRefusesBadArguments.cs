namespace IncLearn.Tests.Arguments;

/// <summary>Issue 26: Remark III-C1's helpers refuse a NaN density argument, a NaN tolerance, a negative count or trial index
/// and a meaningless M_δ, each naming the parameter and showing the value, instead of answering NaN, (0, 0) or a matrix.</summary>
public class RandomInitializationRefusesBadArguments
{
    private static readonly Target Y = Target.FromSpectrum([7, 3.5, 1.2], 5, seed: 4);
    private static readonly RandomInitialization Remark = new(5, 9, seed: 13);

    private static void AssertNames<T>(string parameter, string shown, Func<T> call)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => call());
        Assert.Equal(parameter, e.ParamName);
        Assert.Contains(shown, e.Message);
    }

    [Fact]
    public void MarchenkoPasturDensityRefusesNaNAndInfinity()
    {
        AssertNames("lambda", "NaN", () => Remark.MarchenkoPasturDensity(double.NaN));
        AssertNames("lambda", double.PositiveInfinity.ToString(System.Globalization.CultureInfo.CurrentCulture),
            () => Remark.MarchenkoPasturDensity(double.PositiveInfinity));
        // Both sides of the support, whose edges are r(1 ∓ √(n/r))² = 0.59 and 27.4: 0 outside (also at λ < 0), positive inside.
        Assert.Equal(0.0, Remark.MarchenkoPasturDensity(-3));
        Assert.Equal(0.0, Remark.MarchenkoPasturDensity(0.5));
        Assert.Equal(0.0, Remark.MarchenkoPasturDensity(28));
        Assert.True(Remark.MarchenkoPasturDensity(0.7) > 0);
        Assert.True(Remark.MarchenkoPasturDensity(9) > 0);
    }

    [Fact]
    public void ProbabilityPlateausVisitedRefusesANaNOrOutOfRangeEpsilon()
    {
        AssertNames("epsilon", "NaN", () => Remark.ProbabilityPlateausVisited(Y, double.NaN, 1e-4, 2, 20));
        AssertNames("epsilon", "-1", () => Remark.ProbabilityPlateausVisited(Y, -1, 1e-4, 2, 20));
        AssertNames("epsilon", "1.5", () => Remark.ProbabilityPlateausVisited(Y, 1.5, 1e-4, 2, 20)); // σ_K = 1.2
        AssertNames("alpha", "NaN", () => Remark.ProbabilityPlateausVisited(Y, 0.2, double.NaN, 2, 20));
        AssertNames("gridPoints", "0", () => Remark.ProbabilityPlateausVisited(Y, 0.2, 1e-4, 2, 0));
        var (p, se) = Remark.ProbabilityPlateausVisited(Y, 0.2, 1e-4, 2, 20);
        Assert.InRange(p, 0, 1);
        Assert.True(se >= 0);
    }

    [Fact]
    public void ProbabilityTheorem4HoldsRefusesABadEpsilonOrMDeltaBeforeAnyTrial()
    {
        AssertNames("epsilon", "NaN", () => Remark.ProbabilityTheorem4Holds(Y, double.NaN, 40, 2, 4));
        AssertNames("epsilon", "1.1", () => Remark.ProbabilityTheorem4Holds(Y, 1.1, 40, 2, 4)); // min(σ_K, 1) = 1
        AssertNames("mDelta", "NaN", () => Remark.ProbabilityTheorem4Holds(Y, 0.5, double.NaN, 2, 4));
        AssertNames("mDelta", "0.5", () => Remark.ProbabilityTheorem4Holds(Y, 0.5, 0.5, 2, 4));
        AssertNames("samplesPerWindow", "1", () => Remark.ProbabilityTheorem4Holds(Y, 0.5, 40, 2, 1));
    }

    [Fact]
    public void SampleRefusesANegativeNumberOfKeptTrials()
    {
        AssertNames("keepEigenvaluesOf", "-1", () => Remark.Sample(3, keepEigenvaluesOf: -1));
        // Both sides: 0 keeps nothing, 2 keeps n eigenvalues of each of the first two trials.
        Assert.Empty(Remark.Sample(3, keepEigenvaluesOf: 0).AllEigenvalues);
        Assert.Equal(10, Remark.Sample(3, keepEigenvaluesOf: 2).AllEigenvalues.Length);
    }

    [Fact]
    public void ShapeRefusesANegativeTrialIndex()
    {
        AssertNames("trial", "-5", () => Remark.Shape(-5));
        // Trial 0 is the first draw of the base seed; trial 3 that of seed + 3.
        Assert.Equal(Remark.Shape(3), new RandomInitialization(5, 9, seed: 16).Shape(0));
        Assert.NotEqual(Remark.Shape(0), Remark.Shape(1));
    }
}
