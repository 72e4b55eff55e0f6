using System.Diagnostics;

namespace IncLearn.Bench;

/// <summary>
/// The small-n calls the tutorial spends its time on, with the notebooks' default parameters: notebook 05's
/// <see cref="RandomInitialization.ProbabilityPlateausVisited"/> (n = 6, r = 6, 12, 24, six α, 50 trials, 300 grid points) and
/// <see cref="RandomInitialization.ProbabilityTheorem4Holds"/> (100 trials at α(M_δ)), and notebook 04's
/// <see cref="Measurements.LargestWorkingLog10Alpha"/> (r = 6, 12). Prints each call's time and its results in round-trip
/// format, so that two builds can be compared for identical answers.
/// </summary>
public static class SmallNWorkload
{
    public static void Run()
    {
        double[] eigenvalues = [10, 6, 3, 1];
        const int n = 6, phiSeed = 7, seed = 2025, shapeSeed = 11;
        const double epsilon = 0.1, delta = 0.1;
        double[] practicalAlphas = [1e-2, 1e-4, 1e-6, 1e-8, 1e-10, 1e-12];
        var y = Target.FromSpectrum(eigenvalues, n, phiSeed);
        var remarks = new[] { 1, 2, 4 }.Select(k => new RandomInitialization(n, k * n, seed)).ToArray();
        var mDelta = remarks.Select(m => RandomInitialization.Quantile(m.Sample(2000).M, 1 - delta).Value).ToArray();

        var sw = Stopwatch.StartNew();
        var visited = remarks.Select(m => practicalAlphas.Select(a => m.ProbabilityPlateausVisited(y, epsilon, a, 50).Probability).ToArray()).ToArray();
        double tVisited = sw.Elapsed.TotalSeconds;

        sw.Restart();
        var holds = remarks.Select((m, i) => m.ProbabilityTheorem4Holds(y, epsilon, mDelta[i], 100).Probability).ToArray();
        double tHolds = sw.Elapsed.TotalSeconds;

        var theorems = new[] { 6, 12 }.Select(r => new Theorem4(y, Initialization.RandomGaussian(n, r, 1.0, shapeSeed).Shape, epsilon)).ToArray();
        sw.Restart();
        var working = theorems.Select(t => Measurements.LargestWorkingLog10Alpha(t)).ToArray();
        double tWorking = sw.Elapsed.TotalSeconds;

        // One call of each measurement on a fixed instance, to show how far the numbers move between builds.
        var errors = Measurements.PlateauErrors(y, Initialization.RandomGaussian(n, 12, 1e-6, shapeSeed), 300);

        Console.WriteLine($"ProbabilityPlateausVisited (18 calls): {tVisited:F2} s");
        Console.WriteLine($"ProbabilityTheorem4Holds (3 calls):    {tHolds:F2} s");
        Console.WriteLine($"LargestWorkingLog10Alpha (2 calls):    {tWorking:F2} s");
        Console.WriteLine("visited: " + string.Join(" | ", visited.Select(v => string.Join(" ", v.Select(x => x.ToString("R"))))));
        Console.WriteLine("holds:   " + string.Join(" ", holds.Select(x => x.ToString("R"))));
        Console.WriteLine("working: " + string.Join(" ", working.Select(x => x.ToString("R"))));
        Console.WriteLine("PlateauErrors(r = 12, α = 1e-6): " + string.Join(" ", errors.Select(x => x.ToString("R"))));
        Console.WriteLine("At(t) checksum: " + AtChecksum());
    }

    /// <summary>A hash of the bits of At(t) on a few problems (r = n, r &gt; n, r &lt; n, α below the double range, t = 1e300):
    /// equal hashes mean a change to the evaluation kept every bit of W(t).</summary>
    public static string AtChecksum()
    {
        ulong hash = 14695981039346656037; // FNV-1a over the 64-bit patterns (HashCode is seeded per process)
        foreach (var (n, r, logAlpha, seed) in new[] { (6, 6, -10.0, 1), (6, 12, -3.0, 2), (20, 5, -700.0, 3), (40, 40, -14.0, 4) })
        {
            var y = Target.FromSpectrum(Enumerable.Range(0, n).Select(i => 5.0 - 4.0 * i / n).ToArray(), n, seed);
            var cf = new ClosedFormSolution(y, Initialization.RandomGaussian(n, r, 1, seed).WithLogAlpha(logAlpha));
            foreach (double t in new[] { 0, 0.5, 3, 30, 300, 1e300 })
                foreach (double v in cf.At(t).ToRowMajorArray()) hash = (hash ^ (ulong)BitConverter.DoubleToInt64Bits(v)) * 1099511628211;
        }
        return hash.ToString("X16");
    }
}
