using IncLearn.Interactive;

namespace IncLearn.Browser.Tests;

/// <summary>
/// Every notebook as a learner sees it: opened in Debian's Jupyter Notebook in headless Chromium, Cell → Run All in the
/// real kernel. Expectations come from the notebook's stored outputs (how many charts, how many checks). Notebooks with
/// charts are then saved (so trusted) and opened again with every outside request refused: each chart must show its image.
/// </summary>
[Collection("jupyter in chromium")]
[Trait("Tier", "Browser")]
[TestCaseOrderer(DeclarationOrderer.TypeName, DeclarationOrderer.AssemblyName)]
public sealed class NotebookInBrowserTests(JupyterFixture jupyter)
{
    private static readonly TimeSpan NotebookTimeout = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan ChartTimeout = TimeSpan.FromSeconds(60);

    public static TheoryData<string> Notebooks => new(Repository.Notebooks.Select(Repository.NameOf));

    /// <summary>The notebooks whose stored outputs hold a chart.</summary>
    public static TheoryData<string> NotebooksWithCharts =>
        new(Repository.Notebooks.Where(n => StoredNotebook.Read(n).Charts > 0).Select(Repository.NameOf));

    [ToolTheory("/usr/bin/jupyter-notebook")]
    [MemberData(nameof(Notebooks))]
    public async Task RunAllShowsEveryChartFormulaAndCheck(string name)
    {
        var stored = StoredNotebook.Read(Path.Combine(Repository.Root, "notebooks", name));

        var page = await NotebookPage.OpenAsync(jupyter, name, servePlotly: true, NotebookTimeout);
        PageReport shown;
        (int Sessions, bool AllDeleted) closed;
        try
        {
            await page.RunAllAsync(NotebookTimeout);
            await page.SettleAsync(ChartTimeout);
            shown = await page.ReportAsync();
            await page.ScreenshotChartsAsync(jupyter.ScreenshotDir, "online");
            await page.SaveAsync();
            jupyter.Executed.Add(name);
        }
        finally
        {
            closed = await page.CloseAsync();
        }

        Assert.Empty(shown.Errors);
        Assert.Empty(shown.JsErrors);
        Assert.Empty(shown.NotRun);
        Assert.Empty(page.Refused); // nothing but the plotly.js the charts ask for leaves the server

        Assert.Equal(stored.Charts, shown.Charts.Count);
        Assert.All(shown.Charts, c => Assert.True(c.Drawn && !c.ImageShown, $"chart in cell {c.Cell}: drawn {c.Drawn}, image still shown {c.ImageShown}"));
        Assert.All(page.PlotlyRequests, version => Assert.Equal(PlotlyJs.Version, version));
        Assert.Equal(stored.Charts > 0, !page.PlotlyRequests.IsEmpty);

        Assert.Equal(stored.Checks, shown.Checks.Count);
        Assert.All(shown.Checks, c => Assert.True(c.Mark is "✓" or "○", $"{c.Mark} {c.Name}"));
        Assert.Equal(stored.NotImplemented, shown.Checks.Count(c => c.Mark == "○"));

        Assert.Empty(shown.MathCellsUntypeset);
        Assert.Equal(0, shown.MathErrors);
        Assert.Empty(shown.RawTex);
        Assert.Equal(shown.MathCells > 0, shown.Typeset > 0);

        Assert.Equal((1, true), closed);
        Assert.Empty(await jupyter.Kernels());
    }

    [ToolTheory("/usr/bin/jupyter-notebook")]
    [MemberData(nameof(NotebooksWithCharts))]
    public async Task OfflineEveryChartShowsItsImage(string name)
    {
        var stored = StoredNotebook.Read(Path.Combine(Repository.Root, "notebooks", name));
        Assert.True(jupyter.Executed.Contains(name), $"{name} was not executed and saved by the first pass (see its failure)");

        var page = await NotebookPage.OpenAsync(jupyter, name, servePlotly: false, NotebookTimeout);
        PageReport shown;
        (int Sessions, bool AllDeleted) closed;
        try
        {
            await page.SettleAsync(ChartTimeout);
            shown = await page.ReportAsync();
            await page.ScreenshotChartsAsync(jupyter.ScreenshotDir, "offline");
        }
        finally
        {
            closed = await page.CloseAsync();
        }

        Assert.True(shown.Trusted, "the saved notebook is not trusted, so its chart scripts did not run");
        Assert.Equal(stored.Charts, shown.Charts.Count);
        Assert.NotEmpty(page.PlotlyRequests); // the chart scripts ran and asked for plotly.js, which was refused
        Assert.All(shown.Charts, c => Assert.True(!c.Drawn && c.ImageShown && c.Height > 100,
            $"chart in cell {c.Cell}: drawn {c.Drawn}, image shown {c.ImageShown}, height {c.Height}"));
        Assert.Equal((1, true), closed);
        Assert.Empty(await jupyter.Kernels());
    }
}
