using MathNet.Numerics.LinearAlgebra;

namespace IncLearn.Tests;

/// <summary>The integrator and gradient descent on far times, zero starts, step caps and divergence.</summary>
public class IntegratorHardeningTests
{
    private static Matrix<double> Diag(params double[] d) => Matrix<double>.Build.DenseOfDiagonalArray(d);

    [Fact]
    public void SingleFarOutputTime()
    {
        // Used to fail with "non-finite state at t = 0": the first step was 10 % of the output time.
        var y = Target.FromMatrix(Diag(3, 2, 1));
        var init = Initialization.FromShape(Matrix<double>.Build.DenseIdentity(3), 1e-4);
        var flow = GradientFlowIntegrator.Integrate(y, init, [1e5], rtol: 1e-9);
        // At t = 1e5 the flow sits at Y; 1e-8 covers the integrator's global error at rtol 1e-9.
        Assert.True((flow.W[0] - y.Y).FrobeniusNorm() <= 1e-8, $"{flow.W[0]}");
    }

    [Fact]
    public void ZeroShapeStaysZero()
    {
        var y = Target.FromMatrix(Diag(3, 2, 1));
        var init = Initialization.FromShape(Matrix<double>.Build.Dense(3, 2), 1e-4);
        var flow = GradientFlowIntegrator.Integrate(y, init, [1.0, 100.0]);
        Assert.All(flow.W, w => Assert.Equal(0.0, w.FrobeniusNorm()));
        Assert.All(new ClosedFormSolution(y, init).On([0.0, 1.0, 1e300, double.PositiveInfinity]), w => Assert.Equal(0.0, w.FrobeniusNorm()));
    }

    [Fact]
    public void StepCapGivesAClearError()
    {
        var y = Target.FromMatrix(Diag(3, 2, 1));
        var init = Initialization.FromShape(Matrix<double>.Build.DenseIdentity(3), 1e-4);
        var e = Assert.Throws<InvalidOperationException>(() => GradientFlowIntegrator.Integrate(y, init, [50.0], maxSteps: 20));
        Assert.Contains("maxSteps = 20", e.Message);
    }

    [Fact]
    public void BlowUpIsReportedNotLooped()
    {
        // y' = y², y(0) = 1 blows up at t = 1: the step size collapses and the integrator says so.
        var e = Assert.Throws<InvalidOperationException>(() =>
            DormandPrince45.Integrate((_, s, ds) => ds[0] = s[0] * s[0], [1.0], [2.0], 1e-8, 1e-8));
        Assert.Contains("step size fell", e.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void InitialStepMustBePositive(double h)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => DormandPrince45.Integrate((_, s, ds) => ds[0] = -s[0], [1.0], [1.0], 1e-8, 1e-8, initialStep: h));
        Assert.Equal("initialStep", e.ParamName);
        Assert.Contains("must be finite and > 0", e.Message);
    }

    [Fact]
    public void GradientDescentStepCapAndDivergence()
    {
        var y = Target.FromMatrix(Diag(3, 2, 1));
        var init = Initialization.FromShape(Matrix<double>.Build.DenseIdentity(3), 1e-2);
        var cap = Assert.Throws<ArgumentException>(() => GradientDescent.Run(y, init, 1e-9, [10.0]));
        Assert.Equal("eta", cap.ParamName);
        Assert.Contains("1E+10 iterations", cap.Message);
        // η = 1 > 2/σ₁: the iterates oscillate and blow up.
        var div = Assert.Throws<InvalidOperationException>(() => GradientDescent.Run(y, init, 1.0, [200.0]));
        Assert.Contains("diverged at iteration", div.Message);
    }
}
