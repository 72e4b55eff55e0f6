using MathNet.Numerics.LinearAlgebra;

namespace IncLearn.Tests;

public class ClosedFormTests
{
    private static double RelFro(Matrix<double> a, Matrix<double> b) => (a - b).FrobeniusNorm() / Math.Max(b.FrobeniusNorm(), 1e-300);

    /// <summary>Times through every transition: from 0 to 2× the slowest transition log(σ/(ασ₀))/(2σ_K).</summary>
    private static double[] Grid(Target y, double alpha, double s0, int count)
    {
        double tEnd = 2 * (Math.Log(y.SigmaY[^1] / (alpha * s0)) / (2 * y.SigmaY[^1]));
        return Enumerable.Range(0, count).Select(i => tEnd * i / (count - 1)).ToArray();
    }

    public static IEnumerable<object[]> RandomCases()
    {
        // (seed, n, r-kind, log10 α): r = n, 2n, and r < n; α over [1e-8, 1e-1]; n over [2, 30].
        yield return new object[] { 1, 2, "n", -1.0 };
        yield return new object[] { 2, 5, "2n", -8.0 };
        yield return new object[] { 3, 8, "n", -4.0 };
        yield return new object[] { 4, 6, "less", -6.0 };
        yield return new object[] { 5, 12, "2n", -2.5 };
        yield return new object[] { 6, 20, "less", -3.0 };
        yield return new object[] { 7, 30, "n", -7.0 };
    }

    [Theory]
    [MemberData(nameof(RandomCases))]
    public void ClosedFormMatchesIntegratorThroughAllTransitions(int seed, int n, string rKind, double log10Alpha)
    {
        var rng = new Random(seed);
        int k = Math.Max(1, n - rng.Next(0, Math.Max(1, n / 3)));           // sometimes K < n
        var eig = Enumerable.Range(0, k).Select(i => 0.5 + 9.5 * rng.NextDouble()).OrderDescending().ToArray();
        var y = Target.FromSpectrum(eig, n, seed);
        int r = rKind switch { "n" => n, "2n" => 2 * n, _ => Math.Max(1, n / 2) };
        double alpha = Math.Pow(10, log10Alpha);
        var init = Initialization.RandomGaussian(n, r, alpha, seed + 100);
        var cf = new ClosedFormSolution(y, init);
        var times = Grid(y, alpha, init.ShapeGram.L2Norm(), 25);
        var flow = GradientFlowIntegrator.Integrate(y, init, times, rtol: 1e-11);
        for (int i = 0; i < times.Length; i++)
        {
            // 1e-8: the integrator runs at rtol 1e-11 per step; its global error over ~1e3–1e4 steps stays below 1e-9.
            double err = RelFro(cf.At(times[i]), flow.W[i]);
            Assert.True(err <= 1e-8, $"t = {times[i]:G4}: relative error {err:G3} > 1e-8 (n={n}, r={r}, α={alpha:G2})");
        }
    }
}
