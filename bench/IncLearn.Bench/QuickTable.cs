using System.Diagnostics;

namespace IncLearn.Bench;

/// <summary>Stopwatch medians of the set-up (Target, constructor), the closed form (one point on all cores and on one core,
/// 200 points, and the rank-deficient shapes r = n/2 and r = n of rank n/2), the integrators (at the loosest rtol within 1e-8
/// of the closed form) and the machine's OpenBLAS dgemm and dsyevd, in one run, for bench/RESULTS.md; BenchmarkDotNet
/// (ClosedFormBenchmarks) measures the same operations with its own statistics.</summary>
public static class QuickTable
{
    /// <summary>Runs per one-point median at every n, on both sides (bench/peers.py too). 41, not 9–15 as before: each point's
    /// result is a new n×n array, which lands on memory the collector reuses (pages present) or on fresh pages (~4 µs each on
    /// our VMs: 2 ms at n = 500, 8 ms at n = 1000) depending on when its last full collection ran; over 9–15 runs the median
    /// fell on either side from one process to the next (At at n = 500: 6–10 ms), over 41 it measures the steady state.</summary>
    public const int PointRuns = 41;

    internal static double Median(Func<object> op, int reps, bool warmUp = true)
    {
        if (warmUp) op(); // JIT and caches; skipped where one call takes minutes (On at n ≥ 500: its first point warms up)
        var times = new List<double>();
        for (int i = 0; i < reps; i++)
        {
            var sw = Stopwatch.StartNew();
            op();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times[times.Count / 2];
    }

    /// <summary>How far the fast path's W(t) lies from the exact graded QR's (relative Frobenius), at every time for n ≤ 200 and
    /// every 20th above (the exact path takes seconds per point there), with both paths' times per point.</summary>
    private static string FastPathDeviation(Problem p, ClosedFormSolution fast)
    {
        ClosedFormSolution exact;
        NativeLapack.ManagedOnly.Value = true;
        try { exact = new ClosedFormSolution(p.MakeTarget(), p.MakeInitialization()); }
        finally { NativeLapack.ManagedOnly.Value = false; }
        var times = p.N <= 200 ? p.Times : p.Times.Where((_, j) => j % 20 == 19).ToArray();
        double worst = 0, fastMs = 0, exactMs = 0;
        foreach (double t in times)
        {
            var sw = Stopwatch.StartNew();
            var a = fast.At(t);
            fastMs += sw.Elapsed.TotalMilliseconds;
            sw.Restart();
            var b = exact.At(t);
            exactMs += sw.Elapsed.TotalMilliseconds;
            worst = Math.Max(worst, (a - b).FrobeniusNorm() / b.FrobeniusNorm());
        }
        return $"fast path vs exact graded QR at {times.Length} times: max relative Frobenius deviation {worst:G2}; " +
               $"{fastMs / times.Length:G3} ms vs {exactMs / times.Length:G3} ms per point";
    }

    /// <summary>The three LAPACK/BLAS calls one fast-path point makes, each on one thread, unsplit: dtpqrt of a triangle over a
    /// diagonal, dtrsm, dsyrk (where the time of `At` goes, against numpy's Cholesky + solve + dsyrk).</summary>
    private static string PartsOfOnePoint(int n)
    {
        var rng = new Random(n);
        var top = new double[n * n];
        var diagonal = new double[n * n];
        var rhs = new double[n * n];
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i <= j; i++) top[j * n + i] = rng.NextDouble() - 0.5;
            top[j * n + j] += 3;
            diagonal[j * n + j] = 1;
        }
        for (int i = 0; i < rhs.Length; i++) rhs[i] = rng.NextDouble();
        int nb = Math.Min(32, n);
        AlignedBuffer a = new(n * n), b = new(n * n), tBlock = new(nb * n), work = new(nb * n), x = new(n * n);
        var w = new double[n * n];
        int reps = n <= 200 ? 21 : 7;
        double qr = Median(() => { top.CopyTo(a.Span); diagonal.CopyTo(b.Span); NativeLapack.TriangularPairQr(n, nb, a.Span, b.Span, tBlock.Span, work.Span); return a; }, reps);
        double trsm = Median(() => { rhs.CopyTo(x.Span); NativeLapack.SolveRightUpper(n, n, a.Span, x.Span); return x; }, reps);
        double syrk = Median(() => { NativeLapack.Syrk(false, n, n, 1.0, x.Span, n, 0.0, w, n); return w; }, reps);
        return $"one point's parts, one thread each: dtpqrt {qr:G3} ms, dtrsm {trsm:G3} ms, dsyrk {syrk:G3} ms";
    }

    public static void Run(int[] sizes)
    {
        if (sizes.Length == 1 && sizes[0] == 0) sizes = [10, 50, 200];
        var dataDir = Path.Combine(AppContext.BaseDirectory, "../../../../data");
        int cores = Environment.ProcessorCount;
        Console.WriteLine($"// INCLEARN_NATIVE = {Environment.GetEnvironmentVariable("INCLEARN_NATIVE") ?? "unset"}, OpenBLAS used by default: {NativeLapack.IsPreferred}, {cores} cores");
        Console.WriteLine("| n | `Target` | constructor | `At` one point, all cores | `At` one point, one core | `On` 200 points | integrator DOP853 200 points (rtol, error) | integrator DP45 200 points | OpenBLAS dgemm n×n, 1 thread | OpenBLAS dsyevd n×n, 1 thread | dsyevd, all cores |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        var rankDeficientRows = new List<string>();
        foreach (int n in sizes)
        {
            var p = Problem.Create(n);
            p.Save(dataDir);
            var target = p.MakeTarget();
            var init = p.MakeInitialization();
            var cf = new ClosedFormSolution(target, init);
            // Medians over as many runs as bench/peers.py takes on the numpy side: the shared VM's noise reaches ±50 % on one run.
            int reps = n <= 50 ? 21 : n <= 200 ? 11 : n <= 500 ? 7 : 5, pointReps = PointRuns;
            Console.WriteLine($"// n = {n}: BLAS-3 fast path {(cf.UsesInverseFactorForm ? $"used, q = {cf.InverseFactorConditionBound:G3}" : "not used")}, {Pieces.Count(n)} piece(s) per evaluation");
            if (cf.UsesInverseFactorForm) Console.WriteLine($"// n = {n}: {FastPathDeviation(p, cf)}");
            if (NativeLapack.HasInverseFactorRoutines) Console.WriteLine($"// n = {n}: {PartsOfOnePoint(n)}");
            double targetMs = Median(() => p.MakeTarget(), reps);
            double build = Median(() => new ClosedFormSolution(target, init), reps);
            double at = Median(() => cf.At(p.Times[100]), pointReps);
            double atOne = Median(() => cf.AtOneCore(p.Times[100]), pointReps);
            if (n <= 200)
            {
                double serial = Median(() => p.Times.Select(cf.At).ToArray(), 3);
                Console.WriteLine($"// n = {n}: 200 points serially (At, all cores) {serial:G3} ms");
            }
            double on = Median(() => cf.On(p.Times), n <= 200 ? 3 : 1, warmUp: n < 500);
            string Integrator(OdeMethod method)
            {
                if (n > 200 || (method == OdeMethod.DormandPrince45 && n > 50)) return "–";
                var reference = cf.On(p.Times);
                foreach (double rtol in new[] { 1e-8, 1e-9, 1e-10, 1e-11 })
                {
                    var flow = GradientFlowIntegrator.Integrate(target, init, p.Times, rtol, method: method);
                    double worst = p.Times.Select((_, j) => (reference[j] - flow.W[j]).FrobeniusNorm() / reference[j].FrobeniusNorm()).Max();
                    if (worst > 1e-8) continue;
                    double ms = Median(() => GradientFlowIntegrator.Integrate(target, init, p.Times, rtol, method: method), n <= 50 ? 3 : 1);
                    return $"{ms:G3} ms ({rtol:G1}, error {worst:G2}, {flow.Statistics.Evaluations} evaluations)";
                }
                return "no rtol down to 1e-11 within 1e-8";
            }
            string dp853 = Integrator(OdeMethod.DormandPrince853), dp45 = Integrator(OdeMethod.DormandPrince45);
            string gemm = "–", eigh = "–", eighAll = "–";
            if (NativeLapack.IsAvailable)
            {
                var a = p.Shape;
                var s = Numerics.Symmetrize(a);
                gemm = $"{Median(() => NativeLapack.Multiply(a, false, a, false, native: true), n <= 200 ? 21 : 7):G3} ms";
                eigh = $"{Median(() => NativeLapack.SymmetricEigen(s, native: true), n <= 200 ? 11 : 3):G3} ms";
                if (NativeLapack.CanSetThreads)
                    eighAll = $"{Median(() => BlasThreadGate.WithThreads(cores, () => NativeLapack.SymmetricEigen(s, native: true)), n <= 200 ? 11 : 3):G3} ms";
            }
            Console.WriteLine($"| {n} | {targetMs:G3} ms | {build:G3} ms | {at:G3} ms | {atOne:G3} ms | {(double.IsNaN(on) ? "–" : $"{on:G3} ms")} | {dp853} | {dp45} | {gemm} | {eigh} | {eighAll} |");
            if (n >= 10)
                foreach (var (name, deficient) in p.RankDeficientInitializations())
                {
                    var rd = new ClosedFormSolution(target, deficient);
                    int rdReps = n <= 200 ? 5 : 3;   // a few seconds at n = 1000 now that a lone point runs on every core
                    double rdBuild = Median(() => new ClosedFormSolution(target, deficient), rdReps);
                    double rdAt = Median(() => rd.At(p.Times[100]), rdReps);
                    string rdOn = n <= 200 ? $"{Median(() => rd.On(p.Times), 1):G3} ms" : "–";
                    rankDeficientRows.Add($"| {n} | {name} | {(rd.UsesInverseFactorForm ? "fast path" : "exact graded QR")} | {rdBuild:G3} ms | {rdAt:G3} ms | {rdOn} | {eigh} |");
                }
        }
        Console.WriteLine();
        Console.WriteLine("| n | rank-deficient shape | path | constructor | `At` one point | `On` 200 points | OpenBLAS dsyevd n×n, 1 thread |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var row in rankDeficientRows) Console.WriteLine(row);
    }
}
