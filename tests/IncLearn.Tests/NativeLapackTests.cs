using MathNet.Numerics.LinearAlgebra;

namespace IncLearn.Tests;

/// <summary>The OpenBLAS binding and its managed fallback give the same results (both paths run here).</summary>
public class NativeLapackTests
{
    [Fact]
    public void OpenBlasIsFoundOnThisMachine()
    {
        // .ci/run installs libopenblas0; without it the managed path below still runs (and this fact says why it failed).
        Assert.True(NativeLapack.IsAvailable, "libopenblas.so.0 not found: apt-get install libopenblas0");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EigenAndProductAgreeWithDefinitions(bool native)
    {
        if (native && !NativeLapack.IsAvailable) return; // covered by OpenBlasIsFoundOnThisMachine
        var g = Matrix<double>.Build.Random(37, 37, new MathNet.Numerics.Distributions.Normal(0, 1, new Random(3)));
        var s = Numerics.Symmetrize(g);
        var (w, v) = NativeLapack.SymmetricEigen(s, native);
        // A V = V Λ and VᵀV = I to a few hundred rounding errors of ‖A‖.
        var lam = Matrix<double>.Build.DenseOfDiagonalArray(w);
        Assert.True((s * v - v * lam).FrobeniusNorm() <= 1e-12 * s.FrobeniusNorm());
        Assert.True((v.TransposeThisAndMultiply(v) - Matrix<double>.Build.DenseIdentity(37)).FrobeniusNorm() <= 1e-12);
        Assert.True(w.Zip(w.Skip(1)).All(p => p.First <= p.Second), "ascending");
        var b = Matrix<double>.Build.Random(37, 5, new MathNet.Numerics.Distributions.Normal(0, 1, new Random(4)));
        foreach (var (ta, tb, expected) in new[] { (false, false, g * b), (true, false, g.Transpose() * b), (false, true, g * g.Transpose()), (true, true, g.Transpose() * g.Transpose()) })
        {
            var rhs = tb ? g : b;
            var got = NativeLapack.Multiply(g, ta, rhs, tb, native);
            Assert.True((got - expected).FrobeniusNorm() <= 1e-13 * expected.FrobeniusNorm(), $"transposes {ta},{tb}");
        }
    }

    [Fact]
    public void ClosedFormIsTheSameOnTheManagedPath()
    {
        var y = Target.FromSpectrum([5, 3, 2, 1], 6, seed: 8);
        var cf = new ClosedFormSolution(y, Initialization.RandomGaussian(6, 4, 1e-5, 2));
        var native = cf.On([0.0, 3, 6, 12, 1e300]);
        NativeLapack.ManagedOnly.Value = true;
        try
        {
            var managedTarget = Target.FromSpectrum([5, 3, 2, 1], 6, seed: 8);
            var managed = new ClosedFormSolution(managedTarget, Initialization.RandomGaussian(6, 4, 1e-5, 2)).On([0.0, 3, 6, 12, 1e300]);
            for (int i = 0; i < native.Count; i++)
                // 1e-12: the two paths differ only in rounding (eigenvectors of Y agree to ~1e-15 up to sign, which W does not see).
                Assert.True((native[i] - managed[i]).FrobeniusNorm() <= 1e-12 * native[i].FrobeniusNorm(), $"point {i}");
        }
        finally { NativeLapack.ManagedOnly.Value = false; }
    }
}
