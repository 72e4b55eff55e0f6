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
        Assert.True(!native || NativeLapack.IsAvailable, "libopenblas.so.0 not found: apt-get install libopenblas0 (.ci/run does)");
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

    private static double[] ColumnMajor(Matrix<double> m) => m.ToColumnMajorArray();

    private static Matrix<double> Random(int rows, int cols, int seed) =>
        Matrix<double>.Build.Random(rows, cols, new MathNet.Numerics.Distributions.Normal(0, 1, new Random(seed)));

    [Theory]
    [InlineData(1, 1)]
    [InlineData(5, 5)]
    [InlineData(7, 19)]
    [InlineData(60, 61)]
    public void RqFactorIsAnUpperTriangleWithTheSameGram(int n, int r)
    {
        Assert.True(NativeLapack.HasInverseFactorRoutines, "apt-get install libopenblas0");
        var a = Random(n, r, n + r);
        var input = ColumnMajor(a);
        var t = Matrix<double>.Build.Dense(n, n, NativeLapack.RqUpperTriangle(input, n, r));
        Assert.Equal(ColumnMajor(a), input);   // A is read, not overwritten (the fast path passes Ũ's own storage)
        for (int j = 0; j < n; j++)
            for (int i = j + 1; i < n; i++) Assert.Equal(0.0, t[i, j]);
        var gram = a * a.Transpose();
        Assert.True((t * t.Transpose() - gram).FrobeniusNorm() <= 1e-13 * gram.FrobeniusNorm());
        Assert.Throws<ArgumentException>(() => NativeLapack.RqUpperTriangle(ColumnMajor(Random(3, 2, 1)), 3, 2));
    }

    [Fact]
    public void TriangularRoutinesAgreeWithTheirDefinitions()
    {
        Assert.True(NativeLapack.HasInverseFactorRoutines, "apt-get install libopenblas0");
        int n = 70;
        var upper = Random(n, n, 11).UpperTriangle() + Matrix<double>.Build.DenseIdentity(n) * 10;
        // dtrtri: T·T⁻¹ = I; an exactly zero diagonal entry is reported, not divided by.
        var inv = ColumnMajor(upper);
        Assert.True(NativeLapack.TryInvertUpperTriangular(inv, n));
        Assert.True((upper * Matrix<double>.Build.Dense(n, n, inv) - Matrix<double>.Build.DenseIdentity(n)).FrobeniusNorm() <= 1e-13);
        var singular = upper.Clone();
        singular[40, 40] = 0;
        Assert.False(NativeLapack.TryInvertUpperTriangular(ColumnMajor(singular), n));
        // dtpqrt with both blocks upper triangular: RᵀR = AᵀA + BᵀB, R upper triangular, for block sizes 1, 48 and n.
        var b = Matrix<double>.Build.DenseOfDiagonalArray(Enumerable.Range(0, n).Select(i => 0.1 + i).ToArray());
        var gram = upper.TransposeThisAndMultiply(upper) + b.TransposeThisAndMultiply(b);
        foreach (int nb in new[] { 1, 48, n })
        {
            var ra = ColumnMajor(upper);
            NativeLapack.TriangularPairQr(n, nb, ra, ColumnMajor(b), new double[nb * n], new double[nb * n]);
            var r = Matrix<double>.Build.Dense(n, n, ra).UpperTriangle();
            Assert.True((r.TransposeThisAndMultiply(r) - gram).FrobeniusNorm() <= 1e-13 * gram.FrobeniusNorm(), $"nb = {nb}");
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => NativeLapack.TriangularPairQr(n, 0, ColumnMajor(upper), ColumnMajor(b), new double[n], new double[n]));
        Assert.Throws<ArgumentException>(() => NativeLapack.TriangularPairQr(n, 4, ColumnMajor(upper), ColumnMajor(b), new double[3], new double[4 * n]));
        // cblas_dtrsm from the right: X·T = B.
        var rhs = Random(9, n, 12);
        var x = ColumnMajor(rhs);
        NativeLapack.SolveRightUpper(9, n, ColumnMajor(upper), x);
        Assert.True((Matrix<double>.Build.Dense(9, n, x) * upper - rhs).FrobeniusNorm() <= 1e-13 * rhs.FrobeniusNorm());
        Assert.Throws<ArgumentException>(() => NativeLapack.SolveRightUpper(9, n, ColumnMajor(upper), new double[9 * n - 1]));
    }

    [Fact]
    public void EveryRoutineGivesTheSameBitsAtEveryAlignment()
    {
        // Reruns must reproduce stored outputs: OpenBLAS's vector kernels add in an alignment-dependent order, so the routines
        // either pack their operands (the BLAS-3 products: checked here at all eight 8-byte offsets of a 64-byte line) or
        // run on aligned copies (the LAPACK routines: checked on fresh arrays, which land at varying alignments).
        Assert.True(NativeLapack.HasInverseFactorRoutines, "apt-get install libopenblas0");
        int n = 61;
        var g = Random(n, n, 21);
        var src = ColumnMajor(g);
        var sym = ColumnMajor(g + g.Transpose());
        var upper = ColumnMajor(g.UpperTriangle() + Matrix<double>.Build.DenseIdentity(n) * 4);
        var buffer = GC.AllocateArray<double>(3 * n * n + 64, pinned: true);
        var first = new Dictionary<string, double[]>();
        void Same(string name, ReadOnlySpan<double> result)
        {
            if (first.TryGetValue(name, out var f)) Assert.True(result.SequenceEqual(f), $"{name} differs at another alignment");
            else first[name] = result.ToArray();
        }
        for (int offset = 0; offset < 8; offset++)
        {
            var a = buffer.AsSpan(offset, n * n);
            var b = buffer.AsSpan(n * n + 8 + offset, n * n);
            var c = buffer.AsSpan(2 * n * n + 16 + offset, n * n);
            src.CopyTo(a); src.CopyTo(b); c.Clear();
            NativeLapack.Gemm(false, true, n, n, n, 1.0, a, n, b, n, 0.0, c, n);
            Same("dgemm", c);
            c.Clear();
            NativeLapack.Syrk(false, n, n, 1.0, a, n, 0.0, c, n);
            Same("dsyrk", c);
            c.Clear();
            NativeLapack.Syrk(true, n, n, 1.0, a, n, 0.0, c, n);
            Same("dsyrk transposed", c);
            sym.CopyTo(a); c.Clear();
            NativeLapack.Symm(false, n, n, 1.0, a, n, b, n, 0.0, c, n);
            Same("dsymm", c);
            c.Clear();
            NativeLapack.Symm(true, n, n, 1.0, a, n, b, n, 0.0, c, n);
            Same("dsymm right", c);
            upper.CopyTo(a);
            NativeLapack.SolveRightUpper(n, n, a, b);
            Same("dtrsm", b);
            var (values, vectors) = NativeLapack.SymmetricEigen(g + g.Transpose(), native: true);
            Same("dsyevd values", values);
            Same("dsyevd vectors", vectors.ToColumnMajorArray());
            Same("dgerqf", NativeLapack.RqUpperTriangle((double[])src.Clone(), n, n));
            var inv = (double[])upper.Clone();
            NativeLapack.TryInvertUpperTriangular(inv, n);
            Same("dtrtri", inv);
            var gram = new AlignedBuffer(n * n);
            ColumnMajor(g.UpperTriangle()).CopyTo(gram.Span);
            NativeLapack.UpperTriangularGram(gram.Span, n);
            Same("dlauum", gram.Span);
            var (scaledValues, scaledVectors) = NativeLapack.SymmetricEigen(g + g.Transpose(), native: true, factor: 0.37);
            Same("dsyevd of a multiple, values", scaledValues);
            Same("dsyevd of a multiple, vectors", scaledVectors.ToColumnMajorArray());
        }
    }

    [Fact]
    public void UpperTriangularGramIsUUTranspose()
    {
        Assert.True(NativeLapack.HasTriangularGram, "apt-get install libopenblas0");
        foreach (int n in new[] { 1, 7, 150 })
        {
            var u = Random(n, n, 5 + n).UpperTriangle();
            var below = Random(n, n, 6).StrictlyLowerTriangle();
            var a = new AlignedBuffer(n * n);
            ColumnMajor(u + below).CopyTo(a.Span);   // the strictly lower triangle is neither read nor written
            NativeLapack.UpperTriangularGram(a.Span, n);
            var expected = u * u.Transpose();
            var got = Matrix<double>.Build.Dense(n, n, a.Span.ToArray());
            Assert.True((got.UpperTriangle() - expected.UpperTriangle()).FrobeniusNorm() <= 1e-13 * expected.FrobeniusNorm(), $"n = {n}");
            Assert.Equal(below, got.StrictlyLowerTriangle());
        }
    }

    [Fact]
    public void InPlaceRoutinesRefuseMemoryOffTheAlignment()
    {
        // They run in the caller's memory, so they check what the others get by copying: 64-byte alignment (see AlignedBuffer).
        Assert.True(NativeLapack.HasInverseFactorRoutines && NativeLapack.HasTriangularGram, "apt-get install libopenblas0");
        int n = 5;
        void OffByOne(Action<Span<double>> routine)
        {
            using var shifted = new AlignedScratch(n * n + 1, zeroed: true);
            for (int i = 0; i < n; i++) shifted.Span[1 + i * n + i] = 2;
            routine(shifted.Span.Slice(1, n * n));
        }
        Assert.Contains("64-byte", Assert.Throws<ArgumentException>(() => OffByOne(u => NativeLapack.UpperTriangularGram(u, n))).Message);
        Assert.Contains("64-byte", Assert.Throws<ArgumentException>(() => OffByOne(t => NativeLapack.TryInvertUpperTriangular(t, n))).Message);
        using var scratch = new AlignedScratch(n * n, zeroed: true);
        for (int i = 0; i < n; i++) scratch.Span[i * n + i] = 2;
        Assert.True(NativeLapack.TryInvertUpperTriangular(scratch.Span, n));
        Assert.Equal(0.5, scratch.Span[0]);
    }

    [Fact]
    public void SymmetricEigenOfAMultipleIsThatOfTheScaledMatrix()
    {
        // factor·A formed while copying into dsyevd's buffer: the same bits as decomposing A·factor formed first, natively
        // and on MathNet's managed path.
        var g = Random(40, 40, 8);
        var a = g + g.Transpose();
        foreach (bool native in new[] { true, false })
        {
            var (values, vectors) = NativeLapack.SymmetricEigen(a, native, factor: 1 / 3.7);
            var (expectedValues, expectedVectors) = NativeLapack.SymmetricEigen(a * (1 / 3.7), native);
            Assert.Equal(expectedValues, values);
            Assert.Equal(expectedVectors.ToColumnMajorArray(), vectors.ToColumnMajorArray());
        }
    }
}
