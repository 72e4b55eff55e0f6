using BenchmarkDotNet.Attributes;

namespace IncLearn.Bench;

/// <summary>One Theorem-4 verification (n = 50, K = 5 windows, 200 samples per window, at the theorem's α in log space)
/// and a 2,000-trial Monte Carlo of W̄₀'s extreme eigenvalues at n = 50, r = 100.</summary>
[Config(typeof(LongRunConfig))]
public class TheoremBenchmarks
{
    private Theorem4 theorem = null!;

    [GlobalSetup]
    public void Setup()
    {
        var target = Target.FromSpectrum([10, 6, 3, 1.5, 1], 50, seed: 1);
        theorem = new Theorem4(target, Initialization.RandomGaussian(50, 100, 1, seed: 2).Shape, 0.1);
    }

    [Benchmark]
    public bool Theorem4Verification() => theorem.Verify(theorem.LogAlphaMax, samplesPerWindow: 200).Holds;

    [Benchmark]
    public int MonteCarlo2000Trials() => new RandomInitialization(50, 100, seed: 3).Sample(2000, keepEigenvaluesOf: 0).M.Length;
}
