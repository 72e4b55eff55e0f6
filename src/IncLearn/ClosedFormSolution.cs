using MathNet.Numerics.LinearAlgebra;

namespace IncLearn;

/// <summary>
/// Proposition 1, eq. (5)–(6): the solution W(t) of the Riccati ODE (4) Ẇ = WY + YW − 2W², W(0) = W₀ = αŪ₀Ū₀ᵀ,
/// evaluated in overflow-free forms (never e^{+σt}). STUB: contract only, implemented by the math-core work.
/// </summary>
public sealed class ClosedFormSolution
{
    /// <summary>Prepares every t-independent quantity (Φᵀ Ū₀, factorizations).</summary>
    /// <exception cref="ArgumentException">the shape's row count differs from n.</exception>
    public ClosedFormSolution(Target target, Initialization initialization)
    {
        Target = target;
        Initialization = initialization;
        throw new NotImplementedException();
    }

    /// <summary>The target Y.</summary>
    public Target Target { get; }

    /// <summary>The initialization U(0) = α^{1/2} Ū₀.</summary>
    public Initialization Initialization { get; }

    /// <summary>True when W̃₀ = ΦᵀŪ₀Ū₀ᵀΦ is numerically invertible (Theorem 4's setting).</summary>
    public bool IsInitialInvertible => throw new NotImplementedException();

    /// <summary>W(t) for t ≥ 0.</summary>
    public Matrix<double> At(double t) => throw new NotImplementedException();

    /// <summary>W̃(t) = Φᵀ W(t) Φ for t ≥ 0.</summary>
    public Matrix<double> RotatedAt(double t) => throw new NotImplementedException();

    /// <summary>W(t) on a time grid, reusing the t-independent work.</summary>
    public IReadOnlyList<Matrix<double>> On(IReadOnlyList<double> times) => throw new NotImplementedException();

    /// <summary>lim_{t→∞} W(t).</summary>
    public Matrix<double> Limit() => throw new NotImplementedException();

    /// <summary>Eq. (5) evaluated literally as printed (e^{Σt}, explicit inverse), for teaching why the stable form exists.</summary>
    public Matrix<double> AsPrintedAt(double t) => throw new NotImplementedException();
}
