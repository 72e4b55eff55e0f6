using System.Text.Json;
using MathNet.Numerics.LinearAlgebra;

namespace IncLearn.Tests;

/// <summary>
/// Proposition 1 against eq. (5)/(9) evaluated in 100–12,000-digit arithmetic (Reference/make_reference.py, mpmath; every value
/// checked at two precisions): the issue-13 cases and random shapes across cond(W̄₀) = 1 … 1e16 (column-graded), every width
/// r = 1 … 2n, α = 1 … 1e-1000 (through log α) and t from 0 through every transition to 1e300.
/// </summary>
public class ReferenceTests
{
    /// <summary>1e-12 relative Frobenius: the accuracy the closed form promises; the reference itself is exact to 1e-30.</summary>
    private const double Tolerance = 1e-12;

    public sealed record Entry(double T, double[][] W);
    public sealed record Case(string Name, double[][] Y, double[][] U, double LogAlpha, Entry[] Entries);
    private sealed record File(string Generator, Case[] Cases);

    private static readonly Lazy<Case[]> Cases = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Reference", "reference.json");
        var file = JsonSerializer.Deserialize<File>(System.IO.File.ReadAllText(path), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
        return file.Cases;
    });

    public static IEnumerable<object[]> CaseNames() => Cases.Value.Select(c => new object[] { c.Name });

    private static Matrix<double> M(double[][] a) => Matrix<double>.Build.DenseOfRowArrays(a);

    internal static double RelFro(Matrix<double> a, Matrix<double> b) => (a - b).FrobeniusNorm() / b.FrobeniusNorm();

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void ClosedFormMatchesHighPrecisionReference(string name)
    {
        var c = Cases.Value.Single(x => x.Name == name);
        var target = Target.FromMatrix(M(c.Y));
        var init = Initialization.FromShape(M(c.U), 1.0).WithLogAlpha(c.LogAlpha);
        var cf = new ClosedFormSolution(target, init);
        foreach (var e in c.Entries)
        {
            var reference = M(e.W);
            if (reference.FrobeniusNorm() < 1e-280) continue; // below the double range: nothing to compare relatively
            double err = RelFro(cf.At(e.T), reference);
            Assert.True(err <= Tolerance, $"{name}, t = {e.T:G6}: relative Frobenius error {err:G3} > {Tolerance:G0}");
            if (e.T == 1e300)
            {
                double lim = RelFro(cf.Limit(), reference);
                Assert.True(lim <= Tolerance, $"{name}: Limit() differs from the reference by {lim:G3}");
            }
        }
    }

    /// <summary>The BLAS-3 fast path (InverseFactorForm, taken on OpenBLAS), wherever it answers. Returns the number of matrices
    /// it answered.</summary>
    private static int CompareFastPath(Case c)
    {
        var target = Target.FromMatrix(M(c.Y));
        var shape = M(c.U);
        NativeLapack.NativeRequested.Value = true;
        try
        {
            var form = InverseFactorForm.TryCreate(target, new RotatedInitialShape(target, shape).UTilde, c.LogAlpha);
            if (form is null) return 0;
            int answered = 0;
            foreach (var e in c.Entries)
            {
                var reference = M(e.W);
                if (reference.FrobeniusNorm() < 1e-280 || e.T == 1e300) continue;
                var w = form.TryAt(e.T);
                if (w is null) continue;
                answered++;
                double err = RelFro(w, reference);
                Assert.True(err <= Tolerance, $"{c.Name}, t = {e.T:G6}: fast path (q = {form.ConditionBound:G3}) relative Frobenius error {err:G3} > {Tolerance:G0}");
            }
            return answered;
        }
        finally { NativeLapack.NativeRequested.Value = false; }
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void FastPathMatchesHighPrecisionReference(string name) => CompareFastPath(Cases.Value.Single(x => x.Name == name));

    [Fact]
    public void FastPathIsExercisedUpToItsBound()
    {
        Assert.True(NativeLapack.HasInverseFactorRoutines, "OpenBLAS with dtpqrt/dtrsm is needed: apt-get install libopenblas0");
        int answered = Cases.Value.Sum(CompareFastPath);
        Assert.True(answered >= 80, $"the fast path answered only {answered} reference matrices");
        // The rotated cases reach the bound from both sides: some are taken close to it, some declined beyond it.
        NativeLapack.NativeRequested.Value = true;
        try
        {
            var bounds = Cases.Value.Where(c => c.Name.StartsWith("rotated-")).Select(c =>
            {
                var target = Target.FromMatrix(M(c.Y));
                return InverseFactorForm.TryCreate(target, new RotatedInitialShape(target, M(c.U)).UTilde, c.LogAlpha)?.ConditionBound;
            }).ToList();
            Assert.Contains(bounds, q => q >= InverseFactorForm.MaxConditionBound / 8);
            Assert.Contains(bounds, q => q is null);
        }
        finally { NativeLapack.NativeRequested.Value = false; }
    }

    [Fact]
    public void ReferenceCoversTheExtremeRanges()
    {
        var cases = Cases.Value;
        Assert.Contains(cases, c => c.LogAlpha <= -1000 * Math.Log(10) + 1e-6);           // α down to 1e-1000
        Assert.Contains(cases, c => c.LogAlpha == 0);                                    // α = 1
        Assert.Contains(cases, c => c.Entries.Any(e => e.T == 1e300));                   // t = 1e300 (and Limit())
        Assert.Contains(cases, c => c.Entries.Any(e => e.T == 0));                       // t = 0
        Assert.Contains(cases, c => c.Name.Contains("cond1e16"));                        // cond(W̄₀) = 1e16
        Assert.Contains(cases, c => c.U[0].Length < c.U.Length);                         // r < n
        Assert.Contains(cases, c => c.U[0].Length > c.U.Length);                         // r > n
        Assert.True(cases.Sum(c => c.Entries.Length) >= 100, "at least 100 reference matrices");
    }
}
