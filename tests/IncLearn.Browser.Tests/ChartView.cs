namespace IncLearn.Browser.Tests;

/// <summary>One chart output as the page shows it.</summary>
/// <param name="Cell">Index of its cell.</param>
/// <param name="Drawn">plotly.js drew it (an SVG inside the chart's div).</param>
/// <param name="ImageShown">Its PNG fallback is in the page, loaded and visible.</param>
/// <param name="Height">Height in pixels of the output as laid out (an empty box is a few pixels high).</param>
public sealed record ChartView(int Cell, bool Drawn, bool ImageShown, double Height);
