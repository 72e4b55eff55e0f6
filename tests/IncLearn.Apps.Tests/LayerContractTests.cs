using IncLearn.Interactive;
using IncLearn.Runner;

namespace IncLearn.Apps.Tests;

/// <summary>The notebook layer and the runner never reference each other; what they share is asserted here.</summary>
public class LayerContractTests
{
    [Fact]
    public void ChecksMimeTypeIsTheSameOnBothSides()
        => Assert.Equal(Notebook.ChecksMimeType, ChecksOutput.MimeType);

    [Fact]
    public void PrecisionMarksAreTheSameOnBothSides()
    {
        // The notebook layer writes them into a trace's meta; the runner's comparison reads them.
        Assert.Equal(Figure.ErrorSeriesMeta, FigureComparison.ErrorSeriesMeta);
        Assert.Equal(Figure.AmplifiedRoundingSeriesMeta, FigureComparison.AmplifiedRoundingSeriesMeta);
    }

    [Fact]
    public void PlotlyMimeTypeIsTheOneTheTestsRead()
        => Assert.Equal(Notebook.PlotlyMimeType, IncLearn.TestSupport.NotebookOutputs.PlotlyMime);
}
