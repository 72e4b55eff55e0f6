namespace IncLearn;

/// <summary>
/// When OpenBLAS may use more than one thread. Its thread count is one process-wide setting (openblas_set_num_threads), and
/// it changes results: on Debian's OpenBLAS 0.3.21 every routine the library calls except dsyrk gives other last bits on 2 or
/// 4 threads than on 1 (dgemm, dsymm, dtrsm, dtpqrt ~1e-16, dgerqf, dtrtri ~1e-15, dsyevd ~6e-15 relative; measured in
/// NativeLapackThreadTests: the threaded drivers block the summation index differently). So the count is never left to
/// timing: every call runs on one thread, except the set-up work done once per target or solution (the eigendecomposition
/// of Y, the RQ factor of Ũ and its inverse), which runs with exactly <see cref="SetupThreads"/> threads inside an exclusive
/// section. Its results depend on the machine's core count at rounding level (tested tolerance), never on what other
/// threads do. Per-time evaluations split their own work instead (InverseFactorForm), into pieces fixed by n, so that
/// <see cref="ClosedFormSolution.At"/> alone and <see cref="ClosedFormSolution.On"/>'s workers give the same bits.
/// <para>A reader–writer lock with one interlocked operation per call (the integrator makes thousands of small calls):
/// <c>state</c> ≥ 0 counts the threads inside one-thread calls, −1 marks the exclusive holder, which has the thread count
/// raised. A waiting exclusive request holds new calls back (<c>pending</c>), so a stream of calls from parallel workers
/// cannot starve it. Code inside an exclusive section must not hand OpenBLAS calls to other threads and wait for them.</para>
/// </summary>
internal static class BlasThreadGate
{
    /// <summary>Problems smaller than this run their set-up on one thread without taking the gate: below it two OpenBLAS threads
    /// made the set-up slower, not faster (Target + constructor, alternating runs: 1.8 against 0.9 ms at n = 100, 6.3 against
    /// 4.5 ms at n = 200, even from 300 to 700; at n = 1000 204–233 against 276–286 ms), and the tutorial's small problems keep
    /// the bits they always had.</summary>
    public const int MinimumOrder = 640;

    private static int state;
    private static int pending;
    [ThreadStatic] private static bool exclusive;

    /// <summary>OpenBLAS threads for set-up work: one per core.</summary>
    public static int SetupThreads => Environment.ProcessorCount;

    /// <summary>Runs the set-up <paramref name="work"/> for a problem of order <paramref name="order"/> with
    /// <see cref="SetupThreads"/> OpenBLAS threads (waiting until no other thread is inside OpenBLAS), or directly when the
    /// problem is small, the machine has one core, OpenBLAS is not in use or the caller is already inside such a section.</summary>
    public static T Setup<T>(int order, Func<T> work)
    {
        if (exclusive || order < MinimumOrder || SetupThreads < 2 || !NativeLapack.IsPreferred || !NativeLapack.CanSetThreads)
            return work();
        return WithThreads(SetupThreads, work);
    }

    /// <summary>Runs <paramref name="work"/> with exactly <paramref name="threads"/> OpenBLAS threads, once no other thread is
    /// inside OpenBLAS (tests compare thread counts with it).</summary>
    /// <exception cref="InvalidOperationException">the caller is already inside an exclusive section, or the thread count
    /// cannot be set.</exception>
    public static T WithThreads<T>(int threads, Func<T> work)
    {
        if (exclusive) throw new InvalidOperationException("already inside an exclusive OpenBLAS section");
        if (!NativeLapack.CanSetThreads) throw new InvalidOperationException("openblas_set_num_threads is not available");
        Interlocked.Increment(ref pending);
        var spin = new SpinWait();
        while (Interlocked.CompareExchange(ref state, -1, 0) != 0) spin.SpinOnce(sleep1Threshold: 20);
        Interlocked.Decrement(ref pending);
        exclusive = true;
        try
        {
            NativeLapack.SetThreads(threads);
            return work();
        }
        finally
        {
            NativeLapack.SetThreads(1);
            exclusive = false;
            Volatile.Write(ref state, 0);
        }
    }

    /// <summary>Enters a one-thread call: waits while another thread holds or awaits the exclusive section; inside the
    /// caller's own section it returns at once. Pass the result to <see cref="Leave"/>.</summary>
    public static bool Enter()
    {
        if (exclusive) return false;
        var spin = new SpinWait();
        while (true)
        {
            int s = Volatile.Read(ref state);
            if (s >= 0 && Volatile.Read(ref pending) == 0 && Interlocked.CompareExchange(ref state, s + 1, s) == s) return true;
            spin.SpinOnce(sleep1Threshold: 20);   // a set-up lasts milliseconds: sleep rather than take the cores it uses
        }
    }

    /// <summary>Leaves a call entered with <see cref="Enter"/> (pass its result).</summary>
    public static void Leave(bool entered)
    {
        if (entered) Interlocked.Decrement(ref state);
    }
}
