using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Markdig;

namespace IncLearn.Runner;

/// <summary>
/// Standalone, offline HTML pages: markdown rendered by Markdig with math left in $…$ for KaTeX or MathJax, outputs shown,
/// charts drawn from their application/vnd.plotly.v1+json output with plotly.js inlined once per page (see <see cref="PlotlyScript"/>).
/// </summary>
public static partial class HtmlExport
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    [GeneratedRegex(@"\$\$.+?\$\$|\$[^\$\n]+?\$", RegexOptions.Singleline)]
    private static partial Regex MathSpan();

    /// <summary>Writes one page per notebook and an index.</summary>
    public static void Write(IReadOnlyList<(string Path, JsonObject Notebook)> notebooks, string directory, IReadOnlyDictionary<string, string>? names = null)
    {
        Directory.CreateDirectory(directory);
        var script = new Lazy<string?>(PlotlyScript.Find);
        var index = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Notebooks</title></head><body><h1>Notebooks</h1><ul>");
        foreach (var (path, nb) in notebooks)
        {
            string relative = names?.GetValueOrDefault(path) ?? Path.GetFileName(path);
            string name = Path.ChangeExtension(relative, ".html");
            NotebookFile.WriteAtomic(Path.Combine(directory, name), Page(Path.GetFileNameWithoutExtension(path), nb, script));
            index.Append($"<li><a href=\"{WebUtility.HtmlEncode(name)}\">{WebUtility.HtmlEncode(Path.ChangeExtension(relative, null))}</a></li>");
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

    private static string Page(string title, JsonObject nb, Lazy<string?> plotlyJs)
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
                                if (data["application/vnd.plotly.v1+json"] is JsonNode fig && plotlyJs.Value is not null)
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
        // Without a restored plotly.js the page still shows every chart's text/html output (which loads plotly.js online).
        string plotly = charts && plotlyJs.Value is { } js ? "<script>" + js + "</script>" : "";
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
