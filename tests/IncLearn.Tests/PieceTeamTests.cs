namespace IncLearn.Tests;

/// <summary>Issue 24: a lone evaluation's phases run on the caller and a spinning helper (PieceTeam). Every piece of every
/// phase must run exactly once, a phase must not return before its last piece is done (a later phase reads what it wrote),
/// and a piece's exception must reach the caller after the phase's other pieces are done, without leaving the helper
/// spinning. A claim counter shared between phases, or a wait that trusted the claims instead of the completions, fails here.
/// <para>The test host keeps the thread pool's threads busy, so a helper queued there may start only after the evaluation
/// (the caller then runs every piece, by design); the tests raise the pool's minimum so that it starts at once, and check
/// that it ran pieces.</para></summary>
public class PieceTeamTests
{
    public PieceTeamTests()
    {
        ThreadPool.GetMinThreads(out int workers, out int io);
        ThreadPool.SetMinThreads(Math.Max(workers, 16), io);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EveryPieceRunsOnceAndEachPhaseSeesThePreviousOne(bool allCores)
    {
        Assert.True(Environment.ProcessorCount >= 2, "a helper needs a second core");
        const int phases = 200, count = 7;
        var runs = new int[phases, count];
        var written = new long[phases * count];
        int caller = Environment.CurrentManagedThreadId, elsewhere = 0;
        PieceTeam.Run(allCores, team =>
        {
            for (int p = 0; p < phases; p++)
            {
                int phase = p;
                team.ForEach(count, k =>
                {
                    Interlocked.Increment(ref runs[phase, k]);
                    if (Environment.CurrentManagedThreadId != caller) Interlocked.Increment(ref elsewhere);
                    // Each piece reads what the whole previous phase wrote: a phase that returned before its last piece was done
                    // (a piece still running on the helper) shows a zero here.
                    long previous = phase == 0 ? count : Enumerable.Range(0, count).Sum(j => Volatile.Read(ref written[(phase - 1) * count + j]));
                    Thread.SpinWait(2000);
                    Volatile.Write(ref written[phase * count + k], previous == count ? 1 : 0);
                });
            }
        });
        Assert.Equal(allCores, elsewhere > 0);   // with all cores the helper ran pieces; without, the caller ran them all
        Assert.All(runs.Cast<int>(), r => Assert.Equal(1, r));
        Assert.All(written, v => Assert.Equal(1, v));
    }

    [Fact]
    public void APiecesExceptionReachesTheCallerAfterThePhaseFinishes()
    {
        int done = 0;
        var e = Assert.Throws<InvalidOperationException>(() => PieceTeam.Run(true, team =>
            team.ForEach(16, k =>
            {
                Thread.SpinWait(1000);
                if (k == 5) throw new InvalidOperationException("piece 5");
                Interlocked.Increment(ref done);
            })));
        Assert.Equal("piece 5", e.Message);
        Assert.Equal(15, done);
        // The team is finished: a new evaluation runs as before.
        int after = 0;
        PieceTeam.Run(true, team => team.ForEach(4, _ => Interlocked.Increment(ref after)));
        Assert.Equal(4, after);
    }
}
