using MathNet.Numerics.LinearAlgebra;

namespace IncLearn.Tests;

public class GradientDescentTests
{
    [Fact]
    public void GradientDescentApproachesTheFlowLinearlyInEta()
    {
        var y = Target.FromSpectrum([3, 2, 1], 3, seed: 1);
        var init = Initialization.RandomGaussian(3, 3, 1e-2, 2);
        double[] times = [2.0];
        var flow = new ClosedFormSolution(y, init).At(2.0);
        double Error(double eta) => (GradientDescent.Run(y, init, eta, times).W[0] - flow).FrobeniusNorm();
        double e1 = Error(0.004), e2 = Error(0.002), e3 = Error(0.001);
        // First order: halving η halves the error. 1.6–2.4 allows the O(η²) remainder at these η.
        Assert.InRange(e1 / e2, 1.6, 2.4);
        Assert.InRange(e2 / e3, 1.6, 2.4);
        Assert.True(e3 < e1);
    }
}
