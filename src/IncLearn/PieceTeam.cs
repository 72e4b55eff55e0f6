namespace IncLearn;

/// <summary>
/// Runs the phases of one evaluation (<see cref="ForEach"/>: a phase's pieces, see <see cref="Pieces"/>) on the calling thread
/// and, for a lone <see cref="ClosedFormSolution.At"/>, on one helper per other core that stays with the evaluation from its
/// first phase to its last. One parallel loop per phase cost more than the work on the shared VM: each woke a sleeping pool
/// thread, and the fast path's QR has a phase per panel of 32 columns (at n = 200 the helper made a point 0.66× as long as
/// the parallel loops did: median of seven alternating pairs of processes, measured). So the helpers wait for the next phase by spinning, as OpenBLAS's own threads do.
/// <para>The caller never waits for a helper that has not started: it claims pieces itself until none is left and then waits
/// only for pieces a helper has claimed (and so is running). A helper that starts late, or never (a thread pool busy with
/// the caller's own parallel work), changes nothing but the speed. Which thread runs a piece does not matter: every piece
/// writes its own part, so the bits are those of the pieces run in order (<see cref="ClosedFormSolution.On"/>'s workers, and
/// small problems, have no helper).</para>
/// </summary>
internal sealed class PieceTeam
{
    /// <summary>One phase: its pieces, how many are claimed and done, and the first exception a piece threw.</summary>
    private sealed class Phase(int count, Action<int> piece)
    {
        public readonly int Count = count;
        public readonly Action<int> Piece = piece;
        public int Claimed, Done;
        public Exception? Error;

        /// <summary>Claims and runs pieces until none is left; a piece's exception is kept, not thrown, so that every
        /// claimed piece is counted done.</summary>
        public void Work()
        {
            for (int k; (k = Interlocked.Increment(ref Claimed) - 1) < Count;)
            {
                try { Piece(k); }
                catch (Exception e) { Interlocked.CompareExchange(ref Error, e, null); }
                Interlocked.Increment(ref Done);
            }
        }
    }

    private volatile Phase? current;
    private volatile bool finished;

    /// <summary>Runs <paramref name="body"/> on the calling thread, with one spinning helper per other core when
    /// <paramref name="allCores"/> (and the machine has more than one core).</summary>
    public static void Run(bool allCores, Action<PieceTeam> body)
    {
        var team = new PieceTeam();
        if (allCores)
            for (int h = 1; h < Environment.ProcessorCount; h++)
                ThreadPool.UnsafeQueueUserWorkItem(static t => t.Help(), team, preferLocal: false);
        try { body(team); }
        finally { team.finished = true; }
    }

    /// <summary>Runs pieces 0..count − 1 once each (on the caller and any helper) and returns once all are done; the first
    /// exception a piece threw is rethrown then.</summary>
    public void ForEach(int count, Action<int> piece)
    {
        var phase = new Phase(count, piece);
        current = phase;
        phase.Work();
        var spin = new SpinWait();
        while (Volatile.Read(ref phase.Done) < count) spin.SpinOnce(sleep1Threshold: -1);
        if (phase.Error is { } error) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(error).Throw();
    }

    /// <summary>A pass over the columns [j0, j1) of <paramref name="count"/> equal ranges of 0..n.</summary>
    public void ForEachColumnRange(int n, int count, Action<int, int> body) =>
        ForEach(count, k => body(Pieces.Start(n, count, k), Pieces.Start(n, count, k + 1)));

    /// <summary>A helper's loop: work on each new phase, spin between phases, leave when the evaluation is finished.</summary>
    private void Help()
    {
        Phase? last = null;
        var spin = new SpinWait();
        while (!finished)
        {
            var phase = current;
            if (phase != null && phase != last)
            {
                phase.Work();
                last = phase;
                spin.Reset();
            }
            else spin.SpinOnce(sleep1Threshold: -1);
        }
    }
}
