using System.Text.RegularExpressions;
using IncLearn.TestSupport;
using IncLearn.Processes;

namespace IncLearn.RealKernel.Tests;

/// <summary>
/// The committed notebooks as readers meet them before running anything: every chart carries a PNG beside its interactive
/// HTML, a script-free static view shows each chart as an image, and static renderers highlight the code as C# while
/// Polyglot Notebooks still opens the notebook with its C# kernel.
/// </summary>
public partial class StaticViewTests
{
    [Theory]
    [MemberData(nameof(NotebookOutputs.NotebookNames), MemberType = typeof(NotebookOutputs))]
    public void EveryChartCarriesAPng(string notebook)
    {
        var nb = NotebookOutputs.Load(Path.Combine(Repository.Root, "notebooks", notebook));
        foreach (var (index, cell) in nb.CodeCells)
            foreach (var o in NotebookOutputs.Outputs(cell).Where(o => o["data"]?[NotebookOutputs.PlotlyMime] is not null))
            {
                Assert.True(o["data"]!["image/png"] is not null, $"{notebook} cell {index}: a chart without its PNG");
                Assert.True(o["data"]!["text/html"] is not null, $"{notebook} cell {index}: a chart without its interactive HTML");
            }
    }

    [Theory]
    [MemberData(nameof(NotebookOutputs.NotebookNames), MemberType = typeof(NotebookOutputs))]
    public void CheckNamesAreUniqueWithinANotebook(string notebook)
    {
        // Each check is its own test case, named by its notebook and name: two checks with one name would make one case.
        var duplicates = NotebookOutputs.Load(Path.Combine(Repository.Root, "notebooks", notebook)).Checks()
            .GroupBy(c => c.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        Assert.True(duplicates.Length == 0, $"{notebook}: check names used twice: {string.Join("; ", duplicates)}");
    }

    [Theory]
    [MemberData(nameof(NotebookOutputs.NotebookNames), MemberType = typeof(NotebookOutputs))]
    public void CodeIsHighlightedAsCSharpAndOpensInTheCSharpKernel(string notebook)
    {
        var meta = NotebookOutputs.Load(Path.Combine(Repository.Root, "notebooks", notebook)).Json["metadata"]!;
        Assert.Equal("csharp", (string?)meta["language_info"]?["pygments_lexer"]);
        Assert.Equal("C#", (string?)meta["language_info"]?["name"]);
        Assert.Equal(".net-csharp", (string?)meta["kernelspec"]?["name"]);
        Assert.Equal("csharp", (string?)meta["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"]);
    }

    /// <summary>
    /// A script-free view: nbconvert with sanitize_html and its default output priority, which ranks text/html above image/png
    /// (as nbviewer-like renderers do). Every chart must show as an image: the chart's HTML carries its PNG, and sanitizing
    /// strips the scripts but keeps the image.
    /// </summary>
    [Fact]
    [Trait("Tier", "Browser")] // what a script-less viewer (nbconvert, sanitized) shows: one outside renderer run per chapter
    public async Task SanitizedStaticViewShowsEveryChartAsAnImage()
    {
        string output = Path.Combine(Path.GetTempPath(), "inclearn-static-" + Guid.NewGuid().ToString("N"));
        try
        {
            foreach (var path in Repository.Chapters)
            {
                var (code, log) = await ChildProcess.RunAsync("/usr/bin/jupyter-nbconvert",
                    ["--to", "html", "--HTMLExporter.sanitize_html=True",
                     "--output-dir", output, path], Repository.Root, TimeSpan.FromMinutes(2));
                Assert.True(code == 0, $"nbconvert {path}: {log}");
                string html = File.ReadAllText(Path.Combine(output, Path.GetFileNameWithoutExtension(path) + ".html"));
                // Every chart, and every in-page explorable (its picture of the default α), shows as an image.
                var stored = NotebookOutputs.Load(path);
                Assert.True(stored.StaticImages() >= stored.ChartsPerCell().Values.Sum(), $"{path}: a chart is stored without its image");
                Assert.Equal(stored.StaticImages(), PngImage().Count(html));
                Assert.DoesNotContain("Plotly.newPlot", html); // no script survived
            }
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        }
    }

    [GeneratedRegex("<img [^>]*src=\"data:image/png;base64,")]
    private static partial Regex PngImage();
}
