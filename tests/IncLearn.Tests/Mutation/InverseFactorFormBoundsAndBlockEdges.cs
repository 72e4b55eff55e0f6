using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace IncLearn.Tests.Mutation;

/// <summary>Issue 25, the fast path (InverseFactorForm): its condition bound q at each of its three steps against the norms of
/// M = diag(‖R₀e_j‖)·T computed here by MathNet, for a full triangle T (a diagonal one hides the symmetric completion of MMᵀ)
/// and through both Gram routines; and an order that is a multiple of the block size in the split evaluation.</summary>
public class InverseFactorFormBoundsAndBlockEdges
{
    private static Matrix<double> Gaussian(int n, int r, int seed) => GaussianMatrix.Of(n, r, seed);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void EachStepOfTheConditionBoundIsItsNormOfM(bool triangularGram)
    {
        Assert.True(NativeLapack.HasInverseFactorRoutines && NativeLapack.HasTriangularGram, "OpenBLAS with dlauum: apt-get install libopenblas0");
        int n = 7;
        var t = Gaussian(n, n, 21).UpperTriangle();
        for (int i = 0; i < n; i++) t[i, i] = 2 + Math.Abs(t[i, i]);
        var columnNorm = Enumerable.Range(0, n).Select(i => 0.5 + 0.4 * i).ToArray();
        var m = Matrix<double>.Build.DenseOfDiagonalArray(columnNorm) * t;
        var mmt = m * m.Transpose();
        double f1 = m.FrobeniusNorm(), f2 = Math.Sqrt(mmt.FrobeniusNorm()), f3 = Math.Pow((mmt * mmt).FrobeniusNorm(), 0.25);
        Assert.True(f1 > f2 * 1.05 && f2 > f3 * 1.05, $"the three bounds must differ: {f1}, {f2}, {f3}");
        // Scales c for which step 1, 2 and 3 decide: c·f1 ≤ 4096; c·f1 > 4096 ≥ c·f2; c·f2 > 4096 (the third is returned).
        double max = InverseFactorForm.MaxConditionBound;
        foreach (var (c, expected) in new[] { (0.9 * max / f1, f1), (max / Math.Sqrt(f1 * f2), f2), (max / Math.Sqrt(f2 * f3), f3) })
        {
            double q = InverseFactorForm.InverseNormBound((t * c).ToColumnMajorArray(), columnNorm, n, triangularGram);
            Assert.True(Math.Abs(q - c * expected) <= 1e-12 * c * expected, $"c = {c:G4}: q = {q:R}, expected {c * expected:R}");
            Assert.True(q >= (m * c).L2Norm(), "an upper bound on ‖M‖₂");
        }
    }

    [Fact]
    public void AnOrderThatIsAMultipleOfTheBlockSizeSplitsAndAgreesWithTheExactForm()
    {
        // n = 160 = 5 blocks of 32, two pieces: the split QR's panel loop ends exactly at n.
        int n = 160;
        Assert.Equal(2, Pieces.Count(n));
        var target = Target.FromSpectrum(Enumerable.Range(0, n).Select(i => 4.5 - 3.5 * i / (n - 1)).ToArray(), n, seed: 23);
        var init = Initialization.FromShape(Gaussian(n, n, 24), 2.3e-5);
        NativeLapack.NativeRequested.Value = true;
        ClosedFormSolution fast;
        try { fast = new ClosedFormSolution(target, init); }
        finally { NativeLapack.NativeRequested.Value = false; }
        Assert.True(fast.UsesInverseFactorForm);
        NativeLapack.ManagedOnly.Value = true;
        ClosedFormSolution exact;
        try { exact = new ClosedFormSolution(target, init); }
        finally { NativeLapack.ManagedOnly.Value = false; }
        Assert.False(exact.UsesInverseFactorForm);
        foreach (double t in new[] { 0.7, 2.9, 6.0 })
        {
            NativeLapack.NativeRequested.Value = true;
            Matrix<double> w;
            try { w = fast.At(t); }
            finally { NativeLapack.NativeRequested.Value = false; }
            var reference = exact.At(t);
            double dev = (w - reference).FrobeniusNorm() / reference.FrobeniusNorm();
            Assert.True(dev <= 1e-12, $"t = {t}: {dev:G3}");
        }
    }
}
