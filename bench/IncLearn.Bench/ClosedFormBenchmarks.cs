using BenchmarkDotNet.Attributes;

namespace IncLearn.Bench;

/// <summary>
/// Closed form (Proposition 1, batched over a grid) versus the adaptive integrator, at equal accuracy: the setup checks that
/// the two agree within 1e-8 (relative Frobenius) at every grid point before anything is timed. 200 times through every
/// transition, α = 1e-6, r = n. Monitoring strategy: each iteration is one full evaluation (the integrator takes seconds).
/// </summary>
[Config(typeof(LongRunConfig))]
public class ClosedFormBenchmarks
{
    private Target target = null!;
    private Initialization init = null!;
    private double[] times = null!;

    /// <summary>Problem size.</summary>
    [Params(10, 50, 200)]
    public int N { get; set; }

    /// <summary>The loosest integrator tolerance (of 1e-8, 1e-9, 1e-10, 1e-11) whose result agrees with the closed form within 1e-8.</summary>
    private double rtol;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(N);
        var eig = Enumerable.Range(0, N).Select(_ => 1 + 9 * rng.NextDouble()).OrderDescending().ToArray();
        target = Target.FromSpectrum(eig, N, seed: N);
        init = Initialization.RandomGaussian(N, N, 1e-6, seed: N + 1);
        double tEnd = 1.5 * Math.Log(target.SigmaY[^1] / (1e-6 * init.ShapeGram.L2Norm())) / (2 * target.SigmaY[^1]) + 2;
        times = Enumerable.Range(1, 200).Select(j => tEnd * j / 200).ToArray();
        var cf = new ClosedFormSolution(target, init).On(times);
        double worst = double.NaN;
        foreach (double tol in new[] { 1e-8, 1e-9, 1e-10, 1e-11 })
        {
            var flow = GradientFlowIntegrator.Integrate(target, init, times, tol);
            worst = times.Select((_, j) => (cf[j] - flow.W[j]).FrobeniusNorm() / flow.W[j].FrobeniusNorm()).Max();
            rtol = tol;
            if (worst <= 1e-8) break;
        }
        if (!(worst <= 1e-8)) throw new InvalidOperationException($"n = {N}: closed form and integrator differ by {worst:G3} > 1e-8");
        Console.WriteLine($"// n = {N}: integrator rtol {rtol:G1}; closed form vs integrator agree within {worst:G3} (relative Frobenius) on 200 times up to t = {tEnd:F2}");
    }

    [Benchmark(Baseline = true)]
    public int ClosedFormBatched() => new ClosedFormSolution(target, init).On(times).Count;

    [Benchmark]
    public int Integrator() => GradientFlowIntegrator.Integrate(target, init, times, rtol).W.Count;
}
