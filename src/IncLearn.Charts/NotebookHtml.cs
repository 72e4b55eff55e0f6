using System.Text.Json;
using IncLearn.Html;

namespace IncLearn.Charts;

/// <summary>
/// A figure's notebook HTML, written from its figure JSON: a div and a script that loads plotly.js through require.js and
/// draws the figure — the markup Plotly.NET's <c>GenericChart.toChartHTML</c> writes with a require.js reference. Written
/// here rather than by Plotly.NET because its HTML path serializes the whole figure a second time (about as long as the
/// JSON itself: 0.1–0.5 s per figure), while the JSON already holds the data and layout to embed.
/// </summary>
internal static class NotebookHtml
{
    private const string RequireJs = "https://cdnjs.cloudflare.com/ajax/libs/require.js/2.3.6/require.min.js";

    /// <summary>The HTML for the figure JSON <paramref name="figureJson"/>, drawn into a div with id <paramref name="divId"/>. The JSON
    /// goes into the script through <see cref="SafeHtml.ScriptJson"/>: titles and series names can never close the script.</summary>
    public static string Write(string figureJson, string divId, string plotlyCdn)
    {
        using var figure = JsonDocument.Parse(figureJson);
        string data = SafeHtml.ScriptJson(figure.RootElement.GetProperty("data").GetRawText());
        string layout = SafeHtml.ScriptJson(figure.RootElement.GetProperty("layout").GetRawText());
        string render = "renderPlotly_" + divId.Replace("-", "");
        return "<div><div id=\"" + divId + "\"><!-- Plotly chart will be drawn inside this DIV --></div><script type=\"text/javascript\">\n"
            + "var " + render + " = function() {\n"
            + "    var fsharpPlotlyRequire = requirejs.config({context:'fsharp-plotly',paths:{plotly:'" + plotlyCdn + "'}}) || require;\n"
            + "    fsharpPlotlyRequire(['plotly'], function(Plotly) {\n"
            + "        var data = " + data + ";\n"
            + "        var layout = " + layout + ";\n"
            + "        var config = {\"responsive\":true};\n"
            + "        Plotly.newPlot('" + divId + "', data, layout, config);\n"
            + "    });\n"
            + "};\n"
            + "if ((typeof(requirejs) !==  typeof(Function)) || (typeof(requirejs.config) !== typeof(Function))) {\n"
            + "    var script = document.createElement(\"script\");\n"
            + "    script.setAttribute(\"charset\", \"utf-8\");\n"
            + "    script.setAttribute(\"src\", \"" + RequireJs + "\");\n"
            + "    script.onload = function(){\n"
            + "        " + render + "();\n"
            + "    };\n"
            + "    document.getElementsByTagName(\"head\")[0].appendChild(script);\n"
            + "}\n"
            + "else {\n"
            + "    " + render + "();\n"
            + "}\n"
            + "</script></div>";
    }
}
