// One source, compiled into each assembly that writes HTML (IncLearn.Interactive, IncLearn.Charts, IncLearn.Runner): the
// runner may not reference the notebook layer, and the chart engine loads in an isolated context, so none can share a type.
using System.Net;
using System.Text;

namespace IncLearn.Html;

/// <summary>
/// The only way this project puts text into HTML: <see cref="Text"/> for element content and attribute values, and
/// <see cref="ScriptJson"/> for JSON inside a &lt;script&gt;. Nothing a user passes (titles, series names, notebook text)
/// becomes markup or code.
/// </summary>
internal static class SafeHtml
{
    /// <summary>Text as HTML text: &lt;, &gt;, &amp;, " and ' become character references, so it is safe in element content
    /// and in a quoted attribute value.</summary>
    public static string Text(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>
    /// JSON text made safe inside a &lt;script&gt; element: &lt;, &gt; and &amp; become \u003c, \u003e and \u0026 (so no
    /// "&lt;/script&gt;" or "&lt;!--" can end or confuse the element), and U+2028/U+2029 become \u2028/\u2029 (line
    /// terminators in older JavaScript). In valid JSON these characters occur only inside strings, where the escapes denote
    /// the same characters: the value a script reads is unchanged.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public static string ScriptJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.AsSpan().IndexOfAny("<>&\u2028\u2029") < 0) return json;
        var safe = new StringBuilder(json.Length + 64);
        foreach (char c in json)
        {
            switch (c)
            {
                case '<': safe.Append("\\u003c"); break;
                case '>': safe.Append("\\u003e"); break;
                case '&': safe.Append("\\u0026"); break;
                case '\u2028': safe.Append("\\u2028"); break;
                case '\u2029': safe.Append("\\u2029"); break;
                default: safe.Append(c); break;
            }
        }
        return safe.ToString();
    }
}
