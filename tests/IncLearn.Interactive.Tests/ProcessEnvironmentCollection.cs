namespace IncLearn.Interactive.Tests;

/// <summary>Tests that point XDG_CACHE_HOME (one setting for the whole process) at a temporary PNG cache run alone, after the
/// others: any test that renders a chart's HTML draws its PNG into the cache that variable names, and a FormatterTests run
/// beside BrowserTests left a second PNG in BrowserTests' cache (CI, 2026-12-08).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "Process environment";
}
