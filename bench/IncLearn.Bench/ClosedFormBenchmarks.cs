using BenchmarkDotNet.Attributes;
using MathNet.Numerics.LinearAlgebra;

namespace IncLearn.Bench;

/// <summary>
/// Proposition 1 on the issue-13 problem (<see cref="Problem"/>): building Target + ClosedFormSolution (and each part), one time
/// point on all cores and on one, one point of the rank-deficient shapes, the 200-point grid (On, both cores), and the managed
/// machine limits the per-point cost is measured against (one n×n product and one symmetric eigendecomposition through
/// MathNet's managed provider; bench/peers.py measures the same through OpenBLAS).
/// </summary>
[Config(typeof(LongRunConfig))]
public class ClosedFormBenchmarks
{
    private Problem problem = null!;
    private Target target = null!;
    private Initialization initialization = null!;
    private ClosedFormSolution solution = null!;
    private ClosedFormSolution halfWidth = null!;
    private ClosedFormSolution lowRank = null!;
    private Matrix<double> square = null!;

    /// <summary>Problem size.</summary>
    [Params(10, 50, 200)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        problem = Problem.Create(N);
        target = problem.MakeTarget();
        initialization = problem.MakeInitialization();
        solution = new ClosedFormSolution(target, initialization);
        var deficient = problem.RankDeficientInitializations();
        halfWidth = new ClosedFormSolution(target, deficient[0].Init);
        lowRank = new ClosedFormSolution(target, deficient[1].Init);
        square = Numerics.Symmetrize(problem.Shape);
    }

    [Benchmark]
    public int TargetAndConstructor() => new ClosedFormSolution(problem.MakeTarget(), problem.MakeInitialization()).Target.K;

    /// <summary>The set-up's two parts: the eigendecomposition of Y (Target) and the constructor (Ũ, the fast path's factors).</summary>
    [Benchmark]
    public int TargetOnly() => problem.MakeTarget().K;

    [Benchmark]
    public bool ConstructorOnly() => new ClosedFormSolution(target, initialization).IsInitialInvertible;

    /// <summary>One point alone: its pieces on every core (n ≥ 128).</summary>
    [Benchmark]
    public double AtOnePoint() => solution.At(problem.Times[100])[0, 0];

    /// <summary>One point on one core, as one of On's workers computes it.</summary>
    [Benchmark]
    public double AtOnePointOneCore() => solution.AtOneCore(problem.Times[100])[0, 0];

    /// <summary>One point of the rank-deficient shapes (exact graded QR): r = n/2, and r = n of rank n/2.</summary>
    [Benchmark]
    public double AtOnePointHalfWidth() => halfWidth.At(problem.Times[100])[0, 0];

    [Benchmark]
    public double AtOnePointRankHalf() => lowRank.At(problem.Times[100])[0, 0];

    [Benchmark(Baseline = true)]
    public int On200Points() => solution.On(problem.Times).Count;

    [Benchmark]
    public double ManagedProduct() => (square * square)[0, 0];

    [Benchmark]
    public double ManagedEigendecomposition() => square.Evd(Symmetricity.Symmetric).EigenValues[0].Real;
}

/// <summary>The reference integrator (both Runge–Kutta pairs) on the same problem at the loosest tolerance within 1e-8 of the closed form (checked in setup).</summary>
[Config(typeof(LongRunConfig))]
public class IntegratorBenchmarks
{
    private Problem problem = null!;
    private double rtol;

    /// <summary>Problem size (the integrator takes minutes beyond 50).</summary>
    [Params(10, 50)]
    public int N { get; set; }

    /// <summary>The Runge–Kutta pair.</summary>
    [Params(OdeMethod.DormandPrince45, OdeMethod.DormandPrince853)]
    public OdeMethod Method { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        problem = Problem.Create(N);
        var target = problem.MakeTarget();
        var init = problem.MakeInitialization();
        var cf = new ClosedFormSolution(target, init).On(problem.Times);
        double worst = double.NaN;
        foreach (double tol in new[] { 1e-8, 1e-9, 1e-10, 1e-11 })
        {
            var flow = GradientFlowIntegrator.Integrate(target, init, problem.Times, tol, method: Method);
            worst = problem.Times.Select((_, j) => (cf[j] - flow.W[j]).FrobeniusNorm() / cf[j].FrobeniusNorm()).Max();
            rtol = tol;
            if (worst <= 1e-8) break;
        }
        if (!(worst <= 1e-8)) throw new InvalidOperationException($"n = {N}: closed form and integrator differ by {worst:G3} > 1e-8");
        Console.WriteLine($"// n = {N}, {Method}: integrator rtol {rtol:G1}, within {worst:G3} of the closed form on 200 times");
    }

    [Benchmark]
    public int Integrator200Points() => GradientFlowIntegrator.Integrate(problem.MakeTarget(), problem.MakeInitialization(), problem.Times, rtol, method: Method).W.Count;
}
