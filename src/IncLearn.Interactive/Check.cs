using Microsoft.DotNet.Interactive;

namespace IncLearn.Interactive;

/// <summary>A check cell's claim did not hold. The message carries the claim, the numbers and the tolerance.</summary>
public sealed class CheckFailedException : Exception
{
    /// <summary>Creates the exception for a failed check.</summary>
    public CheckFailedException(CheckResult result) : base($"Check failed: {result.Name}: {result.Detail}") => Result = result;

    /// <summary>The recorded result.</summary>
    public CheckResult Result { get; }
}

/// <summary>
/// Checked claims for notebook cells. A passing check returns a <see cref="CheckResult"/> that renders as a ✓ row with
/// its numbers; a failing one throws <see cref="CheckFailedException"/>, so the cell fails visibly in VS Code and in the
/// runner. Every check, passing or failing, is recorded in <see cref="CheckLog"/>. NaN never passes.
/// </summary>
public static class Check
{
    /// <summary>|actual − expected| ≤ relTol·|expected| (for expected = 0: |actual| ≤ relTol).</summary>
    public static CheckResult Close(string name, double actual, double expected, double relTol)
    {
        if (!(relTol >= 0)) throw new ArgumentOutOfRangeException(nameof(relTol), relTol, "relTol must be ≥ 0");
        double err = Math.Abs(actual - expected);
        double scale = expected == 0 ? 1.0 : Math.Abs(expected);
        double rel = err / scale;
        bool ok = rel <= relTol; // false for NaN
        string detail = $"actual {Notebook.Num(actual)}, expected {Notebook.Num(expected)}, relative error {Notebook.Num(rel)} (tolerance {Notebook.Num(relTol)})";
        return Finish(new CheckResult(name, Verdict(ok), "close", actual, expected, relTol, detail));
    }

    /// <summary>value ≤ bound, where value is fixed by the math (it reproduces exactly on another machine).</summary>
    public static CheckResult AtMost(string name, double value, double bound) => AtMost(name, value, bound, ActualPrecision.Exact);

    /// <summary>error ≤ bound, where error measures rounding or integration error (a residual, the distance between two
    /// evaluations of the same quantity): only its order of magnitude reproduces on another machine, so a stored copy of
    /// it is compared by magnitude (<see cref="ActualPrecision.Magnitude"/>).</summary>
    public static CheckResult ErrorAtMost(string name, double error, double bound) => AtMost(name, error, bound, ActualPrecision.Magnitude);

    private static CheckResult AtMost(string name, double value, double bound, ActualPrecision precision)
    {
        bool ok = value <= bound;
        return Finish(new CheckResult(name, Verdict(ok), "at-most", value, bound, null, $"{Notebook.Num(value)} ≤ {Notebook.Num(bound)}{(ok ? "" : " is false")}")
            { Precision = precision });
    }

    /// <summary>value ≥ bound.</summary>
    public static CheckResult AtLeast(string name, double value, double bound)
    {
        bool ok = value >= bound;
        return Finish(new CheckResult(name, Verdict(ok), "at-least", value, bound, null, $"{Notebook.Num(value)} ≥ {Notebook.Num(bound)}{(ok ? "" : " is false")}"));
    }

    /// <summary>A condition, with a detail line that states the numbers behind it.</summary>
    public static CheckResult That(string name, bool condition, string detail)
        => Finish(new CheckResult(name, Verdict(condition), "that", null, null, null, detail));

    /// <summary>
    /// Confirms code the learner writes in a cell tagged <c>build-it</c>: runs <paramref name="check"/>, whose checks are
    /// marked as build-it checks. While the scaffold still throws <see cref="NotImplementedException"/>, the result is
    /// "not yet implemented" — neither pass nor fail — so a chapter as shipped runs green and a teacher's report can tell an
    /// untouched scaffold from a wrong attempt. A wrong attempt fails like any check.
    /// </summary>
    public static CheckResult BuildIt(string name, Func<CheckResult> check)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(check);
        bool outer = insideBuildIt;
        insideBuildIt = true;
        try
        {
            return check();
        }
        catch (NotImplementedException)
        {
            return new CheckResult(name, CheckStatus.NotImplemented, "build-it", null, null, null,
                "not yet implemented: fill in the scaffold above, then run this cell again") { BuildIt = true };
        }
        finally
        {
            insideBuildIt = outer;
        }
    }

    /// <summary>Several build-it checks of one cell as one table (see <see cref="BuildIt(string, Func{CheckResult})"/>).</summary>
    public static CheckTable BuildIt(string name, Func<CheckTable> checks)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(checks);
        CheckTable? table = null;
        var first = BuildIt(name, () => { table = checks(); return table.Results[0]; });
        return table ?? new CheckTable([first]);
    }

    // Set while a build-it check runs, so that the checks it makes (through the ordinary Close/AtMost/…) are marked as
    // build-it checks, including a failing one that is displayed before its cell fails.
    [ThreadStatic] private static bool insideBuildIt;

    private static CheckStatus Verdict(bool ok) => ok ? CheckStatus.Passed : CheckStatus.Failed;

    /// <summary>Groups several checks of one cell so they render as one table.</summary>
    public static CheckTable All(params CheckResult[] results) => new(results);

    private static CheckResult Finish(CheckResult result)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(result.Name, "name");
        if (insideBuildIt) result = result with { BuildIt = true };
        CheckLog.Record(result);
        if (!result.Passed)
        {
            ShowInKernel(result);
            throw new CheckFailedException(result);
        }
        return result;
    }

    // A failing check is displayed before its cell fails, so the reader (and a runner reading outputs) sees the ✗ row with
    // its numbers. Outside a kernel (a plain test host) the kernel assembly may be absent: then there is nothing to show it in.
    private static void ShowInKernel(CheckResult result)
    {
        try { DisplayInKernel(result); }
        catch (FileNotFoundException) { }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void DisplayInKernel(CheckResult result) => KernelInvocationContext.Current?.Display(result);

}

/// <summary>Several checks shown as one table.</summary>
/// <param name="Results">The checks, in order.</param>
public sealed record CheckTable(IReadOnlyList<CheckResult> Results);
