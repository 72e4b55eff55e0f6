using System.Text.Json;
using IncLearn.Interactive;
using IncLearn;
using IncLearn.TestSupport;
using Microsoft.DotNet.Interactive.Formatting;
using static IncLearn.TestSupport.LiveMarkup;

namespace IncLearn.Interactive.Tests;

/// <summary>Hostile titles, series names, axis titles, check names and hypothesis text through every HTML the notebook layer
/// writes (a figure's notebook HTML and standalone page, the static-image page, the app's saved page, check and theorem
/// cards): none of it becomes markup, and the figure JSON inside each script reads back unchanged.</summary>
public class HostileTextTests
{
    public HostileTextTests() => Notebook.Setup();

    private static Figure HostileFigure()
        => Figures.Series([1.0, 2], [(Hostile, new[] { 1.0, 2 }), ("b" + Hostile, new[] { 2.0, 1 })], Hostile, Hostile, Hostile);

    [Fact]
    public void FigureNotebookHtmlCarriesTheTextAsData()
    {
        var figure = HostileFigure();
        var page = AssertNone(figure.Html, scripts: 1);
        using var expected = JsonDocument.Parse(figure.Json);
        AssertSameJson(expected.RootElement.GetProperty("data"), JsonIn(page.Scripts[0], "var data = ", ";\n"));
        AssertSameJson(expected.RootElement.GetProperty("layout"), JsonIn(page.Scripts[0], "var layout = ", ";\n"));
        Assert.Equal(Hostile, JsonIn(page.Scripts[0], "var data = ", ";\n")[0].GetProperty("name").GetString());
        // The formatter's text/html is the same HTML (with the PNG fallback when a browser is present; see the Browser tier).
        Assert.Contains(figure.Html, figure.ToDisplayString("text/html"));
    }

    [Fact]
    public void StandalonePageAndSavedAppPageCarryTheTextAsData()
    {
        var figure = HostileFigure();
        var page = AssertNone(figure.StandaloneHtml(), scripts: 2); // plotly.js, then the figure
        Assert.Equal(Hostile, page.Title);
        using var expected = JsonDocument.Parse(figure.Json);
        AssertSameJson(expected.RootElement, JsonIn(page.Scripts[1], "var fig = ", "; Plotly.newPlot"));
        using var folder = new TemporaryFolder();
        string saved = Path.Combine(folder.Path, "figure.html"); // what a generated app writes (ConsoleDisplay)
        figure.SaveHtml(saved);
        Assert.Equal(figure.StandaloneHtml(), File.ReadAllText(saved));
    }

    [Fact]
    public void StaticImagePageCarriesTheTextAsData()
    {
        var figure = HostileFigure();
        var page = AssertNone(StaticImage.Page(figure), scripts: 2);
        using var expected = JsonDocument.Parse(figure.Json);
        AssertSameJson(expected.RootElement, JsonIn(page.Scripts[1], "var fig = ", "; Plotly.newPlot"));
    }

    [Fact]
    public void CheckCardsShowTheTextAsText()
    {
        var checks = Check.All(Check.That(Hostile, true, Hostile), Check.Close(Hostile, 1, 1, 1e-9));
        var card = AssertNone(checks.ToDisplayString("text/html"), scripts: 0);
        Assert.Contains(Hostile, card.Body!.TextContent);
        var failed = Assert.Throws<CheckFailedException>(() => Check.That(Hostile, false, Hostile)).Result;
        AssertNone(failed.ToDisplayString("text/html"), scripts: 0);
    }

    [Fact]
    public void TheoremAndHypothesisCardsShowTheTextAsText()
    {
        var hypothesis = new Hypothesis(Hostile, false, 1, Hostile, 2, Hostile);
        var card = AssertNone(hypothesis.ToDisplayString("text/html"), scripts: 0);
        Assert.Contains(Hostile, card.Body!.TextContent);
        var y = Target.FromSpectrum([4, 3, 2, 1], 4, seed: 5);
        var theorem = new Theorem3(y, [1, 1, 1, 1], 0.1);
        AssertNone(theorem.ToDisplayString("text/html"), scripts: 0);
    }

    [Fact]
    public void ExplorablePageCarriesTheTextAsData()
    {
        var explorable = Explorables.SpectralTrajectories([2, 1], [1, 1], 1e-3, 0, 10, points: 11, title: Hostile);
        var page = AssertNone(explorable.Html, scripts: 1);
        using var expected = JsonDocument.Parse(explorable.SpecJson);
        AssertSameJson(expected.RootElement, JsonIn(page.Scripts[0], "var spec = ", ";\nvar root"));
    }

    [ToolFact(HeadlessChromium.Executable, "--version")]
    [Trait("Tier", "Browser")]
    public void FigureWithImageFallbackCarriesTheTextAsData()
    {
        var figure = HostileFigure();
        var page = AssertNone(figure.HtmlWithImageFallback(), scripts: 2); // the chart, then the fallback remover
        var image = Assert.Single(page.Images);
        Assert.Equal(Hostile, image.AlternativeText);
        using var expected = JsonDocument.Parse(figure.Json);
        AssertSameJson(expected.RootElement.GetProperty("layout"), JsonIn(page.Scripts[0], "var layout = ", ";\n"));
    }

    /// <summary>A folder deleted with everything in it.</summary>
    private sealed class TemporaryFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("inclearn-hostile-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
