namespace IncLearn;

/// <summary>Monte Carlo samples of W̄₀ = Ū₀Ū₀ᵀ's extreme eigenvalues.</summary>
/// <param name="LambdaMax">λ_max(W̄₀) per trial.</param>
/// <param name="LambdaMin">λ_min(W̄₀) per trial.</param>
/// <param name="M">max(‖W̄₀‖, ‖W̄₀⁻¹‖) = max(λ_max, 1/λ_min) per trial.</param>
/// <param name="AllEigenvalues">Every eigenvalue of the first trials (for a histogram).</param>
public sealed record SpectrumSamples(double[] LambdaMax, double[] LambdaMin, double[] M, double[] AllEigenvalues);
