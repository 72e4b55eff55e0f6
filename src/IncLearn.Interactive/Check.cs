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
        return Finish(new CheckResult(name, ok, "close", actual, expected, relTol, detail));
    }

    /// <summary>value ≤ bound.</summary>
    public static CheckResult AtMost(string name, double value, double bound)
    {
        bool ok = value <= bound;
        return Finish(new CheckResult(name, ok, "at-most", value, bound, null, $"{Notebook.Num(value)} ≤ {Notebook.Num(bound)}{(ok ? "" : " is false")}"));
    }

    /// <summary>value ≥ bound.</summary>
    public static CheckResult AtLeast(string name, double value, double bound)
    {
        bool ok = value >= bound;
        return Finish(new CheckResult(name, ok, "at-least", value, bound, null, $"{Notebook.Num(value)} ≥ {Notebook.Num(bound)}{(ok ? "" : " is false")}"));
    }

    /// <summary>A condition, with a detail line that states the numbers behind it.</summary>
    public static CheckResult That(string name, bool condition, string detail)
        => Finish(new CheckResult(name, condition, "that", null, null, null, detail));

    /// <summary>Groups several checks of one cell so they render as one table.</summary>
    public static CheckTable All(params CheckResult[] results) => new(results);

    private static CheckResult Finish(CheckResult result)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(result.Name, "name");
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
