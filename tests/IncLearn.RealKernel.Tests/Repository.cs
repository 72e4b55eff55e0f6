using System.Reflection;

namespace IncLearn.RealKernel.Tests;

/// <summary>Where the repository and its notebooks are.</summary>
public static class Repository
{
    /// <summary>The repository root (the folder holding IncLearnNotebooks.sln).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The tutorial's notebooks, in file-name order.</summary>
    public static IReadOnlyList<string> Notebooks { get; } =
        Directory.GetFiles(Path.Combine(Root, "notebooks"), "*.ipynb").Order(StringComparer.Ordinal).ToArray();

    private static string FindRoot()
    {
        string? built = typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepoRoot")?.Value;
        if (built is not null && File.Exists(Path.Combine(built, "IncLearnNotebooks.sln"))) return built;
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "IncLearnNotebooks.sln"))) return d.FullName;
        throw new InvalidOperationException("repository root (IncLearnNotebooks.sln) not found above " + AppContext.BaseDirectory);
    }
}
