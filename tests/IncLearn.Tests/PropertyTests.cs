using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;

namespace IncLearn.Tests;

public class PropertyTests
{
    /// <summary>For any seed, size, width and scale, W(t) is symmetric PSD and its trace stays between 0 and tr(Y) + tr(W₀)
    /// (the flow decreases the loss, and a PSD W with W ⪯ max(Y, W₀)-ish bounds cannot blow up).</summary>
    [Property(MaxTest = 60)]
    public Property ClosedFormIsSymmetricPsdAndBounded(PositiveInt seed, byte nRaw, byte rRaw, byte alphaExp, NonNegativeInt tRaw)
    {
        int n = 2 + nRaw % 9, r = 1 + rRaw % (2 * n);
        double alpha = Math.Pow(10, -(alphaExp % 30) - 1);
        double t = tRaw.Get % 200 / 10.0;
        var rng = new Random(seed.Get);
        var y = Target.FromSpectrum(Enumerable.Range(0, n - 1).Select(_ => 0.5 + 5 * rng.NextDouble()).ToArray(), n, seed.Get);
        var init = Initialization.RandomGaussian(n, r, alpha, seed.Get + 1);
        var w = new ClosedFormSolution(y, init).At(t);
        double minEig = w.Evd(Symmetricity.Symmetric).EigenValues.Min(c => c.Real);
        double trace = w.Trace();
        bool ok = w.Enumerate().All(double.IsFinite) && minEig >= -1e-10 * y.SigmaY[0]
            && trace <= y.Y.Trace() + init.W0.Trace() + 1e-9;
        return ok.Label($"n={n} r={r} α={alpha} t={t}: λ_min={minEig}, tr={trace}");
    }
}
