using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IncLearn.Html;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace IncLearn.Runner;

/// <summary>
/// Standalone, offline HTML pages: markdown by Markdig (its math extension marks $…$ and $$…$$, typeset by a local KaTeX, see
/// <see cref="KatexAssets"/>), links between notebooks pointing at their pages, previous/next links and an index, long code
/// lines wrapped, outputs shown, charts drawn from their application/vnd.plotly.v1+json output with plotly.js inlined once
/// per page (see <see cref="PlotlyScript"/>).
/// </summary>
public static partial class HtmlExport
{
    // DisableHtml: raw HTML in a markdown cell shows as text (the notebooks use none); nothing a notebook says becomes markup.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().UseMathematics().DisableHtml().Build();

    [GeneratedRegex(@"href=""([^""#:]+)\.ipynb(#[^""]*)?""")]
    private static partial Regex NotebookLink();

    private const string Style = "body{font-family:sans-serif;max-width:1100px;margin:auto;padding:0 12px}"
        + "pre{white-space:pre-wrap;overflow-wrap:anywhere}pre.code{background:#f4f4f4;padding:6px}pre.error{color:#b00}"
        + ".output,.md{overflow-x:auto}.output img{max-width:100%}nav{display:flex;justify-content:space-between;margin:12px 0}";

    /// <summary>Writes one page per notebook (at its name, e.g. solutions/01-….html), an index, and the KaTeX assets.</summary>
    /// <param name="notebooks">The notebooks, in reading order.</param>
    /// <param name="directory">Where the pages go.</param>
    /// <param name="names">Each notebook's name relative to the pages' root (default: its file name).</param>
    /// <param name="katex">The KaTeX to typeset math with (default: <see cref="KatexAssets.Find"/>).</param>
    /// <param name="plotlyJs">Where plotly.js comes from, asked once if a page has a chart (default: <see cref="PlotlyScript.Find"/>).</param>
    public static void Write(IReadOnlyList<(string Path, JsonObject Notebook)> notebooks, string directory,
        IReadOnlyDictionary<string, string>? names = null, KatexAssets? katex = null, Func<string?>? plotlyJs = null)
    {
        Directory.CreateDirectory(directory);
        katex ??= KatexAssets.Find();
        katex?.CopyTo(directory);
        var script = new Lazy<string?>(plotlyJs ?? PlotlyScript.Find);
        var pages = notebooks.Select(n => (n.Path, n.Notebook, Page: Path.ChangeExtension(names?.GetValueOrDefault(n.Path) ?? Path.GetFileName(n.Path), ".html").Replace('\\', '/'))).ToArray();
        var index = new StringBuilder();
        for (int i = 0; i < pages.Length; i++)
        {
            var (path, nb, page) = pages[i];
            string prefix = string.Concat(Enumerable.Repeat("../", page.Count(c => c == '/')));
            string nav = Nav(prefix, i > 0 ? pages[i - 1].Page : null, i + 1 < pages.Length ? pages[i + 1].Page : null);
            string full = Path.Combine(directory, page);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            NotebookFile.WriteAtomic(full, Page(Path.GetFileNameWithoutExtension(path), nb, script, prefix, nav, katex is not null));
            index.Append($"<li><a href=\"{SafeHtml.Text(page)}\">{SafeHtml.Text(Path.ChangeExtension(page, null))}</a></li>");
        }
        NotebookFile.WriteAtomic(Path.Combine(directory, "index.html"),
            $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Notebooks</title><style>{Style}</style></head><body><h1>Notebooks</h1><ul>{index}</ul></body></html>");
    }

    private static string Nav(string prefix, string? previous, string? next)
        => "<nav><span>" + (previous is null ? "" : $"<a rel=\"prev\" href=\"{prefix}{SafeHtml.Text(previous)}\">← {SafeHtml.Text(Path.ChangeExtension(previous, null))}</a>")
         + $"</span><a href=\"{prefix}index.html\">index</a><span>"
         + (next is null ? "" : $"<a rel=\"next\" href=\"{prefix}{SafeHtml.Text(next)}\">{SafeHtml.Text(Path.ChangeExtension(next, null))} →</a>") + "</span></nav>";

    /// <summary>Markdown to HTML: math marked for KaTeX (\(…\) and \[…\] inside span/div.math), links to notebooks rewritten to
    /// pages; raw HTML shown as text and links or images with a script scheme (javascript:, vbscript:, data: other than an image)
    /// pointed nowhere.</summary>
    public static string Markdown(string md)
    {
        var document = Markdig.Markdown.Parse(md, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
            if (!SafeUrl(link.Url)) link.Url = "#";
        foreach (var link in document.Descendants<AutolinkInline>())
            if (!SafeUrl(link.Url)) link.Url = "#";
        return NotebookLink().Replace(document.ToHtml(Pipeline), m => $"href=\"{m.Groups[1].Value}.html{m.Groups[2].Value}\"");
    }

    private static bool SafeUrl(string? url)
    {
        string scheme = new string((url ?? "").Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()).ToLowerInvariant();
        return !(scheme.StartsWith("javascript:", StringComparison.Ordinal) || scheme.StartsWith("vbscript:", StringComparison.Ordinal)
            || (scheme.StartsWith("data:", StringComparison.Ordinal) && !scheme.StartsWith("data:image/", StringComparison.Ordinal)));
    }

    /// <summary>MIME type of the notebook layer's in-page explorables (a chart whose sliders recompute it in the page): the page
    /// shows their text/html and inlines plotly.js for them.</summary>
    public const string ExplorableMimeType = "application/vnd.inclearn.explorable+json";

    private static string Page(string title, JsonObject nb, Lazy<string?> plotlyJs, string prefix, string nav, bool katex)
    {
        var body = new StringBuilder(nav);
        bool charts = false;
        int chartId = 0;
        foreach (var cell in new NotebookDocument(nb).Cells)
        {
            string src = cell.Source;
            switch (cell.Kind)
            {
                case "markdown": body.Append("<div class=\"md\">").Append(Markdown(src)).Append("</div>"); break;
                case "code":
                    body.Append("<pre class=\"code\">").Append(SafeHtml.Text(src)).Append("</pre>");
                    foreach (var o in (cell.Outputs ?? []).OfType<JsonObject>())
                    {
                        switch (o["output_type"]?.GetValue<string>())
                        {
                            case "stream": body.Append("<pre class=\"stream\">").Append(SafeHtml.Text(NotebookFile.Text(o["text"]))).Append("</pre>"); break;
                            case "error": body.Append("<pre class=\"error\">").Append(SafeHtml.Text($"{o["ename"]}: {o["evalue"]}")).Append("</pre>"); break;
                            default:
                                var data = o["data"] as JsonObject ?? [];
                                if (data["application/vnd.plotly.v1+json"] is JsonNode fig && FigureJson(fig) is { } json && plotlyJs.Value is not null)
                                {
                                    charts = true;
                                    string id = $"chart{chartId++}";
                                    body.Append($"<div class=\"output\" id=\"{id}\"></div><script>(function(){{var f={SafeHtml.ScriptJson(json)};Plotly.newPlot('{id}',f.data,f.layout,f.config||{{}});}})();</script>");
                                }
                                else if (data["text/html"] is JsonNode html)
                                {
                                    // An in-page explorable (its parameters MIME type marks it) draws with the page's plotly.js.
                                    if (data[ExplorableMimeType] is not null) charts = true;
                                    body.Append("<div class=\"output\">").Append(NotebookFile.Text(html)).Append("</div>");
                                }
                                else if (data["image/png"] is JsonNode png) body.Append($"<div class=\"output\"><img src=\"data:image/png;base64,{SafeHtml.Text(NotebookFile.Text(png).Trim())}\"></div>");
                                else if (data["text/plain"] is JsonNode plain) body.Append("<pre class=\"output\">").Append(SafeHtml.Text(NotebookFile.Text(plain))).Append("</pre>");
                                break;
                        }
                    }
                    break;
            }
        }
        body.Append(nav);
        // Without a restored plotly.js the page still shows every chart's text/html output (which loads plotly.js online).
        string plotly = charts && plotlyJs.Value is { } js ? "<script>" + js + "</script>" : "";
        return $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>{SafeHtml.Text(title)}</title>"
            + $"<style>{Style}</style>" + (katex ? KatexAssets.Head(prefix) : "") + plotly + "</head><body>" + body + "</body></html>";
    }

    // The real kernel sends the figure as JSON text; a JSON-aware writer may store the JSON itself. Only a JSON object goes
    // into a script (anything else is not a figure, and the output's other forms are shown instead).
    private static string? FigureJson(JsonNode fig)
    {
        string json = fig is JsonValue v && v.TryGetValue<string>(out var s) ? s : fig is JsonArray lines ? NotebookFile.Text(lines) : fig.ToJsonString();
        try
        {
            return JsonNode.Parse(json) is JsonObject ? json : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
