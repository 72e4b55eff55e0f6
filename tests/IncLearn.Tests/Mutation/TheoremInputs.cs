using MathNet.Numerics.LinearAlgebra;

namespace IncLearn.Tests.Mutation;

/// <summary>
/// The non-degenerate inputs the theorem tests share (issue 25, item 4): σ_Y = (9, 4, 1.5), n = 4 (a zero mode),
/// σ_{i,0} = (2.5, 0.7, 1.3, 0.4) — max over all modes 2.5, min over the first K = 3 modes 0.7, while the global minimum 0.4
/// sits on the zero mode and must not enter C_ε — ε = 0.3, and a non-orthogonal 4×5 shape Ū₀ for Theorem 4.
/// </summary>
internal static class TheoremInputs
{
    public static readonly Target Y = Target.FromSpectrum([9, 4, 1.5], 4, seed: 5);
    public static readonly double[] Sigma0 = [2.5, 0.7, 1.3, 0.4];
    public const double Epsilon = 0.3;

    public static readonly Matrix<double> Shape = Matrix<double>.Build.DenseOfArray(new[,]
    {
        { 1.3, 0.2, 0.0, 0.4, 0.1 }, { -0.3, 0.9, 0.5, 0.0, 0.2 }, { 0.1, 0.0, 1.7, -0.6, 0.3 }, { 0.2, 0.4, 0.0, 0.8, -0.5 },
    });
}
