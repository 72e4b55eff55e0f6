namespace IncLearn.Runner;

/// <summary>
/// Grades a folder of learners' copies of a chapter: runs every notebook in it on the real kernel (errors allowed, so one
/// failing cell does not hide the cells after it) and reads the state of each build-it cell. The learners' files are only
/// read: executed notebooks stay in memory and are never written.
/// </summary>
public static class Grader
{
    /// <summary>Every notebook under <paramref name="folder"/>, graded, in file-name order.</summary>
    /// <exception cref="ArgumentException">the folder does not exist.</exception>
    public static async Task<IReadOnlyList<LearnerGrade>> GradeAsync(string folder, RunOptions options, CancellationToken cancel = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(options);
        if (!Directory.Exists(folder)) throw new ArgumentException($"the folder of learners' copies does not exist: {folder}", nameof(folder));
        var notebooks = NotebookRunner.Find([folder]);
        if (notebooks.Count == 0) return [];
        var results = await NotebookRunner.RunAsync(notebooks, options with { AllowErrors = true }, cancel);
        string root = Path.GetFullPath(folder);
        return results.Select(r => new LearnerGrade(
            Path.ChangeExtension(Path.GetRelativePath(root, r.Path), null).Replace('\\', '/'), r.Path,
            BuildItCells.Of(r), r.FatalError)).ToArray();
    }
}
