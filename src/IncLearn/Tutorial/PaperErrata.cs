using MathNet.Numerics.LinearAlgebra;

namespace IncLearn;

/// <summary>
/// Computations that show two typos of the paper (the tutorial's errata, notebook 00): the weight R of the Riccati equation (7)
/// in the proof of Proposition 1, and the missing α in the Woodbury expression of Remark III-C2. Each formula is evaluated
/// literally, with e^{Σt} formed as printed, so use it only at moderate t (σ₁t ≲ 30); the library's
/// <see cref="ClosedFormSolution"/> is the stable evaluation.
/// </summary>
public static class PaperErrata
{
    /// <summary>S(t) = diag(e^{Σ_Y t}, I) and G(t) = diag(Σ_Y⁻¹(e^{2Σ_Y t} − I), 2t I) of eq. (6), in Φ coordinates.</summary>
    /// <exception cref="ArgumentOutOfRangeException">t is negative, NaN or infinite.</exception>
    public static (Matrix<double> S, Matrix<double> G) Eq6(Target target, double t)
    {
        ArgumentNullException.ThrowIfNull(target);
        Numerics.CheckTime(t, nameof(t), allowInfinity: false);
        int n = target.N;
        var s = Matrix<double>.Build.DenseIdentity(n);
        var g = Matrix<double>.Build.Dense(n, n);
        for (int i = 0; i < n; i++)
        {
            double sigma = i < target.K ? target.SigmaY[i] : 0;
            if (sigma > 0) { s[i, i] = Math.Exp(sigma * t); g[i, i] = Numerics.Expm1(2 * sigma * t) / sigma; }
            else g[i, i] = 2 * t;
        }
        return (s, g);
    }

    /// <summary>
    /// W(t) = Φ X₂(t) X₁(t)⁻¹ Φᵀ from the linear system (8) with A = Σ = diag(Σ_Y, 0), Q = 0 and R = <paramref name="r"/>·I_n.
    /// Solving (8) in closed form gives X₂ = S W̃₀ and X₁ = S⁻¹(I + (r/2)·G W̃₀) with S, G of eq. (6): only r = 2 reproduces
    /// eq. (9) and solves the Riccati equation (3), Ẇ = WY + YW − 2W²; the paper's R = I_n solves Ẇ = WY + YW − W².
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">r is not finite (any finite weight, also a negative one, defines a Riccati
    /// equation), or t is negative, NaN or infinite.</exception>
    public static Matrix<double> Proposition1WithR(Target target, Initialization initialization, double r, double t)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(initialization);
        if (!double.IsFinite(r)) throw new ArgumentOutOfRangeException(nameof(r), r, $"the weight r of R = r·I must be finite, got {r}");
        Numerics.CheckTime(t, nameof(t), allowInfinity: false);
        var (s, g) = Eq6(target, t);
        var w0 = target.Phi.Transpose() * initialization.W0 * target.Phi;
        var sInv = Matrix<double>.Build.DenseDiagonal(target.N, target.N, i => 1 / s[i, i]);
        var x2 = s * w0;
        var x1 = sInv * (Matrix<double>.Build.DenseIdentity(target.N) + g * w0 * (r / 2));
        var rotated = x2 * x1.Inverse();
        return target.Phi * ((rotated + rotated.Transpose()) * 0.5) * target.Phi.Transpose();
    }

    /// <summary>Relative residual of the Riccati equation (3) for a candidate solution <paramref name="w"/> at time t:
    /// ‖Ẇ − (WY + YW − 2W²)‖_F / ‖WY + YW − 2W²‖_F, with Ẇ by a central difference of step h (error O(h²)).</summary>
    public static double RiccatiResidual(Target target, Func<double, Matrix<double>> w, double t, double h = 1e-5)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(w);
        if (!(h > 0) || double.IsInfinity(h)) throw new ArgumentOutOfRangeException(nameof(h), h, $"the difference step h must be finite and > 0, got {h}");
        if (!(t > h) || double.IsInfinity(t)) throw new ArgumentOutOfRangeException(nameof(t), t, $"t must be finite and exceed the difference step h = {h}, got {t}");
        var wt = w(t);
        var derivative = (w(t + h) - w(t - h)) / (2 * h);
        var rhs = wt * target.Y + target.Y * wt - 2 * wt * wt;
        return (derivative - rhs).FrobeniusNorm() / rhs.FrobeniusNorm();
    }

    /// <summary>
    /// Remark III-C2's Woodbury form of W̃(t) = S αW̃₀ (I + αG W̃₀)⁻¹ S with W̃₀ = ŨŨᵀ, Ũ = ΦᵀŪ₀, returned as W = ΦW̃Φᵀ:
    /// α S Ũ (I − β ŨᵀGŨ (I + α ŨᵀGŨ)⁻¹) Ũᵀ S with β = α when <paramref name="asPrinted"/> is false (correct) and β = 1 as
    /// printed (the α before ŨᵀGŨ is missing).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">t is negative, NaN or infinite.</exception>
    public static Matrix<double> Woodbury(Target target, Initialization initialization, double t, bool asPrinted)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(initialization);
        Numerics.CheckTime(t, nameof(t), allowInfinity: false);
        var (s, g) = Eq6(target, t);
        double alpha = initialization.Alpha;
        var ut = target.Phi.Transpose() * initialization.Shape;
        var utgu = ut.Transpose() * g * ut;
        var identity = Matrix<double>.Build.DenseIdentity(ut.ColumnCount);
        double beta = asPrinted ? 1 : alpha;
        var inner = identity - beta * utgu * (identity + alpha * utgu).Inverse();
        var rotated = alpha * s * ut * inner * ut.Transpose() * s;
        return target.Phi * ((rotated + rotated.Transpose()) * 0.5) * target.Phi.Transpose();
    }
}
