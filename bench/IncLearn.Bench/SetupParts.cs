namespace IncLearn.Bench;

/// <summary>`setup n…`: one line per n with the median set-up (Target + constructor, as the quick table times them) for
/// bench/point-pairs.sh's set-up mode, which alternates it with numpy's (bench/peers.py setup); and, on standard error, the
/// medians of its parts: Target and its dsyevd, the constructor and its LAPACK calls (each on every core, as the set-up
/// runs them).</summary>
public static class SetupParts
{
    public static void Run(int[] sizes)
    {
        var dataDir = Path.Combine(AppContext.BaseDirectory, "../../../../data");
        foreach (int n in sizes)
        {
            var p = Problem.Create(n);
            p.Save(dataDir);
            var init = p.MakeInitialization();
            int reps = n <= 50 ? 21 : n <= 200 ? 11 : n <= 500 ? 7 : 5;   // as the quick table and peers.py
            double total = QuickTable.Median(() => new ClosedFormSolution(p.MakeTarget(), init), reps);
            Console.WriteLine($"{n} {total:R}");
            if (!NativeLapack.HasInverseFactorRoutines) continue;
            var target = p.MakeTarget();
            double targetMs = QuickTable.Median(() => p.MakeTarget(), reps);
            double eig = QuickTable.Median(() => BlasThreadGate.Setup(n, () => NativeLapack.SymmetricEigen(target.Y)), reps);
            double ctor = QuickTable.Median(() => new ClosedFormSolution(target, init), reps);
            double product = QuickTable.Median(() => BlasThreadGate.Setup(n, () => NativeLapack.Multiply(target.Phi, true, init.Shape, false)), reps);
            var ut = NativeLapack.Multiply(target.Phi, true, init.Shape, false).AsColumnMajorArray();
            double rq = QuickTable.Median(() => BlasThreadGate.Setup(n, () => NativeLapack.RqUpperTriangle(ut, n, n)), reps);
            var t = NativeLapack.RqUpperTriangle(ut, n, n);
            var copy = new double[n * n];   // reused: a fresh clone per run would time its page faults
            double inv = QuickTable.Median(() => BlasThreadGate.Setup(n, () => { t.CopyTo(copy, 0); return NativeLapack.TryInvertUpperTriangular(copy, n); }), reps);
            var r0 = (double[])t.Clone();
            NativeLapack.TryInvertUpperTriangular(r0, n);
            var columnNorm = Enumerable.Range(0, n).Select(j => Math.Sqrt(r0.AsSpan(j * n, j + 1).ToArray().Sum(v => v * v))).ToArray();
            double bound = QuickTable.Median(() => BlasThreadGate.Setup(n, () => InverseFactorForm.InverseNormBound(t, columnNorm, n, NativeLapack.HasTriangularGram)), reps);
            Console.Error.WriteLine($"// n = {n}: set-up {total:G3} ms: Target {targetMs:G3} ms (dsyevd {eig:G3}), constructor {ctor:G3} ms " +
                                    $"(Φᵀ·Ū₀ {product:G3}, dgerqf {rq:G3}, dtrtri {inv:G3}, the bound {bound:G3})");
        }
    }
}
