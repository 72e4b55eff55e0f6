namespace IncLearn.Interactive;

/// <summary>The plotly.js that Plotly.NET embeds (read through the chart engine), for offline pages.</summary>
public static class PlotlyJs
{
    private static readonly Lazy<string> source = new(() => ChartEngine.Builder.PlotlyJsSource());

    /// <summary>The plotly.js version.</summary>
    public static string Version => ChartEngine.Builder.PlotlyJsVersion;

    /// <summary>The minified plotly.js source.</summary>
    public static string Source => source.Value;
}
