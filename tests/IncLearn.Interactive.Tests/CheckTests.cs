using System.Diagnostics;
using System.Text.Json;
using IncLearn.Interactive;
using IncLearn.TestSupport;
using MathNet.Numerics.LinearAlgebra;
using Microsoft.DotNet.Interactive.Formatting;

namespace IncLearn.Interactive.Tests;

public class CheckTests
{
    [Fact]
    public void PassingChecksReturnAResultAndAreRecorded()
    {
        var r = Check.Close("pi", 3.14159265, Math.PI, 1e-8);
        Assert.True(r.Passed);
        Assert.Contains("relative error", r.Detail);
        Assert.Contains(CheckLog.All, c => ReferenceEquals(c, r));
        Assert.True(Check.AtMost("small", 1, 2).Passed);
        Assert.True(Check.AtLeast("big", 2, 1).Passed);
        Notebook.Setup();
        Assert.Contains("✓ small", Check.AtMost("small", 1, 2).ToDisplayString("text/plain").Replace("\r", ""));
    }

    [Fact]
    public void FailingChecksThrowWithNameNumbersAndTolerance()
    {
        var e = Assert.Throws<CheckFailedException>(() => Check.Close("closed form = flow", 1.1, 1.0, 1e-9));
        Assert.Contains("closed form = flow", e.Message);
        Assert.Contains("1.1", e.Message);
        Assert.Contains("1e-9", e.Message);
        Assert.False(e.Result.Passed);
        Assert.Contains(CheckLog.All, c => c.Name == "closed form = flow" && !c.Passed);
        Assert.Throws<CheckFailedException>(() => Check.That("claim", false, "because"));
    }

    [Fact]
    public void NaNNeverPasses()
    {
        Assert.Throws<CheckFailedException>(() => Check.Close("nan", double.NaN, 1, 1));
        Assert.Throws<CheckFailedException>(() => Check.AtMost("nan", double.NaN, 1));
        Assert.Throws<CheckFailedException>(() => Check.AtLeast("nan", double.NaN, 1));
    }

    [Fact]
    public void RecordingIsThreadSafe()
    {
        int before = CheckLog.All.Count(c => c.Name == "parallel");
        int seen = 0;
        void OnRecorded(CheckResult c) { if (c.Name == "parallel") Interlocked.Increment(ref seen); }
        CheckLog.Recorded += OnRecorded;
        Parallel.For(0, 1000, i => Check.AtMost("parallel", i, 1000));
        CheckLog.Recorded -= OnRecorded;
        Assert.Equal(1000, seen);
        Assert.Equal(before + 1000, CheckLog.All.Count(c => c.Name == "parallel"));
    }
}
