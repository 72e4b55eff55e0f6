namespace IncLearn;

/// <summary>
/// How far Proposition 1's matrix solution is from Corollary 2's scalar curves under a spectral initialization: the largest
/// off-diagonal entry of W̃(t) = ΦᵀW(t)Φ (eq. (11) says it is 0) and the largest relative difference between its diagonal and
/// σ_{i,W}(t) of eqs. (12)–(13), over a time grid.
/// </summary>
/// <param name="MaxOffDiagonal">max over t and i ≠ j of |W̃(t)_ij|.</param>
/// <param name="MaxRelativeDiagonalDifference">max over t and i of |W̃(t)_ii − σ_{i,W}(t)| / σ_{i,W}(t).</param>
public sealed record Corollary2Agreement(double MaxOffDiagonal, double MaxRelativeDiagonalDifference)
{
    /// <summary>Measures the agreement on <paramref name="times"/> (notebook 02's check).</summary>
    /// <exception cref="ArgumentException">the two solutions are not for the same n.</exception>
    public static Corollary2Agreement Measure(ClosedFormSolution proposition1, SpectralTrajectory corollary2, IReadOnlyList<double> times)
    {
        ArgumentNullException.ThrowIfNull(proposition1);
        ArgumentNullException.ThrowIfNull(corollary2);
        ArgumentNullException.ThrowIfNull(times);
        int n = proposition1.Target.N;
        if (corollary2.N != n)
            throw new ArgumentException($"Corollary 2's trajectory has n = {corollary2.N} modes but Proposition 1's solution is {n}×{n}", nameof(corollary2));
        double maxOff = 0, maxRel = 0;
        foreach (double t in times)
        {
            var rotated = proposition1.RotatedAt(t);
            var scalars = corollary2.At(t);
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    if (i != j) maxOff = Math.Max(maxOff, Math.Abs(rotated[i, j]));
                    else maxRel = Math.Max(maxRel, Math.Abs(rotated[i, i] - scalars[i]) / scalars[i]);
        }
        return new Corollary2Agreement(maxOff, maxRel);
    }
}
