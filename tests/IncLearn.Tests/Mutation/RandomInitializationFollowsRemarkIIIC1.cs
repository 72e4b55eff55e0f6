using MathNet.Numerics.LinearAlgebra;

namespace IncLearn.Tests.Mutation;

/// <summary>Issue 25: <see cref="RandomInitialization"/>'s samples, quantile, Marchenko–Pastur and Tracy–Widom formulas and
/// non-asymptotic bounds against independent computations (singular values instead of eigenvalues, order statistics counted by
/// hand, the density's other closed form, t solving e^{−t²/2} = δ/2 by bisection), and the Monte Carlo fractions against a
/// trial-by-trial count.</summary>
public class RandomInitializationFollowsRemarkIIIC1
{
    [Fact]
    public void ConstructorAcceptsRAtLeastNAndNAtLeastOne()
    {
        var remark = new RandomInitialization(4, 4, seed: -3); // r = n is allowed
        Assert.Equal((4, 4, -3), (remark.N, remark.R, remark.Seed));
        Assert.Equal((1, 1), (new RandomInitialization(1, 1, 0).N, new RandomInitialization(1, 1, 0).R));
        Assert.Equal("r", Assert.Throws<ArgumentException>(() => new RandomInitialization(4, 3, 0)).ParamName);
        Assert.Equal("n", Assert.Throws<ArgumentException>(() => new RandomInitialization(0, 3, 0)).ParamName);
        var shape = new RandomInitialization(3, 7, 11).Shape(0);
        Assert.Equal((3, 7), (shape.RowCount, shape.ColumnCount));
    }

    [Fact]
    public void SamplesAreTheExtremeSquaredSingularValuesOfEachShape()
    {
        // n = 3, r = 4: W̄₀'s eigenvalues are the squared singular values of Ū₀. Among these 12 trials M = λ_max in some and
        // M = 1/λ_min in others (checked), so max(λ_max, 1/λ_min) is exercised on both sides.
        var remark = new RandomInitialization(3, 4, seed: 5);
        var s = remark.Sample(12, keepEigenvaluesOf: 3);
        Assert.Equal(12, s.LambdaMax.Length);
        Assert.Equal(12, s.LambdaMin.Length);
        Assert.Equal(12, s.M.Length);
        int lambdaMaxWins = 0, inverseWins = 0;
        for (int i = 0; i < 12; i++)
        {
            var sv = remark.Shape(i).Svd(computeVectors: false).S.ToArray();
            double hi = sv.Max() * sv.Max(), lo = sv.Min() * sv.Min();
            Assert.Equal(hi, s.LambdaMax[i], 1e-12 * hi);
            Assert.Equal(lo, s.LambdaMin[i], 1e-12 * hi);
            double m = hi >= 1 / lo ? hi : 1 / lo;
            Assert.Equal(m, s.M[i], 1e-9 * m);
            if (hi > 1 / lo) lambdaMaxWins++; else inverseWins++;
        }
        for (int i = 0; i < 3; i++) // the eigenvalues of the first three trials are kept, in trial order
        {
            var sv = remark.Shape(i).Svd(computeVectors: false).S.ToArray();
            var kept = s.AllEigenvalues.Skip(3 * i).Take(3).OrderBy(x => x).ToArray();
            var expected = sv.Select(x => x * x).OrderBy(x => x).ToArray();
            for (int j = 0; j < 3; j++) Assert.Equal(expected[j], kept[j], 1e-12 * expected[2]);
        }
        Assert.True(lambdaMaxWins > 0 && inverseWins > 0, $"{lambdaMaxWins} / {inverseWins}");
        Assert.Equal(9, s.AllEigenvalues.Length);
        Assert.Equal(3, remark.Sample(1).AllEigenvalues.Length); // one trial is enough
        Assert.Equal("trials", Assert.Throws<ArgumentOutOfRangeException>(() => remark.Sample(0)).ParamName);
        Assert.Equal(0, remark.Shape(0).Enumerate().Count(x => !double.IsFinite(x)));
    }

    // 0.5·(j + 1)², j = 0..n−1, in a scrambled order (7919 is prime to 200 and 10): sorted, the j-th is 0.5·(j + 1)².
    private static double[] Scrambled(int n) => Enumerable.Range(0, n).Select(i => 0.5 * Math.Pow((i * 7919) % n + 1, 2)).ToArray();

    private static double Sorted(int j) => 0.5 * (j + 1.0) * (j + 1.0);

    [Fact]
    public void QuantileIsTheOrderStatisticWithABinomialInterval()
    {
        // n = 200, q = 0.75: nq = 150 → the 150th smallest; sd = √(200·0.75·0.25) = 6.1237, 1.96·sd = 12.0025, so the interval is
        // the ⌈137.9975⌉ = 138th and the ⌈163.0025⌉ = 164th smallest.
        var q = RandomInitialization.Quantile(Scrambled(200), 0.75);
        Assert.Equal(Sorted(149), q.Value);
        Assert.Equal(Sorted(137), q.Lower);
        Assert.Equal(Sorted(163), q.Upper);
        // n = 10, q = 0.05: nq = 0.5 → the smallest; 1.96·√(0.475) = 1.3508: lower index ⌈−0.85⌉ clamps to the smallest,
        // upper ⌈2.85⌉ = 3rd smallest.
        Assert.Equal(new QuantileEstimate(Sorted(0), Sorted(0), Sorted(2)), RandomInitialization.Quantile(Scrambled(10), 0.05));
        // q = 0.95: nq = 9.5 → the 10th; lower ⌈8.149⌉ = 9th; upper ⌈11.85⌉ = 12th clamps to the largest.
        Assert.Equal(new QuantileEstimate(Sorted(9), Sorted(8), Sorted(9)), RandomInitialization.Quantile(Scrambled(10), 0.95));
        Assert.Equal(new QuantileEstimate(2.5, 2.5, 2.5), RandomInitialization.Quantile([2.5], 0.5));
    }

    [Fact]
    public void QuantileRefusesWhatHasNoQuantile()
    {
        double[] ok = [3, 1, 2];
        Assert.Equal("samples", Assert.Throws<ArgumentNullException>(() => RandomInitialization.Quantile(null!, 0.5)).ParamName);
        foreach (double q in new[] { 0, 1, double.NaN, -0.5, 1.5 })
            Assert.Equal("q", Assert.Throws<ArgumentOutOfRangeException>(() => RandomInitialization.Quantile(ok, q)).ParamName);
        Assert.Equal(1, RandomInitialization.Quantile(ok, 1e-9).Value); // just inside (0, 1) on both ends
        Assert.Equal(3, RandomInitialization.Quantile(ok, 1 - 1e-9).Value);
        Assert.Equal("samples", Assert.Throws<ArgumentException>(() => RandomInitialization.Quantile([], 0.5)).ParamName);
        var e = Assert.Throws<ArgumentException>(() => RandomInitialization.Quantile([3, 1, double.NaN], 0.5));
        Assert.Equal("samples", e.ParamName);
        Assert.Contains("samples[2]", e.Message);
    }

    [Fact]
    public void MarchenkoPasturEdgesAndDensity()
    {
        var remark = new RandomInitialization(5, 9, seed: 1);
        // Edges r(1 ∓ √(n/r))².
        var (lo, hi) = remark.MarchenkoPasturEdges;
        Assert.Equal(9 * Math.Pow(1 - Math.Sqrt(5.0 / 9), 2), lo, 1e-13);
        Assert.Equal(9 * Math.Pow(1 + Math.Sqrt(5.0 / 9), 2), hi, 1e-12);
        // p(λ) = √((λ₊ − λ)(λ − λ₋)) / (2π n λ) in terms of λ, and it integrates to 1 over the support.
        foreach (double lambda in new[] { 0.7, 3.3, 9.0, 20.5, 27.3 })
        {
            double expected = Math.Sqrt((hi - lambda) * (lambda - lo)) / (2 * Math.PI * 5 * lambda);
            Assert.Equal(expected, remark.MarchenkoPasturDensity(lambda), 1e-14);
        }
        const int m = 200000;
        double h = (hi - lo) / m, integral = 0;
        for (int j = 0; j < m; j++) integral += remark.MarchenkoPasturDensity(lo + (j + 0.5) * h) * h;
        Assert.Equal(1, integral, 1e-4);
        // r = n: the support starts at 0, and λ = 0 itself is outside it (no 0/0).
        var square = new RandomInitialization(4, 4, seed: 1);
        Assert.Equal(0.0, square.MarchenkoPasturDensity(0));
        Assert.Equal((0.0, 16.0), square.MarchenkoPasturEdges);
        Assert.True(square.MarchenkoPasturDensity(1e-6) > 0);
    }

    [Fact]
    public void FiniteNExpectationIsJohnstonesAndMasCentring()
    {
        // n = 5, r = 9: μ± = (√(r−½) ± √(n−½))², σ± = √μ±·(1/√(n−½) ± 1/√(r−½))^{1/3}; E λ_max = μ₊ + σ₊E[TW₁], E λ_min = μ₋ − σ₋E[TW₁].
        var (eMin, eMax) = new RandomInitialization(5, 9, seed: 1).FiniteNExpectation;
        double a = Math.Sqrt(4.5), b = Math.Sqrt(8.5);
        double muP = Math.Pow(a + b, 2), muM = Math.Pow(b - a, 2);
        double sP = Math.Sqrt(muP) * Math.Pow(1 / a + 1 / b, 1.0 / 3), sM = Math.Sqrt(muM) * Math.Pow(1 / a - 1 / b, 1.0 / 3);
        Assert.Equal(muP + sP * -1.2065335745820, eMax, 1e-12);
        Assert.Equal(muM - sM * -1.2065335745820, eMin, 1e-12);
        Assert.True(eMin < eMax);
        // n = 1: W̄₀ is a χ²_r variable with mean r.
        Assert.Equal((7.0, 7.0), new RandomInitialization(1, 7, seed: 1).FiniteNExpectation);
    }

    // t with e^{−t²/2} = δ/2, by bisection (not the closed form √(2 log(2/δ))).
    private static double Tail(double delta)
    {
        double lo = 0, hi = 50;
        for (int i = 0; i < 200; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (Math.Exp(-mid * mid / 2) > delta / 2) lo = mid; else hi = mid;
        }
        return lo;
    }

    [Fact]
    public void NonAsymptoticBoundsAreVershyninsAndSankarSpielmanTengs()
    {
        const double delta = 0.1;
        double t = Tail(delta);
        // r much larger than n: Vershynin's lower bound (√r − √n − t)² is positive and the larger one; M_δ is the λ_max bound.
        var wide = new RandomInitialization(2, 100, seed: 1);
        Assert.Equal(Math.Pow(Math.Sqrt(2) + 10 + t, 2), wide.LambdaMaxBound(delta), 1e-10);
        Assert.Equal(Math.Pow(10 - Math.Sqrt(2) - t, 2), wide.LambdaMinBound(delta), 1e-10);
        Assert.Equal(wide.LambdaMaxBound(delta), wide.MBound(delta));
        // r = n: √r − √n − t < 0, so the bound is Sankar–Spielman–Teng's (δ/(2·2.35·√n))², and M_δ is its inverse.
        var square = new RandomInitialization(3, 3, seed: 1);
        double sst = Math.Pow(delta / (2 * 2.35 * Math.Sqrt(3)), 2);
        Assert.Equal(sst, square.LambdaMinBound(delta), 1e-16);
        Assert.Equal(1 / sst, square.MBound(delta), 1e-9 / sst);
        Assert.Equal(Math.Pow(2 * Math.Sqrt(3) + t, 2), square.LambdaMaxBound(delta), 1e-10);
        // δ must be in (0, 1).
        foreach (double bad in new[] { 0, 1, double.NaN, -0.1 })
        {
            Assert.Equal("delta", Assert.Throws<ArgumentOutOfRangeException>(() => square.LambdaMaxBound(bad)).ParamName);
            Assert.Equal("delta", Assert.Throws<ArgumentOutOfRangeException>(() => square.LambdaMinBound(bad)).ParamName);
        }
        Assert.True(double.IsFinite(square.MBound(0.999)) && double.IsFinite(square.MBound(1e-12)));
    }

    private static readonly Target Y = Target.FromSpectrum([7, 3.5, 1.2], 5, seed: 4);
    private static readonly RandomInitialization Remark = new(5, 9, seed: 13);

    [Fact]
    public void PlateauFractionCountsTheTrialsThatVisitEveryPlateau()
    {
        // At α = 1e-5 and ε = 0.2 some of these 12 trials visit every plateau within ε and some do not (9 of 12).
        int count = Enumerable.Range(0, 12).Count(i => Measurements.VisitsEveryPlateau(Y, Initialization.FromShape(Remark.Shape(i), 1e-5), 0.2, 20));
        double p = count / 12.0;
        Assert.InRange(count, 1, 11);
        var (probability, se) = Remark.ProbabilityPlateausVisited(Y, 0.2, 1e-5, 12, 20);
        Assert.Equal(p, probability, 1e-15);
        Assert.Equal(Math.Sqrt(p * (1 - p) / 12), se, 1e-15);
        // Every trial visits at α = 1e-7, ε = 0.6; none at α = 1e-3, ε = 0.2.
        Assert.Equal((1.0, 0.0), Remark.ProbabilityPlateausVisited(Y, 0.6, 1e-7, 3, 20));
        Assert.Equal((0.0, 0.0), Remark.ProbabilityPlateausVisited(Y, 0.2, 1e-3, 3, 20));
        // The boundaries of its own arguments: one trial, one grid point, ε = σ_K accepted; α ≤ 0 or infinite and no trial refused.
        Assert.InRange(Remark.ProbabilityPlateausVisited(Y, Y.SigmaY[2], 1e-7, 1, 1).Probability, 0, 1);
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => Remark.ProbabilityPlateausVisited(Y, 0.2, 0, 1, 20)).ParamName);
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => Remark.ProbabilityPlateausVisited(Y, 0.2, double.PositiveInfinity, 1, 20)).ParamName);
        Assert.Equal("trials", Assert.Throws<ArgumentOutOfRangeException>(() => Remark.ProbabilityPlateausVisited(Y, 0.2, 1e-5, 0, 20)).ParamName);
        // A trial that throws rethrows its own exception (not an AggregateException) — here every trial's shape has 5 rows for a 6×6 target.
        var six = Target.FromSpectrum([7, 3.5, 1.2], 6, seed: 4);
        Assert.Equal("initialization", Assert.Throws<ArgumentException>(() => Remark.ProbabilityPlateausVisited(six, 0.2, 1e-5, 3, 20)).ParamName);
    }

    [Fact]
    public void TheoremFractionCountsTheTrialsWhereTheoremFourHolds()
    {
        // M_δ = 1 (below every trial's M): the theorem's α is then too large for some trials (11 of 12 hold).
        int count = Enumerable.Range(0, 12).Count(i =>
        {
            var th = new Theorem4(Y, Remark.Shape(i), 0.5, 1.0);
            return th.Verify(th.LogAlphaMax, 4).Holds;
        });
        double p = count / 12.0;
        Assert.InRange(count, 1, 11);
        var (probability, se) = Remark.ProbabilityTheorem4Holds(Y, 0.5, 1.0, 12, 4);
        Assert.Equal(p, probability, 1e-15);
        Assert.Equal(Math.Sqrt(p * (1 - p) / 12), se, 1e-15);
        Assert.Equal((1.0, 0.0), Remark.ProbabilityTheorem4Holds(Y, 0.5, 3, 4, 2)); // two samples per window are enough
        Assert.Equal("target", Assert.Throws<ArgumentNullException>(() => Remark.ProbabilityTheorem4Holds(null!, 0.5, 3, 1, 4)).ParamName);
        Assert.Equal("mDelta", Assert.Throws<ArgumentOutOfRangeException>(() => Remark.ProbabilityTheorem4Holds(Y, 0.5, 1 - 1e-12, 1, 4)).ParamName);
        Assert.Equal("mDelta", Assert.Throws<ArgumentOutOfRangeException>(() => Remark.ProbabilityTheorem4Holds(Y, 0.5, double.PositiveInfinity, 1, 4)).ParamName);
        Assert.Equal("trials", Assert.Throws<ArgumentOutOfRangeException>(() => Remark.ProbabilityTheorem4Holds(Y, 0.5, 3, 0, 4)).ParamName);
        // Y = 0: the ε rule is skipped (there is no σ_K) and Theorem 4 itself refuses the target, as it is, from the trial.
        var zero = Target.FromMatrix(Matrix<double>.Build.Dense(5, 5));
        Assert.Equal("target", Assert.Throws<ArgumentException>(() => Remark.ProbabilityTheorem4Holds(zero, 0.5, 3, 2, 4)).ParamName);
    }

    [Fact]
    public void TheoremFractionTakesEpsilonUpToTheSmallerOfSigmaKAndOne()
    {
        // σ_K = 0.6 < 1: ε = σ_K accepted, just above refused.
        var small = Target.FromSpectrum([7, 3.5, 0.6], 5, seed: 4);
        double sK = small.SigmaY[2];
        Assert.InRange(Remark.ProbabilityTheorem4Holds(small, sK, 3, 1, 2).Probability, 0, 1);
        Assert.Equal("epsilon", Assert.Throws<ArgumentOutOfRangeException>(() => Remark.ProbabilityTheorem4Holds(small, sK * (1 + 1e-12), 3, 1, 2)).ParamName);
        // σ_K = 1.6 > 1: ε = 1 accepted, 1.3 (below σ_K) refused by this rule before any trial.
        var large = Target.FromSpectrum([7, 3.5, 1.6], 5, seed: 4);
        Assert.InRange(Remark.ProbabilityTheorem4Holds(large, 1.0, 3, 1, 2).Probability, 0, 1);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Remark.ProbabilityTheorem4Holds(large, 1.3, 3, 1, 2));
        Assert.Equal("epsilon", e.ParamName);
        Assert.Contains("min(σ_K, 1) = 1,", e.Message);
        // ε = 0 is refused by this rule too (before any trial: the message is this method's, not Theorem 4's).
        var zero = Assert.Throws<ArgumentOutOfRangeException>(() => Remark.ProbabilityTheorem4Holds(large, 0, 3, 1, 2));
        Assert.Equal("epsilon", zero.ParamName);
        Assert.Contains("min(σ_K, 1) = 1, got 0", zero.Message);
    }
}
