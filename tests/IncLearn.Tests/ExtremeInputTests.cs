using MathNet.Numerics.LinearAlgebra;

namespace IncLearn.Tests;

/// <summary>Bad or extreme input gets a clear exception naming the argument, or the right answer.</summary>
public class ExtremeInputTests
{
    private static Matrix<double> Diag(params double[] d) => Matrix<double>.Build.DenseOfDiagonalArray(d);

    [Fact]
    public void NaNInSpectralVIsRejected()
    {
        var y = Target.FromSpectrum([2, 1], 2);
        var v = Matrix<double>.Build.DenseIdentity(2); v[0, 1] = double.NaN;
        var e = Assert.Throws<ArgumentException>(() => Initialization.Spectral(y, [1, 1], 1e-3, v));
        Assert.Equal("v", e.ParamName);
        Assert.Contains("V[0,1] = NaN", e.Message);
        var empty = Assert.Throws<ArgumentException>(() => Initialization.Spectral(y, [1, 1], 1e-3, Matrix<double>.Build.Dense(0, 2)));
        Assert.Contains("r ≥ 1", empty.Message);
    }

    [Theory]
    [InlineData(1e308)]
    [InlineData(1e-11)]
    [InlineData(1e-300)]
    public void TargetRankIsScaleInvariant(double scale)
    {
        var diag = Target.FromMatrix(Diag(scale, 2 * (scale / 3), scale / 3));
        Assert.Equal(3, diag.K);
        var two = Target.FromMatrix(Diag(scale, 0.5 * scale));
        Assert.Equal(2, two.K);
        // A non-diagonal Y goes through the eigendecomposition of Y/max|Y_ij|.
        var q = Target.RandomOrthogonal(3, 4);
        var dense = Target.FromMatrix(Numerics.Symmetrize(q * Diag(3, 2, 1) * q.Transpose() * (scale / 3)));
        Assert.Equal(3, dense.K);
        Assert.Equal(scale, dense.SigmaY[0], scale * 1e-14);
    }

    [Fact]
    public void TinyShapeAtUnitAlphaIsStillLearned()
    {
        // Shape 1e-200·I with α = 1 gave W ≡ 0: W₀ = 1e-400·I underflows, but the flow still learns Y.
        var y = Target.FromMatrix(Diag(2, 1));
        var cf = new ClosedFormSolution(y, Initialization.FromShape(Matrix<double>.Build.DenseIdentity(2) * 1e-200, 1));
        foreach (double t in new[] { 200, 230, 240, 460, 470, 1000 })
        {
            var w = cf.At(t);
            for (int i = 0; i < 2; i++)
            {
                double expected = SpectralTrajectory.Evaluate(2 - i, 1, -400 * Math.Log(10), t);
                Assert.True(Math.Abs(w[i, i] - expected) <= 1e-13 * Math.Max(expected, 1e-300), $"t = {t}, mode {i}: {w[i, i]} vs {expected}");
            }
        }
    }

    [Fact]
    public void NullArgumentsNameTheArgument()
    {
        var y = Target.FromSpectrum([2, 1], 2);
        var cf = new ClosedFormSolution(y, Initialization.RandomGaussian(2, 2, 1e-3, 1));
        Assert.Equal("times", Assert.Throws<ArgumentNullException>(() => Measurements.ErrorsToBestRankK(cf, null!)).ParamName);
        Assert.Equal("u0", Assert.Throws<ArgumentNullException>(() => AsymmetricFactorization.Integrate(y.Y, null!, y.Y, [1.0])).ParamName);
        Assert.Equal("v0", Assert.Throws<ArgumentNullException>(() => AsymmetricFactorization.Integrate(y.Y, y.Y, null!, [1.0])).ParamName);
        var r0 = Assert.Throws<ArgumentException>(() => AsymmetricFactorization.Integrate(y.Y, Matrix<double>.Build.Dense(2, 0), Matrix<double>.Build.Dense(2, 0), [1.0]));
        Assert.Equal("u0", r0.ParamName);
    }

    [Fact]
    public void QuantileAndTrialsAreValidated()
    {
        Assert.Equal("samples", Assert.Throws<ArgumentException>(() => RandomInitialization.Quantile([], 0.9)).ParamName);
        var nan = Assert.Throws<ArgumentException>(() => RandomInitialization.Quantile([1.0, double.NaN], 0.9));
        Assert.Contains("samples[1] = NaN", nan.Message);
        var ri = new RandomInitialization(2, 3, 1);
        var y = Target.FromSpectrum([2, 1], 2);
        Assert.Equal("trials", Assert.Throws<ArgumentOutOfRangeException>(() => ri.ProbabilityTheorem4Holds(y, 0.1, 10, 0)).ParamName);
        Assert.Equal("trials", Assert.Throws<ArgumentOutOfRangeException>(() => ri.ProbabilityPlateausVisited(y, 0.1, 1e-3, -1)).ParamName);
    }

    [Fact]
    public void GridCountsAreValidated()
    {
        var y = Target.FromSpectrum([2, 1], 3);
        var init = Initialization.Spectral(y, [1, 1, 1], 1e-3);
        var cf = new ClosedFormSolution(y, init);
        Assert.Equal("gridPoints", Assert.Throws<ArgumentOutOfRangeException>(() => Measurements.HalfwayTime(cf, 0, 10, 0)).ParamName);
        Assert.Equal("tMax", Assert.Throws<ArgumentOutOfRangeException>(() => Measurements.HalfwayTime(cf, 0, -1)).ParamName);
        Assert.Equal("gridPoints", Assert.Throws<ArgumentOutOfRangeException>(() => Measurements.PlateauErrors(y, init, 0)).ParamName);
        var sc = new SpectralTrajectory(y, init);
        Assert.Equal(double.PositiveInfinity, Measurements.HalfwayTime(sc, 2, 100)); // zero mode: nothing to learn
        Assert.Equal("mode", Assert.Throws<ArgumentOutOfRangeException>(() => Measurements.HalfwayTime(sc, 3, 100)).ParamName);
    }

    [Fact]
    public void Theorem4RejectsInfiniteM()
    {
        var y = Target.FromSpectrum([2, 1], 2);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Theorem4(y, Matrix<double>.Build.DenseIdentity(2), 0.1, double.PositiveInfinity));
        Assert.Equal("mOverride", e.ParamName);
    }

    [Fact]
    public void FiniteNExpectationIsExactForOneRow()
    {
        Assert.Equal((1.0, 1.0), new RandomInitialization(1, 1, 1).FiniteNExpectation);
        var s = new RandomInitialization(1, 3, 2).Sample(4000, keepEigenvaluesOf: 0);
        // χ²₃ has mean 3 and standard deviation √6: 4,000 samples put the mean within 0.12 with probability ≈ 0.999.
        Assert.InRange(s.LambdaMax.Average(), 3 - 0.12, 3 + 0.12);
    }

    [Fact]
    public void BadTimesNameTheirIndex()
    {
        var y = Target.FromSpectrum([2, 1], 2);
        var cf = new ClosedFormSolution(y, Initialization.RandomGaussian(2, 2, 1e-3, 1));
        var e = Assert.Throws<ArgumentException>(() => cf.On([1.0, -2.0]));
        Assert.Equal("times", e.ParamName);
        Assert.Contains("times[1] = -2", e.Message);
        var g = Assert.Throws<ArgumentException>(() => GradientFlowIntegrator.Integrate(y, Initialization.RandomGaussian(2, 2, 1e-3, 1), [2.0, 1.0]));
        Assert.Contains("non-decreasing", g.Message);
    }
}
