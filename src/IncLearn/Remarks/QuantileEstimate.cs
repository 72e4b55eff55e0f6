namespace IncLearn;

/// <summary>An empirical quantile with a distribution-free confidence interval (order statistics, binomial counts).</summary>
/// <param name="Value">The empirical q-quantile.</param>
/// <param name="Lower">Lower end of the ≈95 % interval.</param>
/// <param name="Upper">Upper end of the ≈95 % interval.</param>
public sealed record QuantileEstimate(double Value, double Lower, double Upper);
