using System.Text.Json.Nodes;

namespace IncLearn.Runner.Tests;

/// <summary>Each line of <c>dotnet-interactive stdio</c>'s output becomes one typed event (or raw text), in the shapes the
/// tool writes: <c>{"event": {…}, "eventType": "…", "command": {"token": "…", "commandType": "SubmitCode", …}}</c>.</summary>
public class KernelEventParserTests
{
    private const string Command = """{"command":{"code":"x","targetKernelName":"csharp"},"commandType":"SubmitCode","token":"inclearn-7"}""";

    private static string Envelope(string eventType, string ev)
        => $$"""{"event":{{ev}},"eventType":"{{eventType}}","command":{{Command}},"routingSlip":["kernel://pid-1/csharp"]}""";

    private static KernelEvent Event(string eventType, string ev)
    {
        var (raw, e) = KernelEventParser.Parse(Envelope(eventType, ev));
        Assert.Equal("", raw);
        Assert.NotNull(e);
        Assert.Equal("inclearn-7", e.CommandToken);
        return e;
    }

    [Fact]
    public void StreamsCarryTheirText()
    {
        const string values = """{"formattedValues":[{"mimeType":"text/plain","value":"hi\n","suppressDisplay":false}],"valueId":null}""";
        Assert.Equal("hi\n", Assert.IsType<StandardOutputProduced>(Event("StandardOutputValueProduced", values)).Text);
        Assert.Equal("hi\n", Assert.IsType<StandardErrorProduced>(Event("StandardErrorValueProduced", values)).Text);
    }

    [Fact]
    public void ErrorProducedCarriesItsMessage()
        => Assert.Equal("CS1702: warning", Assert.IsType<ErrorProduced>(Event("ErrorProduced", """{"message":"CS1702: warning","formattedValues":[]}""")).Message);

    [Fact]
    public void DisplaysBecomeNbformatMimeBundles()
    {
        const string ev = """
            {"formattedValues":[
              {"mimeType":"text/plain","value":"line 1\nline 2","suppressDisplay":false},
              {"mimeType":"application/vnd.inclearn.checks+json","value":"[{\"name\":\"a\"}]","suppressDisplay":false},
              {"mimeType":"text/html","value":"<b>1</b>","suppressDisplay":false},
              {"mimeType":"text/markdown","value":"hidden","suppressDisplay":true}],
             "valueId":"v-1"}
            """;
        var d = Assert.IsType<DisplayedValueProduced>(Event("DisplayedValueProduced", ev.Replace("\n", "")));
        Assert.Equal("v-1", d.ValueId);
        Assert.Equal(["application/vnd.inclearn.checks+json", "text/html", "text/plain"], d.Data!.Select(p => p.Key)); // sorted, suppressed left out
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""[{"name":"a"}]"""), d.Data!["application/vnd.inclearn.checks+json"])); // JSON parsed
        Assert.Equal("""["line 1\n","line 2"]""", d.Data["text/plain"]!.ToJsonString()); // text as nbformat's lines

        var u = Assert.IsType<DisplayedValueUpdated>(Event("DisplayedValueUpdated", ev.Replace("\n", "")));
        Assert.Equal("v-1", u.ValueId);
        var r = Assert.IsType<ReturnValueProduced>(Event("ReturnValueProduced", """{"formattedValues":[{"mimeType":"text/plain","value":"3"}],"valueId":null}"""));
        Assert.Null(r.ValueId);
        Assert.Equal("""["3"]""", r.Data!["text/plain"]!.ToJsonString());
        Assert.Null(Assert.IsType<DisplayedValueProduced>(Event("DisplayedValueProduced", """{"formattedValues":[]}""")).Data);
    }

    [Fact]
    public void CommandsEndWithTheirToken()
    {
        Assert.IsType<CommandSucceeded>(Event("CommandSucceeded", "{}"));
        Assert.Equal("(1,1): error CS0103: The name 'y' does not exist in the current context",
            Assert.IsType<CommandFailed>(Event("CommandFailed", """{"message":"(1,1): error CS0103: The name 'y' does not exist in the current context"}""")).Message);
        Assert.Null(Assert.IsType<CommandFailed>(Event("CommandFailed", "{}")).Message);
    }

    [Fact]
    public void EventsWithoutOutputAreOther()
    {
        Assert.Equal("KernelReady", Assert.IsType<OtherKernelEvent>(Event("KernelReady", "{}")).EventType);
        Assert.Equal("CodeSubmissionReceived", Assert.IsType<OtherKernelEvent>(Event("CodeSubmissionReceived", """{"code":"x"}""")).EventType);
        Assert.IsType<OtherKernelEvent>(Event("StandardOutputValueProduced", "null")); // no event object: nothing to show
    }

    [Theory]
    [InlineData("printed by the cell", "printed by the cell\n")]
    [InlineData("{ not json", "{ not json\n")]
    [InlineData("""{"eventType":5}""", """{"eventType":5}""" + "\n")]
    [InlineData("", "\n")]
    public void LinesThatAreNotEnvelopesAreRawOutput(string line, string raw)
        => Assert.Equal(new KernelLine(raw, null), KernelEventParser.Parse(line));

    [Fact]
    public void RawTextGluedBeforeAnEnvelopeIsKeptApart()
    {
        var (raw, e) = KernelEventParser.Parse("no newline here" + Envelope("CommandSucceeded", "{}"));
        Assert.Equal("no newline here", raw);
        Assert.Equal("inclearn-7", Assert.IsType<CommandSucceeded>(e).CommandToken);
    }
}
