using IncLearn.Runner;
using IncLearn.TestSupport;

namespace IncLearn.Notebooks.Tests;

/// <summary>Every notebook re-executed with the runner's engine: each check is its own test case, plus "ran without error"
/// and "stored outputs reproduce" per notebook.</summary>
[Collection("notebooks")]
public class NotebookTests(NotebookFixture fixture)
{
    [Theory]
    [MemberData(nameof(NotebookFixture.StoredChecks), MemberType = typeof(NotebookFixture))]
    public void Check(string notebook, string check)
    {
        var result = fixture.Results[notebook];
        var found = result.Checks.Where(c => c.Name == check).ToArray();
        Assert.True(found.Length > 0, $"check '{check}' was not made when {notebook} was re-executed (fatal: {result.FatalError}; failed cells: {string.Join("; ", result.Cells.Where(c => c.Error is not null).Select(c => c.Error))})");
        Assert.All(found, c => Assert.True(c.Passed, $"{c.Name}: {c.Detail}"));
    }

    [Theory]
    [MemberData(nameof(NotebookFixture.NotebookNames), MemberType = typeof(NotebookFixture))]
    public void RanWithoutError(string notebook)
    {
        var r = fixture.Results[notebook];
        Assert.Null(r.FatalError);
        Assert.All(r.Cells, c => Assert.True(c.Status is CellStatus.Ok or CellStatus.Skipped, $"cell {c.Index}: {c.Status} {c.Error}"));
        Assert.True(r.Passed);
    }

    [Theory]
    [MemberData(nameof(NotebookFixture.NotebookNames), MemberType = typeof(NotebookFixture))]
    public void StoredOutputsReproduce(string notebook)
    {
        var stored = NotebookFile.Load(Path.Combine(NotebookFixture.RepoRoot, "notebooks", notebook));
        // 1e-9 relative: the same double arithmetic reproduces bit for bit on one machine; 1e-9 leaves room for
        // another CPU's last-bit differences in BLAS-free managed code, while any real change of a result shows.
        var diff = Comparison.Compare(stored, fixture.Results[notebook].Notebook!, 1e-9);
        Assert.True(diff is null, diff);
    }

    [Theory]
    [MemberData(nameof(NotebookFixture.NotebookNames), MemberType = typeof(NotebookFixture))]
    public void ValidatesClean(string notebook)
        => Assert.Empty(Validation.Validate(Path.Combine(NotebookFixture.RepoRoot, "notebooks", notebook)));

    [ToolFact("/usr/bin/python3", "-c \"import nbformat\"")]
    public void NbformatValidatorAcceptsEveryNotebook()
    {
        foreach (var path in NotebookFixture.Notebooks)
        {
            var (code, output) = ToolFactAttribute.Run("/usr/bin/python3", $"-c \"import nbformat,sys; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))\" \"{path}\"");
            Assert.True(code == 0, $"{path}: {output}");
        }
    }

    [ToolFact("/usr/bin/jupyter-nbconvert", "--version")]
    public void NbconvertRendersEveryNotebook()
    {
        string outDir = Path.Combine(Path.GetTempPath(), "inclearn-nbconvert-" + Guid.NewGuid().ToString("N"));
        foreach (var path in NotebookFixture.Notebooks)
        {
            var (code, output) = ToolFactAttribute.Run("/usr/bin/jupyter-nbconvert", $"--to html --output-dir \"{outDir}\" \"{path}\"");
            Assert.True(code == 0, $"{path}: {output}");
            Assert.True(File.Exists(Path.Combine(outDir, Path.GetFileNameWithoutExtension(path) + ".html")));
        }
    }
}
