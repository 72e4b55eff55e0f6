using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace IncLearn.Tests;

/// <summary>
/// The fast paths behind the measurements give what the direct computations give: the allocation-free eigenvalue solver,
/// W̃(t) without matrix objects, the r &gt; n compression of Ū₀, the short-cut plateau search, the parallel trial count and the
/// span-based dgemm of the integrator.
/// </summary>
public class FastPathTests
{
    private static Matrix<double> RandomSymmetric(int n, int seed, double scale)
    {
        var g = Matrix<double>.Build.Random(n, n, new Normal(0, 1, new Random(seed)));
        return Numerics.Symmetrize(g) * scale;
    }

    public static IEnumerable<object[]> SymmetricCases()
    {
        foreach (int n in new[] { 1, 2, 3, 6, 13, 25 })
            foreach (double scale in new[] { 1e-250, 1.0, 1e250 })
                yield return new object[] { n, scale };
    }

    [Theory]
    [MemberData(nameof(SymmetricCases))]
    public void EigenvaluesMatchMathNet(int n, double scale)
    {
        var unit = RandomSymmetric(n, 100 + n, 1);
        // A graded diagonal as well: eigenvalues of very different sizes.
        for (int i = 0; i < n; i++) unit[i, i] += Math.Pow(10, -i);
        // The reference diagonalises the unit-scale matrix (MathNet does not rescale: at 1e-250 its squares underflow).
        var expected = unit.Evd(Symmetricity.Symmetric).EigenValues.Select(c => c.Real * scale).OrderBy(x => x).ToArray();
        var a = unit * scale;
        var d = new double[n];
        SymmetricEigenvalues.Compute(a.ToRowMajorArray(), n, d, new double[n]);
        var got = d.OrderBy(x => x).ToArray();
        double norm = expected.Max(Math.Abs);
        for (int i = 0; i < n; i++)
            // Both solvers are backward stable: eigenvalues agree to a small multiple of n·ε·‖A‖₂.
            Assert.True(Math.Abs(got[i] - expected[i]) <= 1e-13 * norm, $"λ_{i}: {got[i]:R} vs {expected[i]:R}");
        Assert.Equal(norm, Numerics.SymmetricSpectralNorm(a), norm * 1e-13);
    }

    [Fact]
    public void EigenvaluesOfSpecialMatrices()
    {
        var d = new double[3];
        SymmetricEigenvalues.Compute(new double[9], 3, d, new double[3]);
        Assert.Equal(new double[3], d);
        // Already diagonal and already tridiagonal (a zero column below the sub-diagonal).
        Assert.Equal(7.0, Numerics.SymmetricSpectralNorm(Matrix<double>.Build.DenseOfDiagonalArray([1, -7, 3])));
        var tri = Matrix<double>.Build.DenseOfArray(new double[,] { { 2, 1, 0 }, { 1, 2, 1 }, { 0, 1, 2 } });
        Assert.Equal(2 + Math.Sqrt(2), Numerics.SymmetricSpectralNorm(tri), 1e-14);
    }

    [Fact]
    public void SpectralNormRejectsBadInput()
    {
        Assert.Equal("a", Assert.Throws<ArgumentException>(() => Numerics.SymmetricSpectralNorm(Matrix<double>.Build.Dense(2, 3))).ParamName);
        var nan = Matrix<double>.Build.DenseIdentity(3);
        nan[2, 1] = double.NaN;
        Assert.Equal("a", Assert.Throws<ArgumentException>(() => Numerics.SymmetricSpectralNorm(nan)).ParamName);
    }

    [Fact]
    public void RotatedIntoMatchesRotatedAt()
    {
        var y = Target.FromSpectrum([5, 3, 2, 1], 6, seed: 8);
        foreach (int r in new[] { 2, 6, 11 })
        {
            var cf = new ClosedFormSolution(y, Initialization.RandomGaussian(6, r, 1e-5, r));
            var w = new double[36];
            foreach (double t in new[] { 0, 1.5, 4, 9, 1e300, double.PositiveInfinity })
            {
                cf.RotatedInto(t, w);
                var expected = cf.RotatedAt(t);
                var got = Matrix<double>.Build.DenseOfRowMajor(6, 6, w);
                Assert.True((got - expected).FrobeniusNorm() <= 1e-14 * expected.FrobeniusNorm(), $"r = {r}, t = {t}");
                Assert.True(got.Equals(got.Transpose()), "exactly symmetric");
            }
        }
    }

    /// <summary>On's parallel workers, each with its own reused workspace, give every point bit for bit as At does alone.</summary>
    [Fact]
    public void OnIsBitForBitTheSerialAt()
    {
        var y = Target.FromSpectrum([5, 3, 2, 1], 7, seed: 4);
        foreach (int r in new[] { 3, 7, 12 })
        {
            var times = Enumerable.Range(0, 64).Select(j => 0.4 * j).Append(1e300).Append(double.PositiveInfinity).ToArray();
            var parallel = new ClosedFormSolution(y, Initialization.RandomGaussian(7, r, 1e-6, r)).On(times);
            var serial = new ClosedFormSolution(y, Initialization.RandomGaussian(7, r, 1e-6, r));
            for (int j = 0; j < times.Length; j++)
                Assert.True(parallel[j].Equals(serial.At(times[j])), $"r = {r}, t = {times[j]}");
        }
    }

    public static IEnumerable<object[]> WideCases()
    {
        // (n, decades of column grading, decades of row grading, log10 α, seed of Φ or null for Φ = I)
        yield return new object[] { 3, 0.0, 0.0, -3.0, 1 };
        yield return new object[] { 5, 16.0, 0.0, -10.0, 2 };
        yield return new object[] { 5, 30.0, 0.0, -10.0, 2 };
        yield return new object[] { 3, 8.0, 8.0, -10.0, null! };   // reached a subnormal row scale (1/s = ∞) at t ≈ 900
        yield return new object[] { 8, 30.0, 30.0, -800.0, null! };
    }

    /// <summary>W(t) depends on Ū₀ only through Ū₀Ū₀ᵀ: compressing an n×r shape (r &gt; n) to an n×n factor before the QR gives
    /// the W(t) of the uncompressed QR, to well within the accuracy contract, for shapes graded by rows and by columns (a
    /// column-graded Ū₀ is how the reference reaches cond(W̄₀) = 1e16), from t = 0 through every transition to t = 1e300.</summary>
    [Theory]
    [MemberData(nameof(WideCases))]
    public void WideShapeCompressionKeepsTheSolution(int n, double columnDecades, double rowDecades, double log10Alpha, int? seed)
    {
        var y = Target.FromSpectrum(Enumerable.Range(0, n).Select(i => 4.0 - 0.4 * i).ToArray(), n, seed);
        int r = 2 * n + 1;
        var g = Matrix<double>.Build.Random(n, r, new Normal(0, 1, new Random(n + 10)));
        var columns = Matrix<double>.Build.DenseOfDiagonalArray(Enumerable.Range(0, r).Select(j => Math.Pow(10, -columnDecades * j / (r - 1))).ToArray());
        var rows = Matrix<double>.Build.DenseOfDiagonalArray(Enumerable.Range(0, n).Select(i => Math.Pow(10, -rowDecades * i / (n - 1))).ToArray());
        var init = Initialization.FromShape(rows * g * columns, 1).WithLogAlpha(log10Alpha * Math.Log(10));
        var compressed = new ClosedFormSolution(y, init);
        var plain = new ClosedFormSolution(y, init, compressWideShapes: false);
        double slowest = (-init.LogAlpha + 2 * Math.Log(10) * (rowDecades + columnDecades)) / (2 * 0.4);
        foreach (double t in Enumerable.Range(0, 41).Select(j => slowest * 1.5 * j / 40).Concat([877.5, 1e300]))
        {
            var a = plain.At(t);
            if (a.FrobeniusNorm() < 1e-280) continue; // below the double range
            var b = compressed.At(t);
            Assert.True((a - b).FrobeniusNorm() <= 1e-13 * a.FrobeniusNorm(), $"t = {t}: {(a - b).FrobeniusNorm() / a.FrobeniusNorm():G3}");
        }
    }

    /// <summary>Regression: at t = 1e300 a row whose active part is exactly zero ("dead") but whose exponent exceeds the
    /// reference's by more than the double range got the weight ∞, and ∞·0 = NaN ended in IndexOutOfRangeException.</summary>
    [Fact]
    public void DeadRowWithAHugeExponentDoesNotBreakTheQr()
    {
        int n = 5;
        var y = Target.FromSpectrum(Enumerable.Range(0, n).Select(i => 4.0 - 0.7 * i).ToArray(), n, seed: 3);
        var grade = Matrix<double>.Build.DenseOfDiagonalArray(Enumerable.Range(0, n).Select(i => Math.Pow(10, -150.0 * i / (n - 1))).ToArray());
        var u = grade * Target.RandomOrthogonal(n, 5);
        var cf = new ClosedFormSolution(y, Initialization.FromShape(u, 1).WithLogAlpha(-800 * Math.Log(10)));
        var w = cf.At(1e300);
        // Ũ = ΦᵀŪ₀ keeps only the directions above its rounding (the rows below 1e-114 are lost in Φᵀ's sums), so the
        // state reached after every transition it can see is the check: W(1e300) = W(1e5), finite and symmetric.
        var converged = cf.At(1e5);
        Assert.True(w.Enumerate().All(double.IsFinite));
        Assert.True((w - converged).FrobeniusNorm() <= 1e-12 * converged.FrobeniusNorm(), $"{(w - converged).FrobeniusNorm():G3}");
    }

    [Fact]
    public void RankDeficientWideShapeStaysRankDeficient()
    {
        // n = 3, r = 5 with rank 1: the same W(t) as the single column.
        var y = Target.FromSpectrum([3, 2, 1], 3, seed: 2);
        var v = Matrix<double>.Build.DenseOfColumnArrays([1.0, -2.0, 0.5]);
        var wide = v * Matrix<double>.Build.DenseOfRowArrays([0.6, 0.0, -0.8, 0.0, 0.0]);
        var narrow = new ClosedFormSolution(y, Initialization.FromShape(v, 1e-6));
        var compressed = new ClosedFormSolution(y, Initialization.FromShape(wide, 1e-6));
        // Up to t = 8 only: later, the 1e-16 rounding of Ũ outside its rank-1 span (present with or without compression)
        // grows like e^{2σt} and gets learned, as it would for the exact flow from a shape perturbed by 1e-16.
        foreach (double t in new[] { 0, 2, 8, double.PositiveInfinity })
        {
            var a = narrow.At(t);
            Assert.True((a - compressed.At(t)).FrobeniusNorm() <= 1e-12 * a.FrobeniusNorm(), $"t = {t}");
        }
    }

    public static IEnumerable<object[]> PlateauCases()
    {
        yield return new object[] { 4, -6.0, 1 };
        yield return new object[] { 6, -3.0, 2 };
        yield return new object[] { 12, -8.0, 3 };
        yield return new object[] { 3, -2.0, 4 };
    }

    /// <summary>The short-cut search answers exactly like the full one, also at ε equal to a minimum (the borderline).</summary>
    [Theory]
    [MemberData(nameof(PlateauCases))]
    public void VisitsEveryPlateauAgreesWithPlateauErrors(int r, double log10Alpha, int seed)
    {
        var y = Target.FromSpectrum([10, 6, 3, 1], 6, seed: 7);
        var init = Initialization.RandomGaussian(6, r, Math.Pow(10, log10Alpha), seed);
        var errors = Measurements.PlateauErrors(y, init, 150);
        // ε is a tolerance in (0, σ_K] (σ_K = 1 here): candidates above it are refused, not compared.
        var candidates = errors.SelectMany(e => new[] { e, Math.BitDecrement(e), e * 1.5 }).Append(0.1).Append(1e-3).Append(1.0)
            .Where(e => e > 0 && e <= 1.0);
        foreach (double epsilon in candidates)
            Assert.Equal(errors.All(e => e <= epsilon), Measurements.VisitsEveryPlateau(y, init, epsilon, 150));
    }

    [Fact]
    public void ParallelTrialCountIsTheSerialCount()
    {
        var y = Target.FromSpectrum([10, 6, 3, 1], 6, seed: 7);
        var remark = new RandomInitialization(6, 6, seed: 11);
        int serial = Enumerable.Range(0, 12).Count(i => Measurements.VisitsEveryPlateau(y, Initialization.FromShape(remark.Shape(i), 1e-7), 0.1, 100));
        Assert.InRange(serial, 1, 11); // both outcomes occur, so the comparison can fail
        Assert.Equal(serial / 12.0, remark.ProbabilityPlateausVisited(y, 0.1, 1e-7, 12, 100).Probability);
        // A failing trial's exception comes out as it is, not wrapped.
        var other = Target.FromSpectrum([10, 6, 3, 1], 5, seed: 7);
        Assert.Equal("initialization", Assert.Throws<ArgumentException>(() => remark.ProbabilityPlateausVisited(other, 0.1, 1e-7, 4)).ParamName);
    }

    [Fact]
    public void SpanGemmAgreesWithMathNet()
    {
        Assert.True(NativeLapack.IsAvailable, "libopenblas.so.0 not found: apt-get install libopenblas0 (.ci/run does)");
        var a = Matrix<double>.Build.Random(7, 5, new Normal(0, 1, new Random(1)));
        var b = Matrix<double>.Build.Random(7, 5, new Normal(0, 1, new Random(2)));
        var c0 = Matrix<double>.Build.Random(5, 5, new Normal(0, 1, new Random(3)));
        var c = c0.ToColumnMajorArray();
        NativeLapack.Gemm(true, false, 5, 5, 7, 2, a.ToColumnMajorArray(), 7, b.ToColumnMajorArray(), 7, -1, c, 5);
        var expected = 2 * a.TransposeThisAndMultiply(b) - c0;
        Assert.True((Matrix<double>.Build.Dense(5, 5, c) - expected).FrobeniusNorm() <= 1e-14 * expected.FrobeniusNorm());
        Assert.True(NativeLapack.HasSymmetricProducts, "cblas_dsyrk/cblas_dsymm missing from libopenblas.so.0");
        // G = AᵀA (lower triangle) by dsyrk on Aᵀ, then C ← C0 − G·Bᵀ by dsymm: the integrator's two symmetric products.
        var at = a.Transpose().ToColumnMajorArray();
        var g = new double[25];
        NativeLapack.Syrk(false, 5, 7, 1, at, 5, 0, g, 5);
        var gram = a.TransposeThisAndMultiply(a);
        for (int i = 0; i < 5; i++)
            for (int j = 0; j <= i; j++) Assert.Equal(gram[i, j], g[j * 5 + i], 1e-13 * gram.FrobeniusNorm());
        var cs = c0.Append(c0).SubMatrix(0, 5, 0, 7).ToColumnMajorArray();
        NativeLapack.Symm(false, 5, 7, -1, g, 5, b.Transpose().ToColumnMajorArray(), 5, 1, cs, 5);
        var expectedS = c0.Append(c0).SubMatrix(0, 5, 0, 7) - gram * b.Transpose();
        Assert.True((Matrix<double>.Build.Dense(5, 7, cs) - expectedS).FrobeniusNorm() <= 1e-13 * expectedS.FrobeniusNorm());
        // The residual form for r > n/3: M = C0' − AAᵀ (lower triangle, dsyrk transposed on Aᵀ), then Aᵀ·M by dsymm on the right.
        var y7 = Numerics.Symmetrize(Matrix<double>.Build.Random(7, 7, new MathNet.Numerics.Distributions.Normal(0, 1, new Random(9))));
        var m = y7.ToColumnMajorArray();
        NativeLapack.Syrk(true, 7, 5, -1, at, 5, 1, m, 7);
        var residual = y7 - a * a.Transpose();
        for (int i = 0; i < 7; i++)
            for (int j = 0; j <= i; j++) Assert.Equal(residual[i, j], m[j * 7 + i], 1e-13 * residual.FrobeniusNorm());
        var f = new double[35];
        NativeLapack.Symm(true, 5, 7, 1, m, 7, at, 5, 0, f, 5);
        var expectedF = a.Transpose() * residual;
        Assert.True((Matrix<double>.Build.Dense(5, 7, f) - expectedF).FrobeniusNorm() <= 1e-13 * expectedF.FrobeniusNorm());
        Assert.Equal("c", Assert.Throws<ArgumentException>(() => NativeLapack.Symm(true, 5, 7, 1, m, 7, at, 5, 0, new double[34], 5)).ParamName);
        Assert.Equal("a", Assert.Throws<ArgumentException>(() => NativeLapack.Syrk(true, 7, 5, 1, new double[34], 5, 0, m, 7)).ParamName);
        Assert.Equal("c", Assert.Throws<ArgumentException>(() =>
            NativeLapack.Gemm(true, false, 5, 5, 7, 1, a.ToColumnMajorArray(), 7, b.ToColumnMajorArray(), 7, 0, new double[24], 5)).ParamName);
    }
}
