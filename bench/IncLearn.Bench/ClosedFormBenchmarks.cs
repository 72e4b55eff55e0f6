using BenchmarkDotNet.Attributes;
using MathNet.Numerics.LinearAlgebra;

namespace IncLearn.Bench;

/// <summary>
/// Proposition 1 on the issue-13 problem (<see cref="Problem"/>): building Target + ClosedFormSolution, one time point, the 200-point
/// grid (On, both cores), and the managed machine limits the per-point cost is measured against (one n×n product and one
/// symmetric eigendecomposition through MathNet's managed provider; bench/peers.py measures the same through OpenBLAS).
/// </summary>
[Config(typeof(LongRunConfig))]
public class ClosedFormBenchmarks
{
    private Problem problem = null!;
    private ClosedFormSolution solution = null!;
    private Matrix<double> square = null!;

    /// <summary>Problem size.</summary>
    [Params(10, 50, 200)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        problem = Problem.Create(N);
        solution = new ClosedFormSolution(problem.MakeTarget(), problem.MakeInitialization());
        square = Numerics.Symmetrize(problem.Shape);
    }

    [Benchmark]
    public int TargetAndConstructor() => new ClosedFormSolution(problem.MakeTarget(), problem.MakeInitialization()).Target.K;

    [Benchmark]
    public double AtOnePoint() => solution.At(problem.Times[100])[0, 0];

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
