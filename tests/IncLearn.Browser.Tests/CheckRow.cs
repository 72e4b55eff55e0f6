namespace IncLearn.Browser.Tests;

/// <summary>One row of a check table as rendered: its mark (✓ or ✗) and its name.</summary>
public sealed record CheckRow(string Mark, string Name);
