using MathNet.Numerics.LinearAlgebra;

namespace IncLearn;

/// <summary>
/// The target Y ⪰ 0 of problem (1), validated and diagonalised: Y = Φ diag(Σ_Y, 0) Φᵀ as in Proposition 1,
/// eigenvalues sorted in decreasing order. K is the numerical rank: the number of eigenvalues above
/// <see cref="RankTolerance"/> = <c>relativeTolerance · λ_max</c> (scale-invariant).
/// </summary>
public sealed class Target
{
    /// <summary>Default relative tolerance for symmetry, PSD and rank decisions. 1e-10 sits far above the
    /// ~n·1e-16 rounding of an eigendecomposition and far below any eigenvalue a tutorial target uses.</summary>
    public const double DefaultRelativeTolerance = 1e-10;

    private Target(Matrix<double> y, Matrix<double> phi, Vector<double> eigenvalues, int k, double rankTolerance)
    {
        Y = y;
        Phi = phi;
        Eigenvalues = eigenvalues;
        K = k;
        RankTolerance = rankTolerance;
        SigmaY = eigenvalues.SubVector(0, k);
    }

    /// <summary>The symmetric target (exactly symmetrised copy of the input).</summary>
    public Matrix<double> Y { get; }

    /// <summary>Size n of the n×n target.</summary>
    public int N => Y.RowCount;

    /// <summary>Orthogonal eigenvectors, columns ordered like <see cref="Eigenvalues"/>.</summary>
    public Matrix<double> Phi { get; }

    /// <summary>All n eigenvalues in decreasing order; those below <see cref="RankTolerance"/> are set to exactly 0.</summary>
    public Vector<double> Eigenvalues { get; }

    /// <summary>Σ_Y: the K non-zero eigenvalues σ_{1,Y} ≥ … ≥ σ_{K,Y} &gt; 0.</summary>
    public Vector<double> SigmaY { get; }

    /// <summary>Numerical rank K.</summary>
    public int K { get; }

    /// <summary>Absolute threshold below which an eigenvalue counts as zero.</summary>
    public double RankTolerance { get; }

    /// <summary>Φ_Y: the first K columns of Φ, an orthonormal basis of range(Y).</summary>
    public Matrix<double> PhiY => Phi.SubMatrix(0, N, 0, K);

    /// <summary>Validates and diagonalises a symmetric PSD matrix. Every decision is relative to the size of Y (scale-invariant):
    /// symmetry within relativeTolerance·max|Y_ij|, PSD and rank within relativeTolerance·λ_max. A diagonal Y is diagonalised
    /// exactly (Φ a permutation), so its rotated coordinates carry no rounding.</summary>
    /// <exception cref="ArgumentException">Y is empty, not square, holds NaN/Inf, is not symmetric within tolerance,
    /// or has an eigenvalue below −tolerance; the message gives the measured violation.</exception>
    public static Target FromMatrix(Matrix<double> y, double relativeTolerance = DefaultRelativeTolerance)
    {
        ArgumentNullException.ThrowIfNull(y);
        if (!(relativeTolerance > 0) || double.IsInfinity(relativeTolerance))
            throw new ArgumentException($"relativeTolerance must be positive and finite, got {relativeTolerance:G4}", nameof(relativeTolerance));
        if (y.RowCount == 0 || y.RowCount != y.ColumnCount)
            throw new ArgumentException($"Y must be a non-empty square matrix, got {y.RowCount}×{y.ColumnCount}", nameof(y));
        int n = y.RowCount;
        // On MathNet's column-major storage: at n = 1000 its indexer cost more than the checks themselves.
        var a = y.AsColumnMajorArray() ?? y.ToColumnMajorArray();
        double scale = 0;
        bool diagonal = true;
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++)
            {
                double v = a[j * n + i];
                if (!double.IsFinite(v))
                    throw new ArgumentException($"Y must be finite: Y[{i},{j}] = {v}", nameof(y));
                scale = Math.Max(scale, Math.Abs(v));
                if (i != j && v != 0) diagonal = false;
            }

        double symTol = relativeTolerance * scale;
        // (Y + Yᵀ)/2 with the halves taken first (no overflow near 1e308), as Numerics.Symmetrize computes it, and the symmetry
        // check, in one pass by tiles: row by row, at n = 1000 every read of Yᵀ is a cache and TLB miss.
        var symmetric = PrefaultedArray.Allocate(n * n);
        if (!SymmetrizeByTiles(a, symmetric, n, symTol))
            for (int i = 0; i < n; i++)   // the first pair out of tolerance, in row order
                for (int j = i + 1; j < n; j++)
                {
                    double d = Math.Abs(a[j * n + i] - a[i * n + j]);
                    if (d > symTol)
                        throw new ArgumentException(
                            $"Y must be symmetric: |Y[{i},{j}] − Y[{j},{i}]| = {d:G3} exceeds tolerance {symTol:G3} (relativeTolerance·max|Y_ij|)", nameof(y));
                }
        var sym = Matrix<double>.Build.Dense(n, n, symmetric);
        Vector<double> lambda;
        Matrix<double> phi;
        if (diagonal || scale == 0)
        {
            var order = Enumerable.Range(0, n).OrderByDescending(i => sym[i, i]).ToArray();
            lambda = Vector<double>.Build.Dense(n, i => sym[order[i], order[i]]);
            phi = Matrix<double>.Build.Dense(n, n, (r, c) => r == order[c] ? 1.0 : 0.0);
        }
        else
        {
            // Diagonalise Y/max|Y_ij| (no overflow near 1e308, no underflow near 1e-308: sym times the reciprocal, as MathNet
            // computes sym / scale), then scale the eigenvalues back. On every core (BlasThreadGate.Setup): done once per target.
            var (values, vectors) = BlasThreadGate.Setup(n, () => NativeLapack.SymmetricEigen(sym, factor: 1.0 / scale));
            var order = Enumerable.Range(0, n).OrderByDescending(i => values[i]).ToArray();
            lambda = Vector<double>.Build.Dense(n, i => values[order[i]] * scale);
            phi = vectors;
            PermuteColumns(vectors.AsColumnMajorArray() ?? throw new InvalidOperationException("dense eigenvectors expected"), n, order);
        }

        double rankTol = relativeTolerance * Math.Max(lambda[0], 0);
        if (lambda[n - 1] < -rankTol)
            throw new ArgumentException(
                $"Y must be positive semi-definite: its smallest eigenvalue is {lambda[n - 1]:G4}, below −{rankTol:G3} (relativeTolerance·λ_max)", nameof(y));

        int k = 0;
        for (int i = 0; i < n; i++)
        {
            if (lambda[i] > rankTol) k++;
            else lambda[i] = 0.0;
        }
        return new Target(sym, phi, lambda, k, rankTol);
    }

    /// <summary>Writes (a + aᵀ)/2 (column-major n×n) into <paramref name="symmetric"/> tile by tile, each entry a_ij·½ + a_ji·½
    /// (the same bits as entry by entry: the sum is commutative); false when some |a_ij − a_ji| exceeds the tolerance.</summary>
    private static bool SymmetrizeByTiles(double[] a, double[] symmetric, int n, double tolerance)
    {
        const int Tile = 64;
        bool within = true;
        for (int j0 = 0; j0 < n; j0 += Tile)
            for (int i0 = 0; i0 <= j0; i0 += Tile)
                for (int j = j0; j < Math.Min(j0 + Tile, n); j++)
                    for (int i = i0; i < Math.Min(i0 + Tile, j + 1); i++)
                    {
                        double upper = a[j * n + i], lower = a[i * n + j];
                        if (Math.Abs(upper - lower) > tolerance) within = false;
                        double s = upper * 0.5 + lower * 0.5;
                        symmetric[j * n + i] = s;
                        symmetric[i * n + j] = s;
                    }
        return within;
    }

    /// <summary>Column c of the column-major n×n <paramref name="v"/> becomes its column order[c], in place (cycle by cycle,
    /// one column of scratch: the eigenvectors' n×n array is not copied).</summary>
    private static void PermuteColumns(double[] v, int n, int[] order)
    {
        var placed = new bool[n];
        var scratch = new double[n];
        for (int start = 0; start < n; start++)
        {
            if (placed[start] || order[start] == start) continue;
            Array.Copy(v, start * n, scratch, 0, n);
            int c = start;
            while (order[c] != start)
            {
                Array.Copy(v, order[c] * n, v, c * n, n);
                placed[c] = true;
                c = order[c];
            }
            Array.Copy(scratch, 0, v, c * n, n);
            placed[c] = true;
        }
    }

    /// <summary>
    /// Builds Y = Φ diag(eigenvalues) Φᵀ from a prescribed spectrum (padded with zeros to size n) and a
    /// random orthogonal Φ drawn from a seeded Gaussian (QR with sign fix: Haar distributed).
    /// With <paramref name="seed"/> = null, Φ = I (Y diagonal).
    /// </summary>
    public static Target FromSpectrum(IReadOnlyList<double> eigenvalues, int n, int? seed = null)
    {
        ArgumentNullException.ThrowIfNull(eigenvalues);
        if (n < 1) throw new ArgumentException($"n must be ≥ 1, got {n}", nameof(n));
        if (eigenvalues.Count > n)
            throw new ArgumentException($"at most n = {n} eigenvalues are allowed, got {eigenvalues.Count}", nameof(eigenvalues));
        for (int i = 0; i < eigenvalues.Count; i++)
            if (!double.IsFinite(eigenvalues[i]) || eigenvalues[i] < 0)
                throw new ArgumentException($"eigenvalues must be finite and ≥ 0: eigenvalues[{i}] = {eigenvalues[i]}", nameof(eigenvalues));
        var d = Vector<double>.Build.Dense(n, i => i < eigenvalues.Count ? eigenvalues[i] : 0.0);
        var q = seed is int s ? RandomOrthogonal(n, s) : Matrix<double>.Build.DenseIdentity(n);
        var qd = q.Clone();
        for (int j = 0; j < n; j++) qd.SetColumn(j, q.Column(j) * d[j]);
        return FromMatrix(Numerics.Symmetrize(NativeLapack.Multiply(qd, false, q, true)));
    }

    /// <summary>A Haar-random n×n orthogonal matrix from a seeded Gaussian matrix (QR, signs fixed by diag(R) &gt; 0).</summary>
    /// <exception cref="ArgumentException">n &lt; 1.</exception>
    public static Matrix<double> RandomOrthogonal(int n, int seed)
    {
        if (n < 1) throw new ArgumentException($"n must be ≥ 1, got {n}", nameof(n));
        var g = Matrix<double>.Build.Random(n, n, new MathNet.Numerics.Distributions.Normal(0, 1, new Random(seed)));
        var qr = g.QR();
        var q = qr.Q.Clone();
        for (int j = 0; j < n; j++)
            if (qr.R[j, j] < 0)
                q.SetColumn(j, q.Column(j).Negate());
        return q;
    }

    /// <summary>Ŷ_k = Φ diag(σ_1, …, σ_k, 0, …) Φᵀ, the best rank-k approximation of Y (Eckart–Young), for 0 ≤ k ≤ K.</summary>
    public Matrix<double> BestRankK(int k)
    {
        if (k < 0 || k > K) throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be in [0, K = {K}]");
        var d = Vector<double>.Build.Dense(N, i => i < k ? Eigenvalues[i] : 0.0);
        return Phi * Matrix<double>.Build.DenseOfDiagonalVector(d) * Phi.Transpose();
    }
}
