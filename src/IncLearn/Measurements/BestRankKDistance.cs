namespace IncLearn;

/// <summary>
/// ‖W(t) − Ŷ_k‖₂ evaluated in Y's eigenbasis, where it equals ‖W̃(t) − Σ_k‖₂ with Σ_k = diag(σ_1, …, σ_k, 0, …) (Φ is
/// orthogonal): no n×n rotation by Φ, no matrix objects, no allocation per call. The measurements and the theorems'
/// verification evaluate it thousands of times at small n. One instance serves one thread.
/// </summary>
internal sealed class BestRankKDistance
{
    private readonly ClosedFormSolution solution;
    private readonly double[] eigenvalues;
    private readonly double[] w, a, d, e;
    private readonly int n;

    public BestRankKDistance(ClosedFormSolution solution)
    {
        this.solution = solution;
        eigenvalues = solution.Target.Eigenvalues.ToArray();
        n = eigenvalues.Length;
        w = new double[n * n]; a = new double[n * n]; d = new double[n]; e = new double[n];
    }

    /// <summary>Computes W̃(t); the distances below refer to this time.</summary>
    public void Evaluate(double t)
    {
        solution.RotatedInto(t, w);
    }

    /// <summary>‖W̃(t) − Σ_k‖₂ at the last evaluated time, 0 ≤ k ≤ K.</summary>
    public double To(int k)
    {
        w.CopyTo(a, 0);
        for (int i = 0; i < k; i++) a[i * n + i] -= eigenvalues[i];
        return SymmetricEigenvalues.SpectralNorm(a, n, d, e);
    }

    /// <summary>A lower bound on <see cref="To"/>(k) that costs O(n²): the largest row 2-norm of W̃(t) − Σ_k (‖A‖₂ ≥ ‖Aeᵢ‖₂).</summary>
    public double LowerBound(int k)
    {
        double best = 0;
        for (int i = 0; i < n; i++)
        {
            double s = 0;
            for (int j = 0; j < n; j++)
            {
                double v = w[i * n + j] - (i == j && i < k ? eigenvalues[i] : 0);
                s += v * v;
            }
            best = Math.Max(best, s);
        }
        return Math.Sqrt(best);
    }
}
