using IncLearn.Runner;
using IncLearn.TestSupport;

namespace IncLearn.Apps.Tests;

/// <summary>Each committed app is what a fresh export of its notebook writes (the notebook is the single source). Its own
/// class, so it runs beside the app runs rather than after them.</summary>
public class CommittedAppsTests
{
    private static string AppOf(string notebook) => Path.Combine(Repository.Root, "apps", Path.GetFileNameWithoutExtension(notebook) + ".cs");

    [Theory]
    [MemberData(nameof(NotebookOutputs.ChapterNames), MemberType = typeof(NotebookOutputs))]
    public void CommittedAppMatchesAFreshExport(string notebook)
    {
        string path = Path.Combine(Repository.Root, "notebooks", notebook);
        string app = AppOf(notebook);
        Assert.True(File.Exists(app), $"{app} is missing: run `inclearn-nb export --to cs notebooks/*.ipynb` and commit apps/");
        string fresh = FileBasedAppExport.Export(NotebookFile.Load(path), path, app);
        Assert.True(fresh == File.ReadAllText(app), $"{app} is out of date with {notebook}: re-export it (the notebook is the single source)");
    }
}
