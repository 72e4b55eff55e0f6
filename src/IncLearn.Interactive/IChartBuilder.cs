namespace IncLearn.Interactive;

/// <summary>
/// The chart engine's API as seen from the kernel's context: each member calls the static method of the same name and
/// parameter types on IncLearn.Charts' <c>ChartBuilder</c> (through <see cref="ChartBuilderProxy"/>). Base-library types only.
/// Each chart comes back as its plotly.js figure JSON and its notebook HTML.
/// </summary>
internal interface IChartBuilder
{
    string PlotlyJsVersion { get; }

    string PlotlyJsSource();

    (string FigureJson, string Html) FromJson(string json);

    (string FigureJson, string Html) Trajectories(double[] t, double[][] sigmaW, double[] targets, string[] targetLabels,
        (double Start, double End)[] windows, string title);

    (string FigureJson, string Html) TrajectoryPanels((string Label, double[] T, double[][] SigmaW)[] panels, double[] targets, string title);

    (string FigureJson, string Html) AlphaSlider((string Label, double[] T, double[][] SigmaW)[] steps, double[] targets, string title);

    (string FigureJson, string Html) ErrorToBestRankK(double[] t, double[][] errors, double epsilon, string epsilonLabel,
        (double Start, double End)[] windows, string title);

    (string FigureJson, string Html) Series(double[] x, (string Name, double[] Y)[] series, string title, string xTitle, string yTitle,
        bool logY, bool logX, bool markers);

    (string FigureJson, string Html) StyledSeries(double[] x, (string Name, double[] Y, int Color, int Dash, bool Markers)[] series,
        (string Name, double Value, bool Vertical)[] thresholds, string title, string xTitle, string yTitle, bool logY, bool logX);

    (string FigureJson, string Html) HistogramWithDensity(double[] samples, double[] densityX, double[] densityY,
        string samplesName, string densityName, string title, string xTitle);

    (string FigureJson, string Html) EmpiricalCdf(double[] samples, double markAt, string samplesName, string markName, string title, string xTitle, bool logX);

    (string FigureJson, string Html) SeriesWithThresholds(double[] x, (string Name, double[] Y)[] series,
        (string Name, double Y)[] horizontal, (string Name, double X)[] vertical, string title, string xTitle, string yTitle, bool logY, bool logX);
}
