namespace IncLearn.Interactive;

/// <summary>
/// How closely a check's measured value is meant to reproduce when the notebook is re-executed on another machine. The
/// verdict, the expected value and the bound always reproduce exactly; this is only about the measured number.
/// </summary>
public enum ActualPrecision
{
    /// <summary>A quantity fixed by the math (a constant, a time, a ratio, a count): it reproduces to the last digits that
    /// rounding leaves alone, and a stored output is compared with a tight relative tolerance.</summary>
    Exact,

    /// <summary>A quantity that measures rounding or integration error (a residual, a distance between two evaluations of
    /// the same thing): its bits depend on the BLAS kernel, the SIMD width and the summation order, so only its order of
    /// magnitude reproduces, and a stored output is compared by magnitude.</summary>
    Magnitude,
}
