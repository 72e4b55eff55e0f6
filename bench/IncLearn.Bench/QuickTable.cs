using System.Diagnostics;

namespace IncLearn.Bench;

/// <summary>Stopwatch medians of the closed form (one point, 200 points) and the integrator for the README table; BenchmarkDotNet
/// (ClosedFormBenchmarks) measures the same operations with its own statistics.</summary>
public static class QuickTable
{
    private static double Median(Func<object> op, int reps)
    {
        op();
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

    public static void Run(int[] sizes)
    {
        if (sizes.Length == 1 && sizes[0] == 0) sizes = [10, 50, 200];
        var dataDir = Path.Combine(AppContext.BaseDirectory, "../../../../data");
        Console.WriteLine("| n | Target + constructor | `At` one point | `On` 200 points | integrator 200 points (rtol) |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (int n in sizes)
        {
            var p = Problem.Create(n);
            p.Save(dataDir);
            var target = p.MakeTarget();
            var init = p.MakeInitialization();
            var cf = new ClosedFormSolution(target, init);
            int reps = n <= 50 ? 21 : n <= 200 ? 5 : n <= 500 ? 3 : 1;
            double build = Median(() => new ClosedFormSolution(p.MakeTarget(), init), reps);
            double at = Median(() => cf.At(p.Times[100]), reps);
            if (n <= 200)
            {
                double serial = Median(() => p.Times.Select(cf.At).ToArray(), 3);
                Console.WriteLine($"// n = {n}: 200 points serially {serial:G3} ms");
            }
            double on = n <= 500 ? Median(() => cf.On(p.Times), n <= 200 ? 3 : 1) : double.NaN;
            string integ = "–";
            if (n <= 50)
            {
                var reference = cf.On(p.Times);
                foreach (double rtol in new[] { 1e-8, 1e-9, 1e-10, 1e-11 })
                {
                    var flow = GradientFlowIntegrator.Integrate(target, init, p.Times, rtol);
                    double worst = p.Times.Select((_, j) => (reference[j] - flow.W[j]).FrobeniusNorm() / reference[j].FrobeniusNorm()).Max();
                    if (worst > 1e-8) continue;
                    double ms = Median(() => GradientFlowIntegrator.Integrate(target, init, p.Times, rtol), 3);
                    integ = $"{ms:G3} ms ({rtol:G1}, error {worst:G2})";
                    break;
                }
            }
            Console.WriteLine($"| {n} | {build:G3} ms | {at:G3} ms | {(double.IsNaN(on) ? "–" : $"{on:G3} ms")} | {integ} |");
        }
    }
}
