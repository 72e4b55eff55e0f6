using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace IncLearn.Tests.Mutation;

/// <summary>Issue 25: <see cref="Initialization"/>'s factories build U₀ = α^{1/2}Ū₀ as Section II-B and Corollary 2 say, and each of
/// their guards accepts its boundary and refuses what lies just beyond it (the survivors of the first mutation run: a relaxed
/// σ_{i,0} ≥ 0, a finiteness check with &amp;&amp;, loop bounds that skip the last row or column, dropped null checks).</summary>
public class InitializationBuildsTheShapeOfThePaper
{
    private static readonly Target Y = Target.FromSpectrum([5, 2.2, 0.6], 4, seed: 9);

    [Fact]
    public void SpectralShapeIsPhiTimesSqrtSigma0TimesVTransposed()
    {
        double[] sigma0 = [2.5, 0, 0.7, 1.9]; // a zero entry is allowed: σ_{i,0} ≥ 0
        var v = Target.RandomOrthogonal(6, 4).SubMatrix(0, 6, 0, 4); // r = 6 > n = 4, orthonormal columns
        var init = Initialization.Spectral(Y, sigma0, 3e-4, v);
        var expected = Y.Phi * Matrix<double>.Build.DenseOfDiagonalArray(sigma0.Select(Math.Sqrt).ToArray()) * v.Transpose();
        Assert.True((init.Shape - expected).L2Norm() < 1e-14, $"{init.Shape}");
        Assert.Equal(sigma0, init.SpectralSigma0!.ToArray());
        Assert.Equal((4, 6), (init.N, init.R));
        Assert.Equal(Math.Log(3e-4), init.LogAlpha, 1e-15);
        Assert.Equal(3e-4, init.Alpha, 1e-18);
        Assert.Equal(Math.Log10(3e-4), init.Log10Alpha, 1e-14);
        Assert.True((init.U0 - expected * Math.Sqrt(3e-4)).L2Norm() < 1e-15);
        Assert.True((init.W0 - expected * expected.Transpose() * 3e-4).L2Norm() < 1e-15);
        Assert.True((init.ShapeGram - expected * expected.Transpose()).L2Norm() < 1e-13);
        // Without V the shape is Φ diag(√σ_{i,0}) (r = n).
        var square = Initialization.Spectral(Y, sigma0, 3e-4);
        Assert.True((square.Shape - Y.Phi * Matrix<double>.Build.DenseOfDiagonalArray(sigma0.Select(Math.Sqrt).ToArray())).L2Norm() < 1e-14);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(-1e-300)]
    public void ASigma0EntryThatIsNotFiniteAndNonNegativeIsRefused(double bad)
    {
        // In the last position, so a loop that stops one short misses it.
        var e = Assert.Throws<ArgumentException>(() => Initialization.Spectral(Y, [1, 1, 1, bad], 1e-3));
        Assert.Equal("sigma0", e.ParamName);
        Assert.Contains("sigma0[3]", e.Message);
    }

    [Fact]
    public void VMustBeFiniteWithOrthonormalColumnsAndNColumns()
    {
        var q = Target.RandomOrthogonal(5, 2).SubMatrix(0, 5, 0, 4);
        Assert.Equal(5, Initialization.Spectral(Y, [1, 2, 3, 4], 1e-3, q).R);
        var last = q.Clone(); last[4, 3] = double.NaN; // the last row and column
        Assert.Contains("V[4,3]", Assert.Throws<ArgumentException>(() => Initialization.Spectral(Y, [1, 2, 3, 4], 1e-3, last)).Message);
        // ‖VᵀV − I‖∞ of 1e-12 passes (rounding), 1e-8 does not (tolerance 1e-10).
        var nearly = q * (1 + 5e-13);
        Assert.Equal(5, Initialization.Spectral(Y, [1, 2, 3, 4], 1e-3, nearly).R);
        var skew = q * (1 + 5e-9);
        Assert.Equal("v", Assert.Throws<ArgumentException>(() => Initialization.Spectral(Y, [1, 2, 3, 4], 1e-3, skew)).ParamName);
        Assert.Equal("v", Assert.Throws<ArgumentException>(() => Initialization.Spectral(Y, [1, 2, 3, 4], 1e-3, q.SubMatrix(0, 5, 0, 3))).ParamName);
        Assert.Equal("sigma0", Assert.Throws<ArgumentException>(() => Initialization.Spectral(Y, [1, 2, 3], 1e-3)).ParamName);
    }

    [Fact]
    public void NullArgumentsAreArgumentNullExceptions()
    {
        var shape = Matrix<double>.Build.Dense(4, 2, 0.5);
        Assert.Equal("target", Assert.Throws<ArgumentNullException>(() => Initialization.Spectral(null!, [1.0], 1)).ParamName);
        Assert.Equal("sigma0", Assert.Throws<ArgumentNullException>(() => Initialization.Spectral(Y, null!, 1)).ParamName);
        Assert.Equal("shape", Assert.Throws<ArgumentNullException>(() => Initialization.FromShape(null!, 1)).ParamName);
        var init = Initialization.FromShape(shape, 1);
        Assert.Equal("target", Assert.Throws<ArgumentNullException>(() => new ClosedFormSolution(null!, init)).ParamName);
        Assert.Equal("initialization", Assert.Throws<ArgumentNullException>(() => new ClosedFormSolution(Y, null!)).ParamName);
        Assert.Equal("initialization", Assert.Throws<ArgumentException>(() => new ClosedFormSolution(Y, Initialization.FromShape(Matrix<double>.Build.Dense(3, 2, 0.5), 1))).ParamName);
    }

    [Fact]
    public void AGivenShapeMustBeNonEmptyAndFiniteUpToItsLastEntry()
    {
        var shape = Matrix<double>.Build.Dense(4, 3, (i, j) => 0.3 * i - 0.2 * j + 0.1);
        Assert.Same(shape, Initialization.FromShape(shape, 0.2).Shape);
        var bad = shape.Clone(); bad[3, 2] = double.PositiveInfinity;
        Assert.Contains("Ū₀[3,2]", Assert.Throws<ArgumentException>(() => Initialization.FromShape(bad, 0.2)).Message);
        Assert.Equal("shape", Assert.Throws<ArgumentException>(() => Initialization.FromShape(Matrix<double>.Build.Dense(4, 1, 0).SubMatrix(0, 4, 0, 0), 1)).ParamName);
        // A zero shape has W₀ = 0 at every α: no overflow to refuse.
        Assert.Equal(Math.Log(1e300), Initialization.FromShape(Matrix<double>.Build.Dense(4, 2), 1e300).LogAlpha);
    }

    [Fact]
    public void ScaleChangesKeepTheShapeAndItsSpectrum()
    {
        var init = Initialization.Spectral(Y, [2.5, 0.3, 0.7, 1.9], 3e-4);
        var other = init.WithAlpha(0.02);
        Assert.Same(init.Shape, other.Shape);
        Assert.Same(init.SpectralSigma0, other.SpectralSigma0);
        Assert.Equal(Math.Log(0.02), other.LogAlpha, 1e-15);
        var deep = init.WithLogAlpha(-2000);
        Assert.Equal(-2000, deep.LogAlpha);
        Assert.Equal(0, deep.Alpha); // below the double range: exact in log α, 0 as a double
        Assert.Same(init.SpectralSigma0, deep.SpectralSigma0);
        Assert.Equal("alpha", Assert.Throws<ArgumentException>(() => init.WithAlpha(0)).ParamName);
    }

    [Fact]
    public void RandomGaussianDrawsFromItsSeedAndNeedsAtLeastOneRowAndColumn()
    {
        var init = Initialization.RandomGaussian(3, 5, 0.04, seed: 21);
        var expected = Matrix<double>.Build.Random(3, 5, new Normal(0, 1, new Random(21)));
        Assert.Equal(expected, init.Shape);
        Assert.Null(init.SpectralSigma0);
        Assert.Equal(Math.Log(0.04), init.LogAlpha, 1e-15);
        Assert.Equal((1, 1), (Initialization.RandomGaussian(1, 1, 1, 0).N, Initialization.RandomGaussian(1, 1, 1, 0).R));
        Assert.Equal("n", Assert.Throws<ArgumentException>(() => Initialization.RandomGaussian(0, 5, 1, 0)).ParamName);
        Assert.Equal("r", Assert.Throws<ArgumentException>(() => Initialization.RandomGaussian(3, 0, 1, 0)).ParamName);
        Assert.Equal("alpha", Assert.Throws<ArgumentException>(() => Initialization.RandomGaussian(3, 5, -0.5, 0)).ParamName);
    }
}
