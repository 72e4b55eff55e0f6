namespace IncLearn.Tests.Mutation;

/// <summary>One call for the tests that run the same case through both Dormand–Prince pairs.</summary>
internal static class EitherPair
{
    public static OdeResult Integrate(bool eighthOrder, Action<double, double[], double[]> f, double[] y0, IReadOnlyList<double> times,
        double rtol, double atol, double? initialStep = null, int maxSteps = 10_000_000, double startTime = 0) =>
        eighthOrder
            ? DormandPrince853.Integrate(f, y0, times, rtol, atol, initialStep, maxSteps, startTime)
            : DormandPrince45.Integrate(f, y0, times, rtol, atol, initialStep, maxSteps, startTime);
}
