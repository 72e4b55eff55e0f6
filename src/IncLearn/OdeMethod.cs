namespace IncLearn;

/// <summary>The Runge–Kutta pair <see cref="GradientFlowIntegrator"/> integrates with.</summary>
public enum OdeMethod
{
    /// <summary><see cref="IncLearn.DormandPrince45"/>: order 5(4), steps land on every output time.</summary>
    DormandPrince45,

    /// <summary><see cref="IncLearn.DormandPrince853"/>: order 8(5,3) with dense output; far fewer evaluations at tight tolerances.</summary>
    DormandPrince853,
}
