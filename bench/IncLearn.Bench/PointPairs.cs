using System.Diagnostics;

namespace IncLearn.Bench;

/// <summary>`point n…`: one line per n with the median of <see cref="ClosedFormSolution.At"/> (every core) at the problem's
/// t₁₀₀, for bench/point-pairs.sh, which alternates it with numpy's point (bench/peers.py point) and prints the ratios pair
/// by pair: on the shared VM a whole run's speed moves by up to ±50 % from minute to minute, so a ratio of two runs taken
/// minutes apart can say more about the machine than about the code. Writes the problems to bench/data like the quick table.</summary>
public static class PointPairs
{
    public static void Run(int[] sizes)
    {
        var dataDir = Path.Combine(AppContext.BaseDirectory, "../../../../data");
        foreach (int n in sizes)
        {
            var p = Problem.Create(n);
            p.Save(dataDir);
            var cf = new ClosedFormSolution(p.MakeTarget(), p.MakeInitialization());
            double t = p.Times[100];
            const int reps = QuickTable.PointRuns;   // as the quick table and peers.py
            cf.At(t);
            var times = new List<double>();
            for (int i = 0; i < reps; i++)
            {
                var sw = Stopwatch.StartNew();
                cf.At(t);
                times.Add(sw.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            Console.WriteLine($"{n} {times[reps / 2]:R}");
        }
    }
}
