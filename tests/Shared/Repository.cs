// Shared by the test projects (linked, not copied).
using System.Reflection;

namespace IncLearn.TestSupport;

/// <summary>Where the repository and its notebooks are.</summary>
public static class Repository
{
    /// <summary>The repository root (the folder holding IncLearnNotebooks.sln).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The tutorial's chapters (notebooks/*.ipynb), in file-name order.</summary>
    public static IReadOnlyList<string> Chapters { get; } =
        Directory.GetFiles(Path.Combine(Root, "notebooks"), "*.ipynb").Order(StringComparer.Ordinal).ToArray();

    /// <summary>The chapters, then the worked solutions of their exercises (notebooks/solutions/*.ipynb).</summary>
    public static IReadOnlyList<string> Notebooks { get; } = Chapters
        .Concat(Directory.GetFiles(Path.Combine(Root, "notebooks", "solutions"), "*.ipynb").Order(StringComparer.Ordinal)).ToArray();

    /// <summary>A notebook's name as tests show it: its path relative to notebooks/ ("solutions/01-….ipynb").</summary>
    public static string NameOf(string path) => Path.GetRelativePath(Path.Combine(Root, "notebooks"), path).Replace('\\', '/');

    private static string FindRoot()
    {
        string? built = typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepoRoot")?.Value;
        if (built is not null && File.Exists(Path.Combine(built, "IncLearnNotebooks.sln"))) return built;
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "IncLearnNotebooks.sln"))) return d.FullName;
        throw new InvalidOperationException("repository root (IncLearnNotebooks.sln) not found above " + AppContext.BaseDirectory);
    }
}
