namespace IncLearn;

/// <summary>
/// The search behind <see cref="Measurements.PlateauErrors"/> and <see cref="Measurements.VisitsEveryPlateau"/>: min over a
/// uniform time grid of ‖W(t) − Ŷ_k‖₂ for each k (first grid point of the minimum kept), then a golden-section refinement on
/// [t* − h, t* + h] around it. Grid: 0 … 1.5× the slowest estimated transition log(σ_K/(α·λ_max(W̄₀)))/(2σ_K) plus 10/σ_K.
/// </summary>
internal sealed class PlateauSearch
{
    // A grid point is skipped for rank k when a lower bound on its distance already reaches the minimum so far: it could not
    // become the new minimum. The margin covers the rounding of the bound and of the eigenvalue solver (both far below 1e-12
    // relative), so the skipped points are exactly those the full scan would not have taken.
    private const double BoundMargin = 1e-6;

    private readonly int k, gridPoints;
    private readonly double tEnd;
    private readonly BestRankKDistance distance;
    private readonly double[] argmin;

    /// <exception cref="ArgumentNullException">target or initialization is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">gridPoints &lt; 1.</exception>
    /// <exception cref="ArgumentException">Y = 0 (no plateau), or the shape does not match the target.</exception>
    public PlateauSearch(Target target, Initialization initialization, int gridPoints)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(initialization);
        if (gridPoints < 1)
            throw new ArgumentOutOfRangeException(nameof(gridPoints), gridPoints, $"gridPoints must be ≥ 1, got {gridPoints}");
        if (target.K == 0)
            throw new ArgumentException("the target Y = 0 has no rank-k plateau to visit (K = 0)", nameof(target));
        var cf = new ClosedFormSolution(target, initialization);
        double scale = Math.Max(initialization.ShapeGram.L2Norm(), 1e-300);
        double sK = target.SigmaY[target.K - 1];
        tEnd = 1.5 * Math.Max(0, (Math.Log(sK / scale) - initialization.LogAlpha) / (2 * sK)) + 10 / sK;
        k = target.K;
        this.gridPoints = gridPoints;
        distance = new BestRankKDistance(cf);
        argmin = new double[k];
    }

    /// <summary>min over the grid of ‖W(t) − Ŷ_k‖₂, result[k − 1]. A rank whose minimum is ≤ <paramref name="satisfiedAtOrBelow"/>
    /// is not evaluated further (its minimum can only decrease), and the scan stops when every rank is: pass −∞ for the exact
    /// grid minima of every rank.</summary>
    public double[] GridMinima(double satisfiedAtOrBelow)
    {
        var mins = Enumerable.Repeat(double.PositiveInfinity, k).ToArray();
        for (int j = 0; j <= gridPoints; j++)
        {
            bool allSatisfied = true;
            for (int r = 0; r < k; r++) allSatisfied &= mins[r] <= satisfiedAtOrBelow;
            if (allSatisfied) break;
            double t = tEnd * j / gridPoints;
            distance.Evaluate(t);
            for (int r = 0; r < k; r++)
            {
                if (mins[r] <= satisfiedAtOrBelow) continue;
                double bound = distance.LowerBound(r + 1);
                if (double.IsFinite(bound) && bound * (1 - BoundMargin) >= mins[r]) continue;
                double e = distance.To(r + 1);
                if (e < mins[r]) { mins[r] = e; argmin[r] = t; }
            }
        }
        return mins;
    }

    /// <summary>Golden-section refinement for rank <paramref name="rank"/> + 1 on [t* − h, t* + h] around its grid minimum
    /// (the grid may straddle a narrow plateau); returns min(gridMin, refined). Call after <see cref="GridMinima"/>.</summary>
    public double Refine(int rank, double gridMin)
    {
        double h = tEnd / gridPoints;
        double a = Math.Max(0, argmin[rank] - h), b = argmin[rank] + h;
        double Err(double t)
        {
            distance.Evaluate(t);
            return distance.To(rank + 1);
        }
        const double g = 0.6180339887498949;
        double c = b - g * (b - a), d = a + g * (b - a), fc = Err(c), fd = Err(d);
        for (int it = 0; it < 60; it++)
        {
            if (fc < fd) { b = d; d = c; fd = fc; c = b - g * (b - a); fc = Err(c); }
            else { a = c; c = d; fc = fd; d = a + g * (b - a); fd = Err(d); }
        }
        return Math.Min(gridMin, Math.Min(fc, fd));
    }
}
