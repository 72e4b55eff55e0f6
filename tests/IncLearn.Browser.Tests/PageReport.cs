namespace IncLearn.Browser.Tests;

/// <summary>What a notebook page shows after a run, read from Jupyter's notebook model and the DOM.</summary>
public sealed record PageReport
{
    /// <summary>Whether Jupyter trusts the notebook (its HTML outputs' scripts run only then).</summary>
    public bool Trusted { get; init; }

    /// <summary>Non-empty code cells without an execution count (not run, e.g. after an error).</summary>
    public List<int> NotRun { get; init; } = [];

    /// <summary>Error outputs, outside cells tagged raises-exception ("cell i: ename: evalue").</summary>
    public List<string> Errors { get; init; } = [];

    /// <summary>"Javascript error adding output!" blocks: an output's script threw.</summary>
    public List<string> JsErrors { get; init; } = [];

    public List<ChartView> Charts { get; init; } = [];

    public List<CheckRow> Checks { get; init; } = [];

    /// <summary>Markdown cells whose source has math ($ outside code).</summary>
    public int MathCells { get; init; }

    /// <summary>Markdown cells with math in their source but no typeset formula.</summary>
    public List<int> MathCellsUntypeset { get; init; } = [];

    /// <summary>Formulas MathJax typeset in the rendered markdown.</summary>
    public int Typeset { get; init; }

    public int MathErrors { get; init; }

    /// <summary>TeX left as text in rendered markdown (outside code), with its context.</summary>
    public List<string> RawTex { get; init; } = [];
}
