namespace IncLearn.Runner;

/// <summary>
/// Names notebooks by their path relative to the deepest folder holding all of them, so that notebooks with the same file
/// name in different folders keep separate output files, pages and JUnit suites.
/// </summary>
public static class NotebookNames
{
    /// <summary>Path → relative name (with '/' separators), for every path given.</summary>
    public static IReadOnlyDictionary<string, string> Relative(IReadOnlyList<string> paths)
    {
        var full = paths.Distinct(StringComparer.Ordinal).ToArray();
        if (full.Length == 0) return new Dictionary<string, string>();
        string common = Path.GetDirectoryName(Path.GetFullPath(full[0]))!;
        foreach (var p in full.Skip(1))
            while (!IsUnder(Path.GetFullPath(p), common)) common = Path.GetDirectoryName(common) ?? "/";
        return full.ToDictionary(p => p, p => Path.GetRelativePath(common, Path.GetFullPath(p)).Replace('\\', '/'), StringComparer.Ordinal);
    }

    private static bool IsUnder(string path, string folder)
        => path.StartsWith(folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
