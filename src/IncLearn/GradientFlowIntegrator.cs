using MathNet.Numerics.LinearAlgebra;

namespace IncLearn;

/// <summary>W(t) = U(t)U(t)ᵀ and U(t) at the requested times, from a numerical integration.</summary>
/// <param name="Times">The requested times.</param>
/// <param name="W">W(t) at each time.</param>
/// <param name="U">U(t) at each time.</param>
/// <param name="Statistics">Step statistics of the integrator.</param>
public sealed record FlowTrajectory(IReadOnlyList<double> Times, IReadOnlyList<Matrix<double>> W, IReadOnlyList<Matrix<double>> U, StepStatistics Statistics);

/// <summary>
/// Reference solution of the gradient flow (2) U̇ = (Y − UUᵀ)U by <see cref="DormandPrince45"/> (or <see cref="DormandPrince853"/>). It integrates U, not the
/// Riccati ODE (3) for W: when rank W₀ &lt; K a transverse perturbation of W grows like e^{2σt} and a negative one blows up
/// in finite time, so integrating W fails for rank-deficient starts.
/// </summary>
public static class GradientFlowIntegrator
{
    /// <summary>Integrates from U(0) = α^{1/2}Ū₀ to each of the times.</summary>
    /// <param name="target">The target Y.</param>
    /// <param name="initialization">U(0) = α^{1/2}Ū₀ (α must be representable: α &gt; 0 as a double).</param>
    /// <param name="times">Finite, non-decreasing times ≥ 0 (a single far time is fine: the first step is chosen from f(U₀)).</param>
    /// <param name="rtol">Relative tolerance per step.</param>
    /// <param name="atol">Absolute tolerance on the entries of U; default 1e-3·rtol·max|U₀ᵢⱼ| (entries of U start at size
    /// α^{1/2}, and a looser atol lets the integrator skip the slow exponential growth: 2–200 % errors at α = 1e-8).
    /// A zero shape gives U ≡ 0, the exact solution.</param>
    /// <param name="maxSteps">Step cap passed to the integrator; exceeding it throws with the time reached.</param>
    /// <param name="method">The Runge–Kutta pair (default <see cref="OdeMethod.DormandPrince45"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException">method is not an <see cref="OdeMethod"/> value.</exception>
    public static FlowTrajectory Integrate(Target target, Initialization initialization, IReadOnlyList<double> times,
        double rtol = 1e-10, double? atol = null, int maxSteps = 10_000_000, OdeMethod method = OdeMethod.DormandPrince45)
    {
        if (method is not (OdeMethod.DormandPrince45 or OdeMethod.DormandPrince853))
            throw new ArgumentOutOfRangeException(nameof(method), method, "method must be DormandPrince45 or DormandPrince853");
        Numerics.CheckTimes(times, nameof(times), sorted: true);
        Initialization.CheckMatches(target, initialization);
        double alpha = initialization.Alpha;
        if (!(alpha > 0))
            throw new ArgumentException($"the integrator needs a representable α > 0; log10 α = {initialization.Log10Alpha:F1} underflows", nameof(initialization));
        int n = target.N, r = initialization.R;
        var u0 = initialization.U0;
        double scaleU = Math.Max(u0.Enumerate().Select(Math.Abs).DefaultIfEmpty(0).Max(), double.Epsilon);
        double a = atol ?? rtol * 1e-3 * scaleU;

        // f(U) = (Y − UUᵀ)U = YU − U(UᵀU), U row-major n×r, O(n²r + nr²) per call, no allocation. With OpenBLAS: the row-major
        // n×r U is the column-major r×n Uᵀ, so f(U)ᵀ = UᵀY − (UᵀU)Uᵀ is three BLAS-3 calls (Y and UᵀU are symmetric).
        // Otherwise every product is a sum of row axpys (vectorized, DenseKernels.Axpy).
        var yRows = target.Y.ToRowMajorArray();
        var gram = new double[r * r];
        var residual = n < 3 * r && NativeLapack.HasSymmetricProducts ? new double[n * n] : null;
        void NativeRhs(double _, double[] uv, double[] du)
        {
            if (NativeLapack.HasSymmetricProducts)
            {
                if (residual is not null)
                {
                    // r > n/3: f(U)ᵀ = Uᵀ(Y − UUᵀ), the residual by one dsyrk on a copy of Y and applied by one dsymm —
                    // 3n²r flops instead of the 2n²r + 3nr² below (n = r = 200: 2.7 → 1.7 ms per evaluation, measured).
                    yRows.CopyTo(residual, 0);
                    NativeLapack.Syrk(true, n, r, -1, uv, r, 1, residual, n);
                    NativeLapack.Symm(true, r, n, 1, residual, n, uv, r, 0, du, r);
                    return;
                }
                // G = UᵀU by dsyrk (lower triangle, half the flops of dgemm), f(U)ᵀ = UᵀY − G·Uᵀ with G applied by dsymm.
                NativeLapack.Syrk(false, r, n, 1, uv, r, 0, gram, r);
                NativeLapack.Gemm(false, false, r, n, n, 1, uv, r, yRows, n, 0, du, r);
                NativeLapack.Symm(false, r, n, -1, gram, r, uv, r, 1, du, r);
                return;
            }
            NativeLapack.Gemm(false, true, r, r, n, 1, uv, r, uv, r, 0, gram, r);
            NativeLapack.Gemm(false, false, r, n, n, 1, uv, r, yRows, n, 0, du, r);
            NativeLapack.Gemm(false, false, r, n, r, -1, gram, r, uv, r, 1, du, r);
        }
        void Rhs(double _, double[] uv, double[] du)
        {
            Array.Clear(gram);
            for (int i = 0; i < n; i++)
            {
                var row = uv.AsSpan(i * r, r);
                for (int p = 0; p < r; p++)
                    if (row[p] != 0) DenseKernels.Axpy(gram.AsSpan(p * r, r), row[p], row);
            }
            for (int i = 0; i < n; i++)
            {
                var outRow = du.AsSpan(i * r, r);
                outRow.Clear();
                var yRow = yRows.AsSpan(i * n, n);
                for (int j = 0; j < n; j++)
                    if (yRow[j] != 0) DenseKernels.Axpy(outRow, yRow[j], uv.AsSpan(j * r, r));
                var uRow = uv.AsSpan(i * r, r);
                for (int p = 0; p < r; p++)
                    if (uRow[p] != 0) DenseKernels.Axpy(outRow, -uRow[p], gram.AsSpan(p * r, r));
            }
        }

        var state0 = new double[n * r];
        for (int i = 0; i < n; i++) for (int j = 0; j < r; j++) state0[i * r + j] = u0[i, j];
        Action<double, double[], double[]> f = NativeLapack.IsPreferred ? NativeRhs : Rhs;
        var result = method == OdeMethod.DormandPrince853
            ? DormandPrince853.Integrate(f, state0, times, rtol, a, maxSteps: maxSteps)
            : DormandPrince45.Integrate(f, state0, times, rtol, a, maxSteps: maxSteps);
        var us = result.States.Select(s => Matrix<double>.Build.Dense(n, r, (i, j) => s[i * r + j])).ToArray();
        // W = UUᵀ: through OpenBLAS when preferred (the managed product keeps the default path's bits as they were).
        var ws = us.Select(u => NativeLapack.IsPreferred ? NativeLapack.Multiply(u, false, u, true) : u * u.Transpose()).ToArray();
        return new FlowTrajectory(result.Times, ws, us, result.Statistics);
    }
}
