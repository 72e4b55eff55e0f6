using MathNet.Numerics.LinearAlgebra;

namespace IncLearn;

/// <summary>
/// Theorem 4 (incremental learning under general small initialization): W̃₀ = ΦᵀŪ₀Ū₀ᵀΦ invertible with inverse V,
/// M = max(‖V‖, ‖V⁻¹‖), 0 &lt; ε ≤ min(σ_K, 1), c_ε = ε/(16M²), C_ε = 16σ₁²M²/ε; if α ≤ c_ε/M and the ratio condition holds,
/// ‖W(t) − Ŷ_k‖₂ ≤ ε on every I_k of eq. (16) — eq. (23).
/// </summary>
public sealed class Theorem4 : IncrementalLearningTheorem
{
    /// <summary>W̃₀ counts as singular when λ_min(W̃₀) ≤ this · λ_max(W̃₀): the same rule as
    /// <see cref="ClosedFormSolution.InvertibilityThreshold"/> (one rule, kept under this name for existing callers).</summary>
    public const double SingularityTolerance = RotatedInitialShape.InvertibilityThreshold;

    private readonly Initialization shape;

    /// <summary>Theorem 4 for a target, an initialization shape Ū₀ (n×r) and ε.</summary>
    /// <exception cref="ArgumentException">repeated singular values, ε out of (0, min(σ_K, 1)], W̃₀ singular, wrong shape size.</exception>
    public Theorem4(Target target, Matrix<double> shape, double epsilon)
        : this(target, shape, epsilon, mOverride: null) { }

    /// <summary>Theorem 4 with the constants computed from a given bound <paramref name="mOverride"/> ≥ M instead of M itself
    /// (Remark III-C1: M_δ bounds M with probability ≥ 1 − δ).</summary>
    public Theorem4(Target target, Matrix<double> shape, double epsilon, double? mOverride)
        : base(target, epsilon, target?.K > 0 ? Math.Min(target.SigmaY[target.K - 1], 1.0) : double.NaN, "min(σ_K, 1)")
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.RowCount != target!.N)
            throw new ArgumentException($"the shape Ū₀ has {shape.RowCount} rows but the target is {target.N}×{target.N}", nameof(shape));
        this.shape = Initialization.FromShape(shape, 1.0);
        var rotated = new RotatedInitialShape(target, shape);
        double lmin = rotated.MinEigenvalue, lmax = rotated.MaxEigenvalue;
        if (!rotated.IsInvertible)
            throw new ArgumentException(
                $"Theorem 4 needs W̃₀ = ΦᵀŪ₀Ū₀ᵀΦ invertible: λ_min(W̃₀) = {lmin:G4} ≤ {SingularityTolerance:G2}·λ_max = {SingularityTolerance * lmax:G4} (r = {shape.ColumnCount}, n = {shape.RowCount})",
                nameof(shape));
        W0Tilde = rotated.W0;
        NormV = 1 / lmin;
        NormVInverse = lmax;
        ActualM = Math.Max(NormV, NormVInverse);
        if (mOverride is double mo && !(mo >= 1 && double.IsFinite(mo)))
            throw new ArgumentOutOfRangeException(nameof(mOverride), mOverride, $"a bound on M = max(‖V‖, ‖V⁻¹‖) must be finite and ≥ 1, got {mo}");
        M = mOverride ?? ActualM;
        LogSmallC = Math.Log(epsilon) - Math.Log(16) - 2 * Math.Log(M);
        LogLargeC = Math.Log(16) + 2 * Math.Log(target.SigmaY[0]) + 2 * Math.Log(M) - Math.Log(epsilon);
    }

    /// <inheritdoc/>
    public override string Name => "Theorem 4";

    /// <summary>W̃₀ = ΦᵀŪ₀Ū₀ᵀΦ (unscaled).</summary>
    public Matrix<double> W0Tilde { get; }

    /// <summary>V = W̃₀⁻¹ (computed by Cholesky solve).</summary>
    public Matrix<double> V => W0Tilde.Cholesky().Solve(Matrix<double>.Build.DenseIdentity(W0Tilde.RowCount));

    /// <summary>‖V‖₂ = 1/λ_min(W̃₀).</summary>
    public double NormV { get; }

    /// <summary>‖V⁻¹‖₂ = λ_max(W̃₀).</summary>
    public double NormVInverse { get; }

    /// <summary>max(‖V‖, ‖V⁻¹‖) of this shape.</summary>
    public double ActualM { get; }

    /// <summary>The M used in the constants (= <see cref="ActualM"/> unless a bound M_δ was given).</summary>
    public double M { get; }

    /// <inheritdoc/>
    public override double LogSmallC { get; }

    /// <inheritdoc/>
    public override double LogLargeC { get; }

    /// <inheritdoc/>
    public override double LogAlphaDirectBound => LogSmallC - Math.Log(M);

    /// <inheritdoc/>
    protected override string DirectBoundName => "c_ε/M";

    /// <inheritdoc/>
    protected override IEnumerable<Hypothesis> ExtraHypotheses()
    {
        yield return new Hypothesis("W̃₀ invertible", true, 1 / NormV, ">", 0, "λ_min(W̃₀) > 0, so V = W̃₀⁻¹ exists");
        if (M != ActualM)
            yield return new Hypothesis("max(‖V‖, ‖V⁻¹‖) ≤ M used in c_ε, C_ε", ActualM <= M, ActualM, "≤", M,
                "the constants use a bound M (e.g. M_δ of Remark III-C1); the theorem covers this shape only if its own M is below it");
    }

    /// <inheritdoc/>
    public override Initialization InitializationAtLogAlpha(double logAlpha) => shape.WithLogAlpha(logAlpha);
}
