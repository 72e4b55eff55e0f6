using MathNet.Numerics.LinearAlgebra;

namespace IncLearn.Bench;

/// <summary>The issue-13 benchmark problem: σ = linspace(5, 1, n) in a Haar-random basis (seed n), Gaussian Ū₀ (n×n, seed n + 1),
/// α = 1e-6, 200 times evenly spaced on (0, 1.5·t_K + 2] with t_K = log(σ_K/(α λ_max(W̄₀)))/(2σ_K).</summary>
public sealed record Problem(int N, Matrix<double> Y, Matrix<double> Shape, double Alpha, double[] Times)
{
    public static Problem Create(int n)
    {
        var eig = Enumerable.Range(0, n).Select(i => n == 1 ? 5.0 : 5 - 4.0 * i / (n - 1)).ToArray();
        var target = IncLearn.Target.FromSpectrum(eig, n, seed: n);
        var init = IncLearn.Initialization.RandomGaussian(n, n, 1e-6, seed: n + 1);
        double tK = Math.Log(1.0 / (1e-6 * init.ShapeGram.L2Norm())) / 2;
        double tEnd = 1.5 * tK + 2;
        return new Problem(n, target.Y, init.Shape, 1e-6, Enumerable.Range(1, 200).Select(j => tEnd * j / 200).ToArray());
    }

    public Target MakeTarget() => IncLearn.Target.FromMatrix(Y);

    public Initialization MakeInitialization() => IncLearn.Initialization.FromShape(Shape, Alpha);

    /// <summary>Rank-deficient shapes (Remark III-C2), derived from Ū₀ the same way in bench/peers.py: r = n/2 (Ū₀'s first
    /// n/2 columns), and r = n with rank n/2 (those columns times Ū₀'s first n/2 rows, over √(n/2)). Both go to the exact
    /// graded QR: the fast path needs an invertible W̃₀.</summary>
    public (string Name, Initialization Init)[] RankDeficientInitializations()
    {
        int h = Math.Max(1, N / 2);
        var half = Shape.SubMatrix(0, N, 0, h);
        var lowRank = half * Shape.SubMatrix(0, h, 0, N) / Math.Sqrt(h);
        return [("r = n/2", IncLearn.Initialization.FromShape(half, Alpha)), ("r = n, rank n/2", IncLearn.Initialization.FromShape(lowRank, Alpha))];
    }

    /// <summary>Writes Y, Ū₀, α and the times as JSON for bench/peers.py.</summary>
    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        using var w = new StreamWriter(Path.Combine(directory, $"problem{N}.json"));
        static string Rows(Matrix<double> m) => "[" + string.Join(",", m.EnumerateRows().Select(r => "[" + string.Join(",", r.Select(v => v.ToString("R"))) + "]")) + "]";
        w.Write($"{{\"n\":{N},\"alpha\":{Alpha:R},\"times\":[{string.Join(",", Times.Select(t => t.ToString("R")))}],\"Y\":{Rows(Y)},\"U\":{Rows(Shape)}}}");
    }
}
