using System.Net;

namespace IncLearn.Interactive.Tests;

/// <summary>PocketView writes non-ASCII text as character references (× as &amp;#215;); tests read the text a browser shows.</summary>
internal static class HtmlText
{
    public static string Decoded(this string html) => WebUtility.HtmlDecode(html);
}
