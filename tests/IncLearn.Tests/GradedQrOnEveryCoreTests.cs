using MathNet.Numerics.LinearAlgebra;

namespace IncLearn.Tests;

/// <summary>Issue 24: the exact graded QR runs a lone evaluation's large steps on every core (GradedHouseholder.Factor's
/// chunks). Splitting the columns must not change a bit: the same reflector reaches every column, and the rows' running
/// maxima (which decide renormalization) are merged by max. A merge that dropped a chunk's maxima, a chunk bound off by one
/// column, or an accumulation that rescaled Q's columns in another order would all show here as different bits.</summary>
public class GradedQrOnEveryCoreTests
{
    /// <summary>Rows of a Gaussian n×m shape scaled to max |entry| = 1, with log row norms spread over
    /// <paramref name="rowDecades"/> decades (graded rows are what make the QR renormalize and pivot across rows).</summary>
    private static (double[] Mantissa, double[] LogRowNorm, double[] Sigma) Shape(int n, int m, double rowDecades, int seed)
    {
        var g = GaussianMatrix.Of(n, m, seed);
        var mantissa = new double[n * m];
        var logRowNorm = new double[n];
        var rng = new Random(seed + 1);
        for (int i = 0; i < n; i++)
        {
            double max = 0;
            for (int j = 0; j < m; j++) max = Math.Max(max, Math.Abs(g[i, j]));
            for (int j = 0; j < m; j++) mantissa[i * m + j] = g[i, j] / max;
            logRowNorm[i] = -rowDecades * rng.NextDouble() * Math.Log(10);
        }
        var sigma = Enumerable.Range(0, n).Select(i => i < n - 8 ? 5 - 4.0 * i / n : 0).ToArray();   // 8 null directions
        return (mantissa, logRowNorm, sigma);
    }

    public static IEnumerable<object[]> Cases()
    {
        // (n, m, decades of row grading, log α, t): m = n/2 (r < n) and m = n (square); each first step touches
        // m·(n + m) ≥ GradedHouseholder.MinimumParallelWork entries, so the parallel branch runs.
        foreach (var (n, m) in new[] { (256, 128), (192, 192) })
            foreach (var (decades, logAlpha, t) in new[] { (0.0, -13.8, 0.0), (0.0, -13.8, 4.0), (60.0, -13.8, 40.0), (60.0, -1842.0, 1e300) })
                yield return new object[] { n, m, decades, logAlpha, t };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SplittingTheColumnsKeepsEveryBit(int n, int m, double rowDecades, double logAlpha, double t)
    {
        Assert.True(m * (n + m) >= GradedHouseholder.MinimumParallelWork, "the case must reach the parallel branch");
        var (mantissa, logRowNorm, sigma) = Shape(n, m, rowDecades, n + m);
        var serial = new double[n * m];
        new GradedHouseholder(n, m).Factor(mantissa, logRowNorm, sigma, logAlpha, t, serial);
        Assert.Contains(serial, v => v != 0);
        foreach (int chunks in new[] { 2, 3 })
            foreach (bool onATeam in new[] { false, true })
            {
                var split = new double[n * m];
                var qr = new GradedHouseholder(n, m);
                if (onATeam) PieceTeam.Run(true, team => qr.Factor(mantissa, logRowNorm, sigma, logAlpha, t, split, chunks, team));
                else qr.Factor(mantissa, logRowNorm, sigma, logAlpha, t, split, chunks);
                Assert.True(serial.AsSpan().SequenceEqual(split), $"{chunks} chunks{(onATeam ? " on a team" : "")}: F differs from the serial QR's");
            }
    }

    /// <summary>Through the public API: a rank-deficient shape (r = n/2, and r = n of rank n/2, as in the benchmarks) answers
    /// At (its QR and products on every core) with the bits of one of On's workers (all of it on one core), and that W is
    /// Φ W̃ Φᵀ with W̃ = F Fᵀ formed in one product (RotatedAt): the products by blocks (Pieces) put every block in its
    /// place (a block written at another offset, or a missing mirror, is off by O(1)).</summary>
    [Fact]
    public void AtOnEveryCoreIsTheOneCoreAtBitForBit()
    {
        int n = 200, h = n / 2;
        var target = Target.FromSpectrum(Enumerable.Range(0, n).Select(i => 5 - 4.0 * i / (n - 1)).ToArray(), n, seed: 3);
        var g = GaussianMatrix.Of(n, n, 4);
        var half = g.SubMatrix(0, n, 0, h);
        foreach (var shape in new[] { half, half * g.SubMatrix(0, h, 0, n) / Math.Sqrt(h) })
        {
            var cf = new ClosedFormSolution(target, Initialization.FromShape(shape, 1e-6));
            Assert.False(cf.UsesInverseFactorForm);
            foreach (double t in new[] { 0.5, 6.0, 1e300 })
            {
                var w = cf.At(t);
                Assert.True(w.Equals(cf.AtOneCore(t)), $"r = {shape.ColumnCount}, t = {t}");
                var rotatedBack = target.Phi * cf.RotatedAt(t) * target.Phi.Transpose();
                double dev = (w - rotatedBack).FrobeniusNorm() / rotatedBack.FrobeniusNorm();
                Assert.True(dev < 1e-13, $"r = {shape.ColumnCount}, t = {t}: At is {dev:G3} from Φ·RotatedAt·Φᵀ");
                Assert.True(w.Equals(w.Transpose()), "exactly symmetric");
            }
        }
    }
}
