using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace IncLearn.Runner;

/// <summary>
/// What a run needs from outside the notebooks, checked before any kernel starts, so a first run says what to do instead
/// of failing every notebook: the pinned kernel tool (restored when missing, as <see cref="KernelTool"/> does) and every
/// assembly the notebooks load by path (<c>#r "….dll"</c>). Each missing piece is one line naming the command to run. The
/// runner learns the assemblies from the notebooks themselves; it knows no project of the repository.
/// </summary>
public static partial class Preflight
{
    // #r "path.dll" on a line of its own (not #r "nuget: …").
    [GeneratedRegex(@"^\s*#r\s+""(?!nuget:)(?<path>[^""]+\.dll)""\s*$", RegexOptions.Multiline)]
    private static partial Regex AssemblyReference();

    /// <summary>One line per missing piece (empty when the run can start). Notebooks that cannot be read are left to the
    /// run, which reports them.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<string> notebooks)
    {
        ArgumentNullException.ThrowIfNull(notebooks);
        if (notebooks.Count == 0) return [];
        try
        {
            KernelTool.Locate([Environment.CurrentDirectory, Path.GetDirectoryName(Path.GetFullPath(notebooks[0]))!, AppContext.BaseDirectory]);
        }
        catch (KernelNotFoundException e)
        {
            // One line: the restore's own output (several lines) is not repeated.
            string why = e.Message.Split('\n', 2)[0].Trim();
            return [$"the pinned kernel (dotnet-interactive) is not available: run `dotnet tool restore` in the repository first ({why})"];
        }

        // One line per build that would produce the missing assemblies, however many notebooks load them.
        var missing = notebooks.SelectMany(nb => MissingAssemblies(nb).Select(assembly => (Notebook: nb, Assembly: assembly))).ToArray();
        return missing.GroupBy(m => BuildCommand(m.Assembly) ?? m.Assembly).Select(g =>
        {
            var assemblies = g.Select(m => Path.GetRelativePath(Environment.CurrentDirectory, m.Assembly)).Distinct().ToArray();
            var loadedBy = g.Select(m => Path.GetRelativePath(Environment.CurrentDirectory, m.Notebook)).Distinct().ToArray();
            string what = assemblies[0] + (assemblies.Length > 1 ? $" (and {assemblies.Length - 1} more)" : "")
                + $" is not built; {loadedBy.Length} notebook(s) load it with #r, e.g. {loadedBy[0]}";
            return BuildCommand(g.First().Assembly) is { } command ? $"{what}: run `{command}` first" : $"{what}: build the project that produces it first";
        }).ToArray();
    }

    /// <summary>Full paths of the assemblies the notebook's code cells #r by path that do not exist, relative paths resolved
    /// against the notebook's folder (the kernel's working directory).</summary>
    public static IEnumerable<string> MissingAssemblies(string notebook)
    {
        JsonObject nb;
        try { nb = NotebookFile.Load(notebook); }
        catch (Exception e) when (e is NotebookFormatException or IOException or UnauthorizedAccessException) { yield break; }
        string folder = Path.GetDirectoryName(Path.GetFullPath(notebook))!;
        foreach (var cell in new NotebookDocument(nb).Cells.Where(c => c.IsCode))
        {
            foreach (Match m in AssemblyReference().Matches(cell.Source))
            {
                string path = Path.GetFullPath(Path.Combine(folder, m.Groups["path"].Value));
                if (!File.Exists(path)) yield return path;
            }
        }
    }

    // "…/P/bin/<Configuration>/<tfm>/X.dll" with a project file in P: the build of P in that configuration, else null.
    private static string? BuildCommand(string assembly)
    {
        var configuration = Directory.GetParent(assembly)?.Parent;
        var project = configuration?.Parent is { Name: "bin" } bin ? bin.Parent : null;
        return project is { Exists: true } && project.EnumerateFiles("*.*proj").Any()
            ? $"dotnet build {Path.GetRelativePath(Environment.CurrentDirectory, project.FullName)} -c {configuration!.Name}"
            : null;
    }
}
