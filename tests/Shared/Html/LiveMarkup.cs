// Shared by the test projects that check HTML writers (linked explicitly: it needs AngleSharp).
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace IncLearn.TestSupport;

/// <summary>
/// Hostile text for every place a user's words reach HTML, and the check that a page carries none of it as markup: parsed as a
/// browser parses it (AngleSharp), the page has exactly the scripts its writer puts there, no event-handler attribute outside
/// them, and the hostile text shows as text.
/// </summary>
public static class LiveMarkup
{
    /// <summary>Closes a script, opens an image with a handler, breaks a line for old JavaScript, closes an attribute, opens a comment.</summary>
    public const string Hostile = "</script><script>alert(1)</script> <img src=x onerror=alert(2)> a\u2028b\u2029c \"'><svg onload=alert(3)> <!-- &amp;";

    /// <summary>Parses <paramref name="html"/> and asserts it has <paramref name="scripts"/> script elements and no live markup.</summary>
    public static IDocument AssertNone(string html, int scripts)
    {
        var document = new HtmlParser().ParseDocument(html);
        Assert.Equal(scripts, document.Scripts.Length);
        Assert.Empty(document.QuerySelectorAll("svg"));
        foreach (var element in document.All)
        {
            Assert.False(element.LocalName == "img" && element.GetAttribute("src") == "x", "the hostile <img> became an element");
            if (element.LocalName == "script") continue; // a script's own onload (KaTeX's auto-render) is the writer's
            Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        }
        return document;
    }

    /// <summary>The JSON value between <paramref name="before"/> and the next <paramref name="after"/> in a script, parsed.</summary>
    public static JsonElement JsonIn(IElement script, string before, string after)
    {
        string text = script.TextContent;
        int start = text.IndexOf(before, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{before}' not in the script");
        start += before.Length;
        int end = text.IndexOf(after, start, StringComparison.Ordinal);
        Assert.True(end > start, $"'{after}' not after '{before}' in the script");
        using var json = JsonDocument.Parse(text[start..end]);
        return json.RootElement.Clone();
    }

    /// <summary>Asserts two JSON values are equal (objects by member, arrays by position, strings by value).</summary>
    public static void AssertSameJson(JsonElement expected, JsonElement actual)
        => Assert.True(JsonElement.DeepEquals(expected, actual), $"JSON differs:\n{expected.GetRawText()[..Math.Min(400, expected.GetRawText().Length)]}\n{actual.GetRawText()[..Math.Min(400, actual.GetRawText().Length)]}");
}
