using IncLearn.TestSupport;
using IncLearn.Runner;

namespace IncLearn.Notebooks.Tests;

/// <summary>Every notebook re-executed by the runner on the real kernel: each stored check is its own test case; the runner
/// shows what the real kernel showed (the stored outputs are the real kernel's); alternative parameters pass too.</summary>
[Collection("notebooks")]
[Trait("Tier", "Kernel")]
public class NotebookTests(NotebookFixture fixture)
{
    [Theory]
    [MemberData(nameof(NotebookOutputs.StoredChecks), MemberType = typeof(NotebookOutputs))]
    public void Check(string notebook, string check)
    {
        var result = fixture.Results[notebook];
        var found = result.Checks.Where(c => c.Name == check).ToArray();
        Assert.True(found.Length > 0, $"check '{check}' was not made when {notebook} was re-executed (fatal: {result.FatalError}; failed cells: {string.Join("; ", result.Cells.Where(c => c.Error is not null).Select(c => c.Error))})");
        // A build-it check of a chapter as shipped is "not implemented" (its solution fills it in): never a failure.
        Assert.All(found, c => Assert.True(c.Passed || (c.BuildIt && c.Status == NotebookCheckStatus.NotImplemented), $"{c.Name}: {c.Detail}"));
    }

    [Theory]
    [MemberData(nameof(NotebookOutputs.NotebookNames), MemberType = typeof(NotebookOutputs))]
    public void RanWithoutError(string notebook)
    {
        var r = fixture.Results[notebook];
        Assert.Null(r.FatalError);
        Assert.All(r.Cells, c => Assert.True(c.Status is CellStatus.Ok or CellStatus.Skipped, $"cell {c.Index}: {c.Status} {c.Error}"));
        Assert.True(r.Passed);
    }

    [Theory]
    [MemberData(nameof(NotebookOutputs.NotebookNames), MemberType = typeof(NotebookOutputs))]
    public void RunnerShowsWhatTheRealKernelShows(string notebook)
    {
        // The stored outputs are the real kernel's (Jupyter, nbclient). Exact numbers compare at 1e-9 relative; a check's
        // actual within its tolerance and error measurements by magnitude, since their bits vary with the CPU's BLAS kernel
        // (Comparison, CheckComparison, FigureComparison).
        var stored = NotebookFile.Load(Path.Combine(Repository.Root, "notebooks", notebook));
        var diff = Comparison.Compare(stored, fixture.Results[notebook].Notebook!, 1e-9);
        Assert.True(diff is null, diff);
    }

    [Theory]
    [MemberData(nameof(NotebookFixture.AlternativeRuns), MemberType = typeof(NotebookFixture))]
    public void PassesWithAlternativeParameters(string notebook, int set)
    {
        var r = fixture.Alternatives[(notebook, set)];
        string parameters = string.Join(", ", NotebookFixture.AlternativeSets[notebook][set].Select(p => $"{p.Key} = {p.Value}"));
        Assert.True(r.FatalError is null, $"{notebook} with {parameters}: {r.FatalError}");
        Assert.All(r.Cells, c => Assert.True(c.Status is CellStatus.Ok or CellStatus.Skipped, $"{notebook} with {parameters}, cell {c.Index}: {c.Status} {c.Error}"));
        Assert.All(r.Checks, c => Assert.True(c.Passed || (c.BuildIt && c.Status == NotebookCheckStatus.NotImplemented), $"{notebook} with {parameters}: ✗ {c.Name}: {c.Detail}"));
        Assert.NotEmpty(r.Checks);
    }

    [Theory]
    [MemberData(nameof(NotebookOutputs.NotebookNames), MemberType = typeof(NotebookOutputs))]
    public void ValidatesClean(string notebook)
        => Assert.Empty(Validation.Validate(Path.Combine(Repository.Root, "notebooks", notebook)));

    [ToolFact("/usr/bin/python3", "-c \"import nbformat\"")]
    public void NbformatValidatorAcceptsEveryNotebook()
    {
        foreach (var path in Repository.Notebooks)
        {
            var (code, output) = ToolFactAttribute.Run("/usr/bin/python3", $"-c \"import nbformat,sys; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))\" \"{path}\"");
            Assert.True(code == 0, $"{path}: {output}");
        }
    }
}
