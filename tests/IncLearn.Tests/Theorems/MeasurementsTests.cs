namespace IncLearn.Tests.Theorems;

public class MeasurementsTests
{
    private static readonly Target Fig1 = Target.FromSpectrum([10, 6, 3, 1], 6, seed: 7);
    private static readonly double[] Ones = Enumerable.Repeat(1.0, 6).ToArray();

    [Fact]
    public void MeasuredTransitionTimesMatchCorollary2AndTheEstimate()
    {
        const double alpha = 1e-8;
        var init = Initialization.Spectral(Fig1, Ones, alpha);
        var cf = new ClosedFormSolution(Fig1, init);
        var trajectory = new SpectralTrajectory(Fig1, init);
        for (int i = 0; i < Fig1.K; i++)
        {
            double s = Fig1.SigmaY[i];
            double fromClosedForm = Measurements.HalfwayTime(cf, i, 20);
            double fromCorollary2 = Measurements.HalfwayTime(trajectory, i, 20);
            // Corollary 2: σ_W = σ x/(σ + x − α) with x = α e^{2σt}, so σ_W = σ/2 exactly at x = σ − α.
            double exact = Math.Log((s - alpha) / alpha) / (2 * s);
            // Bisection stops at 1e-12 relative; the two evaluations of W agree to rounding: 1e-9 leaves room for both.
            Assert.Equal(exact, fromClosedForm, exact * 1e-9);
            Assert.Equal(exact, fromCorollary2, exact * 1e-9);
            // The paper's estimate log(σ/(α σ₀))/(2σ) differs by −log(1 − α/σ)/(2σ) ≈ α/(2σ²) ≤ 5e-9: bound it by α/σ².
            double estimate = trajectory.TransitionTime(i);
            Assert.InRange(estimate - fromClosedForm, 0, alpha / (s * s));
        }
    }

    [Fact]
    public void EmpiricalLargestAlphaIsAtLeastTheTheoremsAndWorks()
    {
        foreach (IncrementalLearningTheorem th in new IncrementalLearningTheorem[]
                 { new Theorem3(Fig1, Ones, 0.1), new Theorem4(Fig1, Initialization.RandomGaussian(6, 12, 1, 3).Shape, 0.1) })
        {
            double empirical = Measurements.LargestWorkingLog10Alpha(th);
            // The theorem is sufficient, so its α must work; the bisection resolution is 1e-3 in log10 α.
            Assert.True(empirical >= th.Log10AlphaMax - 1e-3, $"{th.Name}: empirical {empirical} vs theorem {th.Log10AlphaMax}");
            Assert.True(Measurements.VisitsEveryPlateau(th.Target, th.InitializationAtLogAlpha(empirical * Math.Log(10)), th.Epsilon));
            // 0.01 in log10 above the found α fails (it is the largest, up to resolution) unless α = 1 already works.
            if (empirical < 0)
                Assert.False(Measurements.VisitsEveryPlateau(th.Target, th.InitializationAtLogAlpha((empirical + 0.01) * Math.Log(10)), th.Epsilon));
        }
    }

    [Fact]
    public void RankDeficientInitializationLearnsTheTopRModesInOrder()
    {
        // r = 2 < K = 4: W(t) has rank ≤ 2, so at most two modes can be learned.
        var rd = Measurements.RankDeficient(Fig1, Initialization.RandomGaussian(6, 2, 1e-6, seed: 5));
        Assert.Equal(2, rd.LearnableRank);
        Assert.Equal([0, 1], rd.LearningOrder);
        Assert.True(double.IsPositiveInfinity(rd.HalfwayTimes[2]) && double.IsPositiveInfinity(rd.HalfwayTimes[3]));
        // The limit is Ŷ₂ up to rounding of O(σ₁·n·1e-16); 1e-10 separates that from any unlearned mode (σ ≥ 1).
        Assert.True(rd.LimitErrorToBestRank < 1e-10, $"‖W(∞) − Ŷ₂‖ = {rd.LimitErrorToBestRank}");
        Assert.True(rd.ErrorToBestRank[^1] < 1e-6, $"at t = {rd.Times[^1]}: {rd.ErrorToBestRank[^1]}");
        // At t = 0, W ≈ 0, so the error is ‖Ŷ₂‖ = σ₁ = 10 up to α‖Ū₀Ū₀ᵀ‖ ≈ 1e-5.
        Assert.Equal(10, rd.ErrorToBestRank[0], 1e-3);
    }
}
