using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace IncLearn.Tests;

/// <summary>
/// The BLAS-3 fast path of the closed form (InverseFactorForm, used on OpenBLAS): it agrees with the exact graded QR wherever
/// it answers, it declines where its accuracy is not established (r &lt; n, an ill-conditioned inverse factor, scales beyond its
/// range), and <see cref="ClosedFormSolution.On"/> gives the same bits as <see cref="ClosedFormSolution.At"/> point by point.
/// The comparison with the 100–12,000-digit reference is in <see cref="ReferenceTests"/>.
/// </summary>
public class InverseFactorFormTests
{
    private static T WithNative<T>(Func<T> f)
    {
        Assert.True(NativeLapack.HasInverseFactorRoutines, "OpenBLAS with dtpqrt/dtrsm is needed: apt-get install libopenblas0");
        NativeLapack.NativeRequested.Value = true;
        try { return f(); }
        finally { NativeLapack.NativeRequested.Value = false; }
    }

    /// <summary>The exact graded QR, whatever INCLEARN_NATIVE says (the managed path never takes the fast path).</summary>
    private static ClosedFormSolution Exact(Target target, Initialization init)
    {
        NativeLapack.ManagedOnly.Value = true;
        try { return new ClosedFormSolution(target, init); }
        finally { NativeLapack.ManagedOnly.Value = false; }
    }

    private static Matrix<double> Gaussian(int n, int r, int seed) => GaussianMatrix.Of(n, r, seed);

    /// <summary>Ill-conditioned in rotated directions (not column- or row-graded): Q₁·diag(1 … 10^−decades)·Q₂ᵀ.</summary>
    private static Matrix<double> RotatedIllConditioned(int n, double decades, int seed)
    {
        var q1 = Gaussian(n, n, seed).QR().Q;
        var q2 = Gaussian(n, n, seed + 1).QR().Q;
        var d = Matrix<double>.Build.DenseOfDiagonalArray(Enumerable.Range(0, n).Select(i => Math.Pow(10, -decades * i / Math.Max(1, n - 1))).ToArray());
        return q1 * d * q2.Transpose();
    }

    public static IEnumerable<object[]> Problems()
    {
        foreach (int n in new[] { 1, 2, 5, 17, 64, 150, 261 })
            foreach (int widthFactor in new[] { 1, 2 })
                foreach (double log10Alpha in new[] { 0.0, -6, -40 })
                    yield return new object[] { n, widthFactor, log10Alpha };
        yield return new object[] { 400, 1, -6.0 };   // four pieces per evaluation (Pieces.Count)
    }

    [Theory]
    [MemberData(nameof(Problems))]
    public void AgreesWithTheExactGradedQr(int n, int widthFactor, double log10Alpha)
    {
        var spectrum = Enumerable.Range(0, n).Select(i => n == 1 ? 2.0 : 5 - 4.0 * i / (n - 1)).ToArray();
        var target = Target.FromSpectrum(spectrum, n, seed: n);
        var init = Initialization.FromShape(Gaussian(n, widthFactor * n, 7 * n + widthFactor), 1.0).WithLogAlpha(log10Alpha * Math.Log(10));
        var exact = Exact(target, init);
        Assert.False(exact.UsesInverseFactorForm);
        var form = WithNative(() => InverseFactorForm.TryCreate(target, new RotatedInitialShape(target, init.Shape).UTilde, init.LogAlpha));
        Assert.NotNull(form);
        // Times from 0 through every transition (t_k ≈ log(1/α)/(2σ_k), σ_min = 1) to well past the last one.
        double last = (Math.Abs(log10Alpha) * Math.Log(10) + 10) / 2;
        int answered = 0;
        foreach (double t in new[] { 0, 1e-9, 1e-3, 0.2 * last, 0.5 * last, 0.8 * last, last, 1.5 * last, 3 * last })
        {
            var fast = WithNative(() => form!.TryAt(t));
            if (fast is null) continue;
            answered++;
            var w = exact.At(t);
            double dev = (fast - w).FrobeniusNorm() / w.FrobeniusNorm();
            // Both paths lie within ~1e-13 of the truth (ReferenceTests); measured deviations ≤ 2.5e-14 up to n = 500.
            Assert.True(dev <= 1e-12, $"t = {t:G4}: the fast path deviates from the exact graded QR by {dev:G3}");
            Assert.True(fast.Equals(fast.Transpose()), "exactly symmetric");
        }
        // The scales leave e^{±250} only at α = 1e-40 and the largest times (σt + ½·log(1/α) > 250).
        Assert.True(answered >= (log10Alpha == -40 ? 5 : 9), $"the fast path answered {answered} of 9 times");
    }

    [Fact]
    public void DeclinesWhereItsAccuracyIsNotEstablished()
    {
        var target = Target.FromSpectrum([5, 4, 3, 2, 1.5, 1], 6, seed: 3);
        UTildeForm(target, Gaussian(6, 3, 1), 0, expectForm: false);                       // r < n: W̃₀ singular
        UTildeForm(target, RotatedIllConditioned(6, 12, 5), 0, expectForm: false);         // ‖R̄₀⁻¹‖ ≈ 1e12
        var zeroRow = Gaussian(6, 6, 2);
        zeroRow.SetRow(4, new double[6]);
        UTildeForm(target, zeroRow, 0, expectForm: false);                                 // rank 5: singular up to rounding
        // A well-conditioned shape at α = 1e-1000: the form exists, but its scales e^{−σt}/√α leave e^{±250} until every mode
        // is learned (σt > 1151 − 250); at t = 1e300 they vanish and the form gives W = Y, as it should.
        var form = UTildeForm(target, Gaussian(6, 6, 4), -1000 * Math.Log(10), expectForm: true)!;
        Assert.Null(WithNative(() => form.TryAt(1)));
        Assert.Null(WithNative(() => form.TryAt(300)));
        var far = WithNative(() => form.TryAt(1e300))!;
        Assert.True((far - target.Y).FrobeniusNorm() <= 1e-14 * target.Y.FrobeniusNorm());
        // …and At still answers, through the exact path, as the managed solution does.
        var init = Initialization.FromShape(Gaussian(6, 6, 4), 1).WithLogAlpha(-1000 * Math.Log(10));
        var native = WithNative(() => new ClosedFormSolution(target, init));
        Assert.True(native.UsesInverseFactorForm);
        var managed = Exact(target, init);
        foreach (double t in new[] { 300.0, 800, 1200, 1e6 })
        {
            var a = WithNative(() => native.At(t));
            var b = managed.At(t);
            if (b.FrobeniusNorm() == 0) { Assert.Equal(0, a.FrobeniusNorm()); continue; }
            Assert.True((a - b).FrobeniusNorm() <= 1e-12 * b.FrobeniusNorm(), $"t = {t}");
        }
    }

    private static InverseFactorForm? UTildeForm(Target target, Matrix<double> shape, double logAlpha, bool expectForm)
    {
        var form = WithNative(() => InverseFactorForm.TryCreate(target, new RotatedInitialShape(target, shape).UTilde, logAlpha));
        Assert.Equal(expectForm, form is not null);
        Assert.True(form is null || form.ConditionBound <= InverseFactorForm.MaxConditionBound, $"condition bound {form?.ConditionBound}");
        return form;
    }

    [Fact]
    public void OnGivesTheBitsOfAtOnBothCores()
    {
        // OpenBLAS is called from both workers at once: every point must still be computed exactly as alone.
        var target = Target.FromSpectrum(Enumerable.Range(0, 60).Select(i => 5 - 4.0 * i / 59).ToArray(), 60, seed: 60);
        var init = Initialization.RandomGaussian(60, 60, 1e-6, seed: 61);
        var cf = WithNative(() => new ClosedFormSolution(target, init));
        Assert.True(cf.UsesInverseFactorForm);
        var times = Enumerable.Range(0, 400).Select(j => 0.05 * j).ToArray();
        var serial = WithNative(() => times.Select(cf.At).ToArray());
        for (int round = 0; round < 5; round++)
        {
            var parallel = WithNative(() => cf.On(times));
            for (int j = 0; j < times.Length; j++)
                Assert.True(parallel[j].Equals(serial[j]), $"round {round}, t = {times[j]}: On differs from At");
        }
    }

    [Theory]
    // T = d·I (n = 100): ‖M‖₂ = d, ‖M‖_F = 10d, ‖MᵀM‖_F^{1/2} = 100^{1/4}·d, ‖(MᵀM)²‖_F^{1/4} = 100^{1/8}·d: each of the three
    // bounds decides in turn as d grows, and above 4096/100^{1/8} none is small enough.
    [InlineData(10.0, 100.0)]
    [InlineData(1000.0, 3162.2776601683795)]
    [InlineData(2000.0, 3556.5588200778461)]
    [InlineData(3000.0, 5334.8382301167693)]
    public void InverseNormBoundTakesTheFirstBoundThatSuffices(double d, double expected)
    {
        int n = 100;
        var t = new double[n * n];
        for (int i = 0; i < n; i++) t[i * n + i] = d;
        Assert.True(NativeLapack.HasInverseFactorRoutines, "apt-get install libopenblas0");
        double q = InverseFactorForm.InverseNormBound(t, Enumerable.Repeat(1.0, n).ToArray(), n, NativeLapack.HasTriangularGram);
        Assert.Equal(expected, q, expected * 1e-14);
        Assert.True(q >= d, "an upper bound on ‖M‖₂");
    }

    [Fact]
    public void ConditionBoundIsAnUpperBoundOnTheInverseFactorsNorm()
    {
        foreach (var (n, seed) in new[] { (4, 1), (30, 2), (90, 3) })
        {
            var target = Target.FromSpectrum(Enumerable.Range(0, n).Select(i => 5 - 4.0 * i / (n - 1)).ToArray(), n, seed: seed);
            var ut = new RotatedInitialShape(target, Gaussian(n, n, seed)).UTilde;
            var form = WithNative(() => InverseFactorForm.TryCreate(target, ut, 0))!;
            // ‖M‖₂ = 1/σ_min(R̄₀), R̄₀ = (ΦᵀŪ₀'s RQ factor T)⁻¹ with unit columns; W̃₀ = TTᵀ = ŨŨᵀ gives the same T up to signs.
            var tri = Matrix<double>.Build.Dense(n, n, NativeLapack.RqUpperTriangle(ut.ToColumnMajorArray(), n, n));
            var r0 = tri.Inverse();
            var unit = r0.NormalizeColumns(2);
            double norm = 1 / unit.Svd(computeVectors: false).S.Minimum();
            Assert.True(form.ConditionBound >= norm * (1 - 1e-12), $"n = {n}: q = {form.ConditionBound} < ‖M‖₂ = {norm}");
            Assert.True(form.ConditionBound <= Math.Sqrt(n) * norm * (1 + 1e-12), $"n = {n}: q = {form.ConditionBound} looser than ‖M‖_F");
        }
    }
}

