using MathNet.Numerics.LinearAlgebra;

namespace IncLearn;

/// <summary>
/// The one place where W̃₀ = ΦᵀŪ₀Ū₀ᵀΦ is formed, factored and judged: Ũ = ΦᵀŪ₀ (so W̃₀ = ŨŨᵀ), the extreme eigenvalues of
/// W̃₀ from Ũ's singular values (never from W̃₀ itself, which would square the condition number), and the single rank rule
/// that Theorem 4's hypothesis "W̃₀ invertible" uses. The closed form itself uses no rank rule (see <see cref="ClosedFormSolution"/>).
/// </summary>
internal sealed class RotatedInitialShape
{
    /// <summary>W̃₀ counts as invertible when λ_min(W̃₀) &gt; this · λ_max(W̃₀). 1e-12 keeps M = max(‖V‖, ‖V⁻¹‖) of Theorem 4
    /// meaningful in double precision (‖V‖ ≤ 1e12·‖V⁻¹‖⁻¹·…); it decides nothing in the closed form.</summary>
    public const double InvertibilityThreshold = 1e-12;

    public RotatedInitialShape(Target target, Matrix<double> shape)
    {
        UTilde = NativeLapack.Multiply(target.Phi, true, shape, false);
        int n = target.N, r = shape.ColumnCount;
        extremes = new Lazy<(double, double)>(() =>
        {
            // From Ũ's singular values (on demand: the closed form does not need them).
            var s = UTilde.Svd(computeVectors: false).S;
            double smax = s.Count > 0 ? s.Maximum() : 0;
            return (r < n ? 0.0 : s.Minimum() * s.Minimum(), smax * smax);
        });
    }

    private readonly Lazy<(double Min, double Max)> extremes;

    /// <summary>Ũ = ΦᵀŪ₀ (n×r).</summary>
    public Matrix<double> UTilde { get; }

    /// <summary>λ_max(W̃₀) = σ_max(Ũ)².</summary>
    public double MaxEigenvalue => extremes.Value.Max;

    /// <summary>λ_min(W̃₀) = σ_min(Ũ)² (0 when r &lt; n).</summary>
    public double MinEigenvalue => extremes.Value.Min;

    /// <summary>Whether λ_min &gt; <see cref="InvertibilityThreshold"/>·λ_max.</summary>
    public bool IsInvertible => MaxEigenvalue > 0 && MinEigenvalue > InvertibilityThreshold * MaxEigenvalue;

    /// <summary>W̃₀ = ŨŨᵀ, exactly symmetric.</summary>
    public Matrix<double> W0 => Numerics.Symmetrize(UTilde * UTilde.Transpose());
}
