using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Markdig;
using Spectre.Console;

namespace IncLearn.Runner;

/// <summary>The end-of-run report: a table per notebook, every failed check with its numbers, runner timings.</summary>
public static class Reports
{
    /// <summary>Whether to draw with Spectre.Console (a terminal without NO_COLOR) or write plain lines.</summary>
    public static bool Rich => !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;

    /// <summary>Prints the summary table and the failures.</summary>
    public static void Print(IReadOnlyList<NotebookResult> results, TextWriter output)
    {
        if (Rich)
        {
            var table = new Table().AddColumns("notebook", "cells", "checks passed", "checks failed", "status", "seconds", "in cells", "overhead");
            foreach (var r in results)
                table.AddRow(Markup.Escape(Path.GetFileName(r.Path)), r.Cells.Count(c => c.Status != CellStatus.Skipped).ToString(),
                    r.Checks.Count(c => c.Passed).ToString(), r.Checks.Count(c => !c.Passed).ToString(),
                    r.Passed ? "[green]passed[/]" : "[red]FAILED[/]", r.WallSeconds.ToString("F2"), r.CellSeconds.ToString("F2"),
                    (r.WallSeconds - r.CellSeconds).ToString("F2"));
            AnsiConsole.Write(table);
        }
        else
        {
            output.WriteLine($"{"notebook",-44} {"cells",5} {"checks ok",9} {"failed",6} {"status",7} {"seconds",8} {"in cells",8} {"overhead",8}");
            foreach (var r in results)
                output.WriteLine($"{Path.GetFileName(r.Path),-44} {r.Cells.Count(c => c.Status != CellStatus.Skipped),5} {r.Checks.Count(c => c.Passed),9} {r.Checks.Count(c => !c.Passed),6} {(r.Passed ? "passed" : "FAILED"),7} {r.WallSeconds,8:F2} {r.CellSeconds,8:F2} {r.WallSeconds - r.CellSeconds,8:F2}");
        }
        foreach (var r in results)
        {
            if (r.FatalError is not null) output.WriteLine($"FAILED {r.Path}: {r.FatalError}");
            foreach (var c in r.Cells.Where(c => c.Status is CellStatus.Error or CellStatus.Timeout))
                output.WriteLine($"FAILED {Path.GetFileName(r.Path)} cell {c.Index}: {c.Error}");
            foreach (var c in r.Checks.Where(c => !c.Passed))
                output.WriteLine($"FAILED CHECK {Path.GetFileName(r.Path)}: {c.Name}: {c.Detail}");
        }
        int checks = results.Sum(r => r.Checks.Count()), failed = results.Sum(r => r.Checks.Count(c => !c.Passed));
        output.WriteLine($"{results.Count} notebooks, {results.Count(r => r.Passed)} passed; {checks - failed} checks passed, {failed} failed");
        if (results.Count > 0)
        {
            double wall = results.Sum(r => r.WallSeconds), cells = results.Sum(r => r.CellSeconds);
            var later = results.Skip(1).ToArray();
            string overheadLater = later.Length > 0 ? $"{later.Average(r => r.WallSeconds - r.CellSeconds):F2}" : "n/a";
            output.WriteLine($"timings: notebooks {wall:F2} s in total, {cells:F2} s inside cells; overhead per notebook: first {results[0].WallSeconds - results[0].CellSeconds:F2} s, later ones {overheadLater} s on average");
        }
    }

    /// <summary>JUnit XML: a test suite per notebook, a test case per check and per failing cell.</summary>
    public static void WriteJUnit(IReadOnlyList<NotebookResult> results, string path)
    {
        var suites = new XElement("testsuites");
        foreach (var r in results)
        {
            var suite = new XElement("testsuite", new XAttribute("name", Path.GetFileName(r.Path)), new XAttribute("time", r.WallSeconds.ToString("F3")));
            int tests = 0, failures = 0;
            foreach (var cell in r.Cells)
            {
                foreach (var c in cell.Checks)
                {
                    tests++;
                    var tc = new XElement("testcase", new XAttribute("classname", Path.GetFileName(r.Path)), new XAttribute("name", c.Name));
                    if (!c.Passed) { failures++; tc.Add(new XElement("failure", new XAttribute("message", c.Detail), c.Detail)); }
                    suite.Add(tc);
                }
                if (cell.Status is CellStatus.Error or CellStatus.Timeout)
                {
                    tests++; failures++;
                    suite.Add(new XElement("testcase", new XAttribute("classname", Path.GetFileName(r.Path)), new XAttribute("name", $"cell {cell.Index} runs"),
                        new XElement("failure", new XAttribute("message", cell.Error ?? ""), cell.Error)));
                }
            }
            if (r.FatalError is not null)
            {
                tests++; failures++;
                suite.Add(new XElement("testcase", new XAttribute("classname", Path.GetFileName(r.Path)), new XAttribute("name", "notebook runs"),
                    new XElement("failure", new XAttribute("message", r.FatalError), r.FatalError)));
            }
            suite.Add(new XAttribute("tests", tests), new XAttribute("failures", failures));
            suites.Add(suite);
        }
        NotebookFile.WriteAtomic(path, new XDocument(suites).ToString());
    }
}

/// <summary>
/// Standalone, offline HTML pages: markdown rendered by Markdig with math left in $…$ for KaTeX or MathJax, outputs shown,
/// charts drawn from their application/vnd.plotly.v1+json output with plotly.js inlined once per page (Plotly.NET's embedded copy).
/// </summary>
public static partial class HtmlExport
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    [GeneratedRegex(@"\$\$.+?\$\$|\$[^\$\n]+?\$", RegexOptions.Singleline)]
    private static partial Regex MathSpan();

    /// <summary>Writes one page per notebook and an index.</summary>
    public static void Write(IReadOnlyList<(string Path, JsonObject Notebook)> notebooks, string directory)
    {
        Directory.CreateDirectory(directory);
        var index = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Notebooks</title></head><body><h1>Notebooks</h1><ul>");
        foreach (var (path, nb) in notebooks)
        {
            string name = Path.GetFileNameWithoutExtension(path) + ".html";
            NotebookFile.WriteAtomic(Path.Combine(directory, name), Page(Path.GetFileNameWithoutExtension(path), nb));
            index.Append($"<li><a href=\"{WebUtility.HtmlEncode(name)}\">{WebUtility.HtmlEncode(Path.GetFileNameWithoutExtension(path))}</a></li>");
        }
        NotebookFile.WriteAtomic(Path.Combine(directory, "index.html"), index.Append("</ul></body></html>").ToString());
    }

    /// <summary>Markdown to HTML with math spans protected from Markdig (kept verbatim for KaTeX/MathJax auto-render).</summary>
    public static string Markdown(string md)
    {
        var math = new List<string>();
        string protectedText = MathSpan().Replace(md, m => { math.Add(m.Value); return $"MATHSPAN{math.Count - 1}X"; });
        string html = Markdig.Markdown.ToHtml(protectedText, Pipeline);
        for (int i = 0; i < math.Count; i++) html = html.Replace($"MATHSPAN{i}X", WebUtility.HtmlEncode(math[i]));
        return html;
    }

    private static string Page(string title, JsonObject nb)
    {
        var body = new StringBuilder();
        bool charts = false;
        int chartId = 0;
        foreach (var cell in ((JsonArray)nb["cells"]!).OfType<JsonObject>())
        {
            string src = NotebookFile.Source(cell);
            switch (cell["cell_type"]?.GetValue<string>())
            {
                case "markdown": body.Append("<div class=\"md\">").Append(Markdown(src)).Append("</div>"); break;
                case "code":
                    body.Append("<pre class=\"code\">").Append(WebUtility.HtmlEncode(src)).Append("</pre>");
                    foreach (var o in (cell["outputs"] as JsonArray ?? []).OfType<JsonObject>())
                    {
                        switch (o["output_type"]?.GetValue<string>())
                        {
                            case "stream": body.Append("<pre class=\"stream\">").Append(WebUtility.HtmlEncode(Text(o["text"]))).Append("</pre>"); break;
                            case "error": body.Append("<pre class=\"error\">").Append(WebUtility.HtmlEncode($"{o["ename"]}: {o["evalue"]}")).Append("</pre>"); break;
                            default:
                                var data = o["data"] as JsonObject ?? [];
                                if (data["application/vnd.plotly.v1+json"] is JsonNode fig)
                                {
                                    charts = true;
                                    string id = $"chart{chartId++}";
                                    body.Append($"<div id=\"{id}\"></div><script>(function(){{var f={fig.ToJsonString()};Plotly.newPlot('{id}',f.data,f.layout,f.config||{{}});}})();</script>");
                                }
                                else if (data["text/html"] is JsonNode html) body.Append("<div class=\"output\">").Append(Text(html)).Append("</div>");
                                else if (data["text/plain"] is JsonNode plain) body.Append("<pre class=\"output\">").Append(WebUtility.HtmlEncode(Text(plain))).Append("</pre>");
                                break;
                        }
                    }
                    break;
            }
        }
        string plotly = charts ? "<script>" + IncLearn.Interactive.PlotlyJs.Source + "</script>" : "";
        return $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(title)}</title>"
            + "<style>body{font-family:sans-serif;max-width:1100px;margin:auto}pre.code{background:#f4f4f4;padding:6px}pre.error{color:#b00}</style>"
            + plotly + "</head><body>" + body + "</body></html>";
    }

    private static string Text(JsonNode? node) => node switch
    {
        JsonArray a => string.Concat(a.Select(x => x?.GetValue<string>() ?? "")),
        JsonValue v => v.GetValue<string>(),
        _ => "",
    };
}
