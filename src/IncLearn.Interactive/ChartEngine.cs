namespace IncLearn.Interactive;

/// <summary>
/// The one door to the chart engine (IncLearn.Charts in its <see cref="ChartLoadContext"/>): loads it on first use and hands
/// out <see cref="IChartBuilder"/>, a typed view of its static <c>ChartBuilder</c> class.
/// </summary>
internal static class ChartEngine
{
    /// <summary>Name of the folder beside IncLearn.Interactive.dll that holds the chart engine and its dependencies.</summary>
    public const string FolderName = "charts";

    private static readonly Lazy<(ChartLoadContext Context, IChartBuilder Builder)> engine = new(Load);

    /// <summary>The chart builder; the first call loads the engine.</summary>
    public static IChartBuilder Builder => engine.Value.Builder;

    /// <summary>The engine's load context (for tests: everything F# must live there).</summary>
    public static ChartLoadContext Context => engine.Value.Context;

    private static (ChartLoadContext, IChartBuilder) Load()
    {
        string here = Path.GetDirectoryName(typeof(ChartEngine).Assembly.Location) ?? "";
        // Beside the assembly in a build output; at the package root (two levels above lib/net10.0/) in a NuGet package.
        string[] candidates = [Path.Combine(here, FolderName), Path.GetFullPath(Path.Combine(here, "..", "..", FolderName))];
        string? folder = candidates.FirstOrDefault(f => File.Exists(Path.Combine(f, "IncLearn.Charts.dll")))
            ?? throw new FileNotFoundException($"The chart engine is missing: IncLearn.Charts.dll is in neither {string.Join(" nor ", candidates)}. "
                + "Build src/IncLearn.Interactive (it copies the engine there).", Path.Combine(candidates[0], "IncLearn.Charts.dll"));
        string main = Path.Combine(folder, "IncLearn.Charts.dll");
        var context = new ChartLoadContext(folder);
        var type = context.LoadFromAssemblyPath(main).GetType("IncLearn.Charts.ChartBuilder", throwOnError: true)!;
        return (context, ChartBuilderProxy.For(type));
    }
}
