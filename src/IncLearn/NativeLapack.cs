using System.Runtime.InteropServices;
using MathNet.Numerics.LinearAlgebra;

namespace IncLearn;

/// <summary>
/// A thin binding to the optimized routines the library's dense work needs — LAPACK's symmetric eigendecomposition
/// (dsyevd), BLAS's matrix products (cblas_dgemm, dsyrk, dsymm, on matrices or on the integrator's own spans) and the few
/// routines of the closed form's fast path (<see cref="InverseFactorForm"/>: dgerqf, dtrtri, dtpqrt, cblas_dtrsm) — in Debian's OpenBLAS (<c>libopenblas.so.0</c>, package libopenblas0),
/// loaded with <see cref="NativeLibrary"/> at first use and used whenever it is found. When it is absent, or with
/// <c>INCLEARN_NATIVE=0</c> (which changes only the default: explicit requests still reach OpenBLAS), every call runs
/// MathNet.Numerics' managed code, with the same results up to rounding;
/// tests run both paths. MathNet.Numerics.Providers.OpenBLAS is not used because it needs MathNet's own native wrapper.
/// OpenBLAS runs on one thread (openblas_set_num_threads(1)) except inside a lone evaluation that took
/// <see cref="BlasThreadGate"/> exclusively: parallel callers (ClosedFormSolution.On) use one BLAS thread per worker, and every
/// call goes through the gate so that the thread count never changes while another thread is inside OpenBLAS.
/// </summary>
internal static unsafe class NativeLapack
{
    private static readonly delegate* unmanaged[Cdecl]<byte*, byte*, int*, double*, int*, double*, double*, int*, int*, int*, int*, nuint, nuint, void> Dsyevd;
    private static readonly delegate* unmanaged[Cdecl]<int, int, int, int, int, int, double, double*, int, double*, int, double, double*, int, void> Dgemm;
    private static readonly delegate* unmanaged[Cdecl]<int, int, int, int, int, double, double*, int, double, double*, int, void> Dsyrk;
    private static readonly delegate* unmanaged[Cdecl]<int, int, int, int, int, double, double*, int, double*, int, double, double*, int, void> Dsymm;
    private static readonly delegate* unmanaged[Cdecl]<int*, int*, double*, int*, double*, double*, int*, int*, void> Dgerqf;
    private static readonly delegate* unmanaged[Cdecl]<byte*, byte*, int*, double*, int*, int*, nuint, nuint, void> Dtrtri;
    private static readonly delegate* unmanaged[Cdecl]<int*, int*, int*, int*, double*, int*, double*, int*, double*, int*, double*, int*, void> Dtpqrt;
    private static readonly delegate* unmanaged[Cdecl]<int, int, int, int, int, int, int, double, double*, int, double*, int, void> Dtrsm;
    private static readonly delegate* unmanaged[Cdecl]<int, void> SetNumThreads;
    private static readonly delegate* unmanaged[Cdecl]<int*, int*, int*, double*, int*, double*, int*, double*, int*, int*, void> Dtpqrt2;
    private static readonly delegate* unmanaged[Cdecl]<byte*, int*, double*, int*, int*, nuint, void> Dlauum;
    private static readonly delegate* unmanaged[Cdecl]<byte*, byte*, byte*, byte*, int*, int*, int*, int*, double*, int*, double*, int*, double*, int*, double*, int*, double*, int*, nuint, nuint, nuint, nuint, void> Dtprfb;

    static NativeLapack()
    {
        foreach (var name in new[] { "libopenblas.so.0", "libopenblas.so", "openblas" })
        {
            if (!NativeLibrary.TryLoad(name, out var handle)) continue;
            if (NativeLibrary.TryGetExport(handle, "dsyevd_", out var e) && NativeLibrary.TryGetExport(handle, "cblas_dgemm", out var g))
            {
                Dsyevd = (delegate* unmanaged[Cdecl]<byte*, byte*, int*, double*, int*, double*, double*, int*, int*, int*, int*, nuint, nuint, void>)e;
                Dgemm = (delegate* unmanaged[Cdecl]<int, int, int, int, int, int, double, double*, int, double*, int, double, double*, int, void>)g;
                if (NativeLibrary.TryGetExport(handle, "cblas_dsyrk", out var k) && NativeLibrary.TryGetExport(handle, "cblas_dsymm", out var y))
                {
                    Dsyrk = (delegate* unmanaged[Cdecl]<int, int, int, int, int, double, double*, int, double, double*, int, void>)k;
                    Dsymm = (delegate* unmanaged[Cdecl]<int, int, int, int, int, double, double*, int, double*, int, double, double*, int, void>)y;
                }
                if (NativeLibrary.TryGetExport(handle, "dgerqf_", out var rq) && NativeLibrary.TryGetExport(handle, "dtrtri_", out var ti)
                    && NativeLibrary.TryGetExport(handle, "dtpqrt_", out var tp) && NativeLibrary.TryGetExport(handle, "cblas_dtrsm", out var ts))
                {
                    Dgerqf = (delegate* unmanaged[Cdecl]<int*, int*, double*, int*, double*, double*, int*, int*, void>)rq;
                    Dtrtri = (delegate* unmanaged[Cdecl]<byte*, byte*, int*, double*, int*, int*, nuint, nuint, void>)ti;
                    Dtpqrt = (delegate* unmanaged[Cdecl]<int*, int*, int*, int*, double*, int*, double*, int*, double*, int*, double*, int*, void>)tp;
                    Dtrsm = (delegate* unmanaged[Cdecl]<int, int, int, int, int, int, int, double, double*, int, double*, int, void>)ts;
                }
                if (NativeLibrary.TryGetExport(handle, "dtpqrt2_", out var p2) && NativeLibrary.TryGetExport(handle, "dtprfb_", out var rfb))
                {
                    Dtpqrt2 = (delegate* unmanaged[Cdecl]<int*, int*, int*, double*, int*, double*, int*, double*, int*, int*, void>)p2;
                    Dtprfb = (delegate* unmanaged[Cdecl]<byte*, byte*, byte*, byte*, int*, int*, int*, int*, double*, int*, double*, int*, double*, int*, double*, int*, double*, int*, nuint, nuint, nuint, nuint, void>)rfb;
                }
                if (NativeLibrary.TryGetExport(handle, "dlauum_", out var lauum))
                    Dlauum = (delegate* unmanaged[Cdecl]<byte*, int*, double*, int*, int*, nuint, void>)lauum;
                LibraryName = name;
                // One BLAS thread: the library parallelizes over time points itself (ClosedFormSolution.On), and OpenBLAS's
                // own spinning threads, called from two .NET threads at once, slowed a 200-point grid 7× (measured at n = 50).
                if (NativeLibrary.TryGetExport(handle, "openblas_set_num_threads", out var threads))
                {
                    SetNumThreads = (delegate* unmanaged[Cdecl]<int, void>)threads;
                    SetNumThreads(1);
                }
                return;
            }
        }
    }

    /// <summary>Set to true (per async flow: tests of the managed path run beside others) to use MathNet's managed code.</summary>
    public static readonly AsyncLocal<bool> ManagedOnly = new();

    /// <summary>Set to true (per async flow) to use OpenBLAS even under INCLEARN_NATIVE=0: tests of the native path run whatever
    /// the environment says.</summary>
    public static readonly AsyncLocal<bool> NativeRequested = new();

    // On unless INCLEARN_NATIVE=0. Reruns give the same bits: the LAPACK routines whose inner vector kernels add in an order
    // that depends on the arrays' alignment (dsyevd, dgerqf, dtrtri, dtpqrt; measured for dtpqrt) work on 64-byte-aligned
    // copies (AlignedBuffer), and the BLAS-3 products, which pack their operands, gave the same bits at every alignment (tested).
    private static readonly bool Preferred = Environment.GetEnvironmentVariable("INCLEARN_NATIVE") != "0";

    // OpenBLAS is called from both of On's workers at once. Debian's build is thread-safe (pthread build, LAPACK compiled
    // recursive); each call enters BlasThreadGate only so that a lone evaluation can change the thread count safely.
    // InverseFactorFormTests checks that On gives At's bits point by point.

    private static bool UseNative(bool? native) => native ?? (Preferred || NativeRequested.Value) && IsAvailable && !ManagedOnly.Value;

    /// <summary>Whether calls without an explicit choice go to OpenBLAS (library found, INCLEARN_NATIVE not 0 or
    /// <see cref="NativeRequested"/>, not <see cref="ManagedOnly"/>).</summary>
    public static bool IsPreferred => UseNative(null);

    /// <summary>Whether OpenBLAS was found.</summary>
    public static bool IsAvailable => Dsyevd != null;

    /// <summary>The library name that loaded, or null.</summary>
    public static string? LibraryName { get; }

    /// <summary>Whether OpenBLAS's thread count can be set (openblas_set_num_threads found).</summary>
    public static bool CanSetThreads => SetNumThreads != null;

    /// <summary>Sets OpenBLAS's process-wide thread count. Only <see cref="BlasThreadGate"/> calls it, while it holds the gate
    /// exclusively (no other thread inside OpenBLAS).</summary>
    internal static void SetThreads(int threads)
    {
        if (SetNumThreads != null) SetNumThreads(threads);
    }

    /// <summary>Eigenvalues (ascending) and orthonormal eigenvectors (columns) of a symmetric matrix.</summary>
    /// <param name="a">Symmetric n×n matrix (only its lower triangle is read on the native path).</param>
    /// <param name="native">true: OpenBLAS (throws if absent); false: MathNet managed; null: OpenBLAS when it is available, unless INCLEARN_NATIVE=0 or <see cref="ManagedOnly"/>.</param>
    /// <param name="factor">Decompose factor·A instead (each entry times the factor, as MathNet's <c>a * factor</c> computes it),
    /// without an n×n temporary for it.</param>
    public static (double[] Values, Matrix<double> Vectors) SymmetricEigen(Matrix<double> a, bool? native = null, double factor = 1)
    {
        int n = a.RowCount;
        if (!UseNative(native))
        {
            var evd = (factor == 1 ? a : a * factor).Evd(Symmetricity.Symmetric);
            return (evd.EigenValues.Select(c => c.Real).ToArray(), evd.EigenVectors);
        }
        if (!IsAvailable) throw new InvalidOperationException("OpenBLAS (libopenblas.so.0) is not available");
        using var m = new AlignedScratch(n * n);   // overwritten by the eigenvectors
        var entries = a.AsColumnMajorArray() ?? a.ToColumnMajorArray();
        var scaled = m.Span;
        if (factor == 1) entries.CopyTo(scaled);
        else for (int i = 0; i < entries.Length; i++) scaled[i] = entries[i] * factor;
        var w = new double[n];
        byte jobz = (byte)'V', uplo = (byte)'L';
        int nn = n, lda = Math.Max(1, n), info = 0, lwork = -1, liwork = -1, iworkQuery = 0;
        double workQuery = 0;
        bool entered = BlasThreadGate.Enter();
        try
        {
            fixed (double* pa = m.Span, pw = w)
            {
                Dsyevd(&jobz, &uplo, &nn, pa, &lda, pw, &workQuery, &lwork, &iworkQuery, &liwork, &info, 1, 1);
                lwork = (int)workQuery; liwork = iworkQuery;
                using var work = new AlignedScratch(Math.Max(1, lwork));
                var iwork = new int[Math.Max(1, liwork)];
                fixed (double* pwork = work.Span)
                fixed (int* piwork = iwork)
                    Dsyevd(&jobz, &uplo, &nn, pa, &lda, pw, pwork, &lwork, piwork, &liwork, &info, 1, 1);
            }
        }
        finally { BlasThreadGate.Leave(entered); }
        if (info != 0) throw new InvalidOperationException($"LAPACK dsyevd failed with info = {info}");
        var vectors = PrefaultedArray.Allocate(n * n);
        m.Span.CopyTo(vectors);
        return (w, Matrix<double>.Build.Dense(n, n, vectors));
    }

    /// <summary>C ← α·op(A)·op(B) + β·C on column-major spans (cblas_dgemm), for callers that keep their own buffers
    /// (the integrator's right-hand side). OpenBLAS only: check <see cref="IsAvailable"/> first.</summary>
    /// <exception cref="InvalidOperationException">OpenBLAS is not available.</exception>
    /// <exception cref="ArgumentException">a span is too short for its dimensions.</exception>
    public static void Gemm(bool transposeA, bool transposeB, int m, int n, int k, double alpha, ReadOnlySpan<double> a, int lda,
        ReadOnlySpan<double> b, int ldb, double beta, Span<double> c, int ldc)
    {
        if (!IsAvailable) throw new InvalidOperationException("OpenBLAS (libopenblas.so.0) is not available");
        if (m == 0 || n == 0) return;
        CheckSpan(a.Length, lda, transposeA ? k : m, transposeA ? m : k, nameof(a));
        CheckSpan(b.Length, ldb, transposeB ? n : k, transposeB ? k : n, nameof(b));
        CheckSpan(c.Length, ldc, m, n, nameof(c));
        const int colMajor = 102, noTrans = 111, trans = 112;
        bool entered = BlasThreadGate.Enter();
        try
        {
            fixed (double* pa = a, pb = b, pc = c)
                Dgemm(colMajor, transposeA ? trans : noTrans, transposeB ? trans : noTrans, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
        }
        finally { BlasThreadGate.Leave(entered); }
    }

    /// <summary>Whether <see cref="Syrk"/> and <see cref="Symm"/> are available (OpenBLAS found and exports them).</summary>
    public static bool HasSymmetricProducts => Dsyrk != null && Dsymm != null;

    /// <summary>The lower triangle of C ← α·A·Aᵀ + β·C, or α·AᵀA + β·C when <paramref name="transpose"/> (cblas_dsyrk,
    /// column-major; A n×k, or k×n transposed): half the flops of dgemm.</summary>
    /// <exception cref="InvalidOperationException">dsyrk is not available.</exception>
    /// <exception cref="ArgumentException">a span is too short for its dimensions.</exception>
    public static void Syrk(bool transpose, int n, int k, double alpha, ReadOnlySpan<double> a, int lda, double beta, Span<double> c, int ldc)
    {
        if (!HasSymmetricProducts) throw new InvalidOperationException("cblas_dsyrk/cblas_dsymm are not available");
        if (n == 0) return;
        CheckSpan(a.Length, lda, transpose ? k : n, transpose ? n : k, nameof(a));
        CheckSpan(c.Length, ldc, n, n, nameof(c));
        const int colMajor = 102, lower = 122, noTrans = 111, trans = 112;
        bool entered = BlasThreadGate.Enter();
        try
        {
            fixed (double* pa = a, pc = c)
                Dsyrk(colMajor, lower, transpose ? trans : noTrans, n, k, alpha, pa, lda, beta, pc, ldc);
        }
        finally { BlasThreadGate.Leave(entered); }
    }

    /// <summary>C ← α·S·B + β·C with S symmetric on the left (S m×m), or C ← α·B·S + β·C on the right (S n×n) when
    /// <paramref name="right"/>; only S's lower triangle is read (cblas_dsymm, column-major, B and C m×n).</summary>
    /// <exception cref="InvalidOperationException">dsymm is not available.</exception>
    /// <exception cref="ArgumentException">a span is too short for its dimensions.</exception>
    public static void Symm(bool right, int m, int n, double alpha, ReadOnlySpan<double> s, int lds, ReadOnlySpan<double> b, int ldb,
        double beta, Span<double> c, int ldc)
    {
        if (!HasSymmetricProducts) throw new InvalidOperationException("cblas_dsyrk/cblas_dsymm are not available");
        if (m == 0 || n == 0) return;
        int order = right ? n : m;
        CheckSpan(s.Length, lds, order, order, nameof(s));
        CheckSpan(b.Length, ldb, m, n, nameof(b));
        CheckSpan(c.Length, ldc, m, n, nameof(c));
        const int colMajor = 102, left = 141, rightSide = 142, lower = 122;
        bool entered = BlasThreadGate.Enter();
        try
        {
            fixed (double* ps = s, pb = b, pc = c)
                Dsymm(colMajor, right ? rightSide : left, lower, m, n, alpha, ps, lds, pb, ldb, beta, pc, ldc);
        }
        finally { BlasThreadGate.Leave(entered); }
    }

    /// <summary>Whether the fast path's routines (dgerqf, dtrtri, dtpqrt, cblas_dtrsm, cblas_dsyrk) are available.</summary>
    public static bool HasInverseFactorRoutines => Dtpqrt != null && HasSymmetricProducts;

    /// <summary>The upper-triangular T (n×n, column-major, zeros below the diagonal) of the RQ factorization A = [0 T]·Q of an
    /// n×r matrix, r ≥ n (dgerqf: Householder reflections from the right, so each row of T is exact for its row of A perturbed
    /// by ε relative to that row's norm).</summary>
    /// <param name="a">A, column-major n×r (not modified).</param>
    /// <param name="n">Rows of A.</param>
    /// <param name="r">Columns of A (≥ n).</param>
    public static double[] RqUpperTriangle(ReadOnlySpan<double> a, int n, int r)
    {
        using var factored = RqFactor(a, n, r);
        var t = new double[n * n];
        for (int j = 0; j < n; j++) factored.Span.Slice((r - n + j) * n, j + 1).CopyTo(t.AsSpan(j * n));
        return t;
    }

    /// <summary>dgerqf's result for A (see <see cref="RqUpperTriangle"/>), in aligned scratch memory: T is the upper triangle of
    /// its last n columns (column-major, leading dimension n); the reflectors lie below it.</summary>
    public static AlignedScratch RqFactor(ReadOnlySpan<double> a, int n, int r)
    {
        if (!HasInverseFactorRoutines) throw new InvalidOperationException("dgerqf/dtrtri/dtpqrt/cblas_dtrsm are not available");
        if (r < n) throw new ArgumentException($"the RQ factor needs r ≥ n (got n = {n}, r = {r})", nameof(r));
        CheckSpan(a.Length, Math.Max(1, n), n, r, nameof(a));
        var aligned = new AlignedScratch(n * r);   // see Preferred: the same bits at every alignment of the caller's array
        a[..(n * r)].CopyTo(aligned.Span);
        using var tau = new AlignedScratch(Math.Max(1, n));
        int mm = n, nn = r, lda = Math.Max(1, n), info = 0, lwork = -1;
        double query = 0;
        bool entered = BlasThreadGate.Enter();
        try
        {
            fixed (double* pa = aligned.Span, ptau = tau.Span)
            {
                Dgerqf(&mm, &nn, pa, &lda, ptau, &query, &lwork, &info);
                lwork = Math.Max(1, (int)query);
                using var work = new AlignedScratch(lwork);
                fixed (double* pw = work.Span) Dgerqf(&mm, &nn, pa, &lda, ptau, pw, &lwork, &info);
            }
        }
        catch
        {
            aligned.Dispose();
            throw;
        }
        finally { BlasThreadGate.Leave(entered); }
        if (info != 0)
        {
            aligned.Dispose();
            throw new InvalidOperationException($"LAPACK dgerqf failed with info = {info}");
        }
        return aligned;
    }

    /// <summary>Inverts an upper-triangular n×n matrix in place (dtrtri, column-major); false when a diagonal entry is exactly 0.</summary>
    public static bool TryInvertUpperTriangular(double[] t, int n)
    {
        CheckSpan(t.Length, Math.Max(1, n), n, n, nameof(t));
        using var aligned = new AlignedScratch(t.Length);   // see Preferred
        t.CopyTo(aligned.Span);
        bool invertible = TryInvertUpperTriangular(aligned.Span, n);
        aligned.Span.CopyTo(t);
        return invertible;
    }

    /// <summary>As <see cref="TryInvertUpperTriangular(double[], int)"/>, in place in 64-byte-aligned memory
    /// (<see cref="AlignedBuffer"/> or <see cref="AlignedScratch"/>; see Preferred).</summary>
    /// <exception cref="ArgumentException"><paramref name="t"/> is too short or not 64-byte aligned.</exception>
    public static bool TryInvertUpperTriangular(Span<double> t, int n)
    {
        if (!HasInverseFactorRoutines) throw new InvalidOperationException("dgerqf/dtrtri/dtpqrt/cblas_dtrsm are not available");
        CheckSpan(t.Length, Math.Max(1, n), n, n, nameof(t));
        byte uplo = (byte)'U', diag = (byte)'N';
        int nn = n, lda = Math.Max(1, n), info = 0;
        bool entered = BlasThreadGate.Enter();
        try
        {
            fixed (double* pt = t)
            {
                CheckAligned(pt, nameof(t));
                Dtrtri(&uplo, &diag, &nn, pt, &lda, &info, 1, 1);
            }
        }
        finally { BlasThreadGate.Leave(entered); }
        if (info < 0) throw new InvalidOperationException($"LAPACK dtrtri failed with info = {info}");
        return info == 0;
    }

    /// <summary>The QR factorization of [A; B] with A and B upper triangular n×n (dtpqrt with M = N = L = n, block size
    /// <paramref name="nb"/>): A is overwritten by R, B by the reflectors. <paramref name="tBlock"/> holds nb·n and
    /// <paramref name="work"/> nb·n entries. Pass 64-byte-aligned spans (<see cref="AlignedBuffer"/>): at other alignments
    /// dtpqrt's last bits differ.</summary>
    public static void TriangularPairQr(int n, int nb, Span<double> a, Span<double> b, Span<double> tBlock, Span<double> work)
    {
        if (!HasInverseFactorRoutines) throw new InvalidOperationException("dgerqf/dtrtri/dtpqrt/cblas_dtrsm are not available");
        if (n == 0) return;
        if (nb < 1 || nb > n) throw new ArgumentOutOfRangeException(nameof(nb), nb, $"the block size must lie in 1..n = {n}");
        CheckSpan(a.Length, n, n, n, nameof(a));
        CheckSpan(b.Length, n, n, n, nameof(b));
        CheckSpan(tBlock.Length, nb, nb, n, nameof(tBlock));
        CheckSpan(work.Length, nb, nb, n, nameof(work));
        int mm = n, nn = n, l = n, nbb = nb, lda = n, ldb = n, ldt = nb, info = 0;
        bool entered = BlasThreadGate.Enter();
        try
        {
            fixed (double* pa = a, pb = b, pt = tBlock, pw = work)
                Dtpqrt(&mm, &nn, &l, &nbb, pa, &lda, pb, &ldb, pt, &ldt, pw, &info);
        }
        finally { BlasThreadGate.Leave(entered); }
        if (info != 0) throw new InvalidOperationException($"LAPACK dtpqrt failed with info = {info}");
    }

    /// <summary>B ← B·R⁻¹ for an upper-triangular n×n R and an m×n B, column-major (cblas_dtrsm, right side); B's leading
    /// dimension is <paramref name="ldb"/> (default m: a block of rows of a taller matrix passes that matrix's height).</summary>
    public static void SolveRightUpper(int m, int n, ReadOnlySpan<double> r, Span<double> b, int ldb = 0)
    {
        if (!HasInverseFactorRoutines) throw new InvalidOperationException("dgerqf/dtrtri/dtpqrt/cblas_dtrsm are not available");
        if (m == 0 || n == 0) return;
        if (ldb == 0) ldb = m;
        CheckSpan(r.Length, n, n, n, nameof(r));
        CheckSpan(b.Length, ldb, m, n, nameof(b));
        const int colMajor = 102, right = 142, upper = 121, noTrans = 111, nonUnit = 131;
        bool entered = BlasThreadGate.Enter();
        try
        {
            fixed (double* pr = r, pb = b)
                Dtrsm(colMajor, right, upper, noTrans, nonUnit, m, n, 1.0, pr, n, pb, ldb);
        }
        finally { BlasThreadGate.Leave(entered); }
    }

    /// <summary>Whether <see cref="UpperTriangularGram"/> is available (dlauum).</summary>
    public static bool HasTriangularGram => Dlauum != null;

    /// <summary>The upper triangle of UUᵀ for an upper-triangular n×n U (column-major; its strictly lower triangle is neither
    /// read nor written), in place (dlauum 'U': n³/3 flops, a third of dsyrk's on the full square), in 64-byte-aligned memory
    /// (<see cref="AlignedBuffer"/> or <see cref="AlignedScratch"/>; see Preferred).</summary>
    /// <exception cref="ArgumentException"><paramref name="u"/> is too short or not 64-byte aligned.</exception>
    public static void UpperTriangularGram(Span<double> u, int n)
    {
        if (!HasTriangularGram) throw new InvalidOperationException("dlauum is not available");
        if (n == 0) return;
        CheckSpan(u.Length, n, n, n, nameof(u));
        byte uplo = (byte)'U';
        int nn = n, lda = n, info = 0;
        bool entered = BlasThreadGate.Enter();
        try
        {
            fixed (double* pa = u)
            {
                CheckAligned(pa, nameof(u));
                Dlauum(&uplo, &nn, pa, &lda, &info, 1);
            }
        }
        finally { BlasThreadGate.Leave(entered); }
        if (info != 0) throw new InvalidOperationException($"LAPACK dlauum failed with info = {info}");
    }

    /// <summary>Whether dtpqrt's two building blocks (dtpqrt2, dtprfb) are available, so that a caller can run dtpqrt's
    /// blocked loop itself and split each trailing update over columns.</summary>
    public static bool HasTriangularPairBlocks => Dtpqrt2 != null && Dtprfb != null && HasInverseFactorRoutines;

    /// <summary>dtpqrt2: the unblocked QR of the pentagonal pair [A; B] (A n×n upper triangular at <paramref name="a"/>, B m×n
    /// whose last l rows are upper trapezoidal), reflectors into B, their triangular factor into T (n×n, leading dimension
    /// <paramref name="ldt"/>). Spans start at the blocks' first entries; column-major with the given leading dimensions.</summary>
    public static void TriangularPairPanelQr(int m, int n, int l, Span<double> a, int lda, Span<double> b, int ldb, Span<double> t, int ldt)
    {
        if (!HasTriangularPairBlocks) throw new InvalidOperationException("dtpqrt2/dtprfb are not available");
        if (n == 0) return;
        CheckSpan(a.Length, lda, n, n, nameof(a));
        CheckSpan(b.Length, ldb, m, n, nameof(b));
        CheckSpan(t.Length, ldt, n, n, nameof(t));
        int mm = m, nn = n, ll = l, la = lda, lb = ldb, lt = ldt, info = 0;
        bool entered = BlasThreadGate.Enter();
        try
        {
            fixed (double* pa = a, pb = b, pt = t)
                Dtpqrt2(&mm, &nn, &ll, pa, &la, pb, &lb, pt, &lt, &info);
        }
        finally { BlasThreadGate.Leave(entered); }
        if (info != 0) throw new InvalidOperationException($"LAPACK dtpqrt2 failed with info = {info}");
    }

    /// <summary>dtprfb('L', 'T', 'F', 'C'): applies Hᵀ of the block reflector H = I − V T Vᵀ (k reflectors, V m×k whose last l
    /// rows are upper trapezoidal, from <see cref="TriangularPairPanelQr"/>) to the pair [A; B] from the left (A k×n, B m×n);
    /// <paramref name="work"/> holds k·n entries. Columns of A and B are transformed independently.</summary>
    public static void ApplyTriangularPairReflector(int m, int n, int k, int l, ReadOnlySpan<double> v, int ldv, ReadOnlySpan<double> t, int ldt,
        Span<double> a, int lda, Span<double> b, int ldb, Span<double> work)
    {
        if (!HasTriangularPairBlocks) throw new InvalidOperationException("dtpqrt2/dtprfb are not available");
        if (n == 0 || k == 0) return;
        CheckSpan(v.Length, ldv, m, k, nameof(v));
        CheckSpan(t.Length, ldt, k, k, nameof(t));
        CheckSpan(a.Length, lda, k, n, nameof(a));
        CheckSpan(b.Length, ldb, m, n, nameof(b));
        CheckSpan(work.Length, k, k, n, nameof(work));
        byte side = (byte)'L', trans = (byte)'T', direct = (byte)'F', storev = (byte)'C';
        int mm = m, nn = n, kk = k, ll = l, lv = ldv, lt = ldt, la = lda, lb = ldb, lw = k;
        bool entered = BlasThreadGate.Enter();
        try
        {
            fixed (double* pv = v, pt = t, pa = a, pb = b, pw = work)
                Dtprfb(&side, &trans, &direct, &storev, &mm, &nn, &kk, &ll, pv, &lv, pt, &lt, pa, &la, pb, &lb, pw, &lw, 1, 1, 1, 1);
        }
        finally { BlasThreadGate.Leave(entered); }
    }

    /// <summary>The routines that work in place in the caller's memory need it 64-byte aligned (see Preferred).</summary>
    private static void CheckAligned(double* p, string name)
    {
        if ((nint)p % 64 != 0)
            throw new ArgumentException($"{name} must start on a 64-byte boundary (an AlignedBuffer or AlignedScratch): LAPACK's last bits depend on the alignment", name);
    }

    private static void CheckSpan(int length, int ld, int rows, int cols, string name)
    {
        if (ld < Math.Max(1, rows) || (cols > 0 && length < ld * (cols - 1) + rows))
            throw new ArgumentException($"{name} holds {length} entries, too few for {rows}×{cols} with leading dimension {ld}", name);
    }

    /// <summary>op(A)·op(B) with op = transpose when requested.</summary>
    /// <param name="a">A.</param>
    /// <param name="transposeA">Use Aᵀ.</param>
    /// <param name="b">B.</param>
    /// <param name="transposeB">Use Bᵀ.</param>
    /// <param name="native">true: OpenBLAS (throws if absent); false: MathNet managed; null: OpenBLAS when it is available, unless INCLEARN_NATIVE=0 or <see cref="ManagedOnly"/>.</param>
    public static Matrix<double> Multiply(Matrix<double> a, bool transposeA, Matrix<double> b, bool transposeB, bool? native = null)
    {
        if (!UseNative(native))
            return (transposeA, transposeB) switch
            {
                (false, false) => a * b,
                (true, false) => a.TransposeThisAndMultiply(b),
                (false, true) => a.TransposeAndMultiply(b),
                _ => a.Transpose() * b.Transpose(),
            };
        if (!IsAvailable) throw new InvalidOperationException("OpenBLAS (libopenblas.so.0) is not available");
        int m = transposeA ? a.ColumnCount : a.RowCount, k = transposeA ? a.RowCount : a.ColumnCount;
        int n = transposeB ? b.RowCount : b.ColumnCount;
        int kb = transposeB ? b.ColumnCount : b.RowCount;
        if (k != kb) throw new ArgumentException($"inner dimensions differ: {k} vs {kb}", nameof(b));
        if (m == 0 || n == 0 || k == 0) return Matrix<double>.Build.Dense(m, n);
        var c = PrefaultedArray.Allocate(m * n);   // β = 0: dgemm writes every entry without reading C
        var av = a.AsColumnMajorArray() ?? a.ToColumnMajorArray();
        var bv = b.AsColumnMajorArray() ?? b.ToColumnMajorArray();
        const int colMajor = 102, noTrans = 111, trans = 112;
        bool entered = BlasThreadGate.Enter();
        try
        {
            fixed (double* pa = av, pb = bv, pc = c)
                Dgemm(colMajor, transposeA ? trans : noTrans, transposeB ? trans : noTrans, m, n, k, 1.0,
                    pa, Math.Max(1, a.RowCount), pb, Math.Max(1, b.RowCount), 0.0, pc, Math.Max(1, m));
        }
        finally { BlasThreadGate.Leave(entered); }
        return Matrix<double>.Build.Dense(m, n, c);
    }
}
