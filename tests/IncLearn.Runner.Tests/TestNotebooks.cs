using System.Text.Json.Nodes;
using IncLearn.Runner;

namespace IncLearn.Runner.Tests;

/// <summary>Writes small Polyglot notebooks and runs them on the real kernel.</summary>
public static class TestNotebooks
{
    public static JsonObject Cell(string source, params string[] tags)
    {
        var meta = new JsonObject
        {
            ["dotnet_interactive"] = new JsonObject { ["language"] = "csharp" },
            ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" },
        };
        if (tags.Length > 0) meta["tags"] = new JsonArray(tags.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray());
        return new JsonObject
        {
            ["cell_type"] = "code", ["execution_count"] = null, ["id"] = Guid.NewGuid().ToString("N")[..8],
            ["metadata"] = meta, ["outputs"] = new JsonArray(), ["source"] = NotebookFile.Lines(source),
        };
    }

    public static JsonObject Markdown(string text) => new()
    {
        ["cell_type"] = "markdown", ["id"] = Guid.NewGuid().ToString("N")[..8], ["metadata"] = new JsonObject(), ["source"] = NotebookFile.Lines(text),
    };

    public static JsonObject Notebook(params JsonObject[] cells) => new()
    {
        ["cells"] = new JsonArray(cells.Select(c => (JsonNode?)c).ToArray()),
        ["metadata"] = new JsonObject
        {
            ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
            ["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" },
            ["polyglot_notebook"] = new JsonObject { ["kernelInfo"] = new JsonObject { ["defaultKernelName"] = "csharp", ["items"] = new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["name"] = "csharp" }) } },
        },
        ["nbformat"] = 4, ["nbformat_minor"] = 5,
    };

    public static string Write(string dir, string name, params JsonObject[] cells)
    {
        string path = Path.Combine(dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, NotebookFile.Serialize(Notebook(cells)));
        return path;
    }

    /// <summary>A display of checks as the notebook layer renders them (application/vnd.inclearn.checks+json), from a cell.</summary>
    public static string DisplayChecks(params (string Name, bool Passed)[] checks)
    {
        string json = "[" + string.Join(",", checks.Select(c =>
            $$"""{\"name\":\"{{c.Name}}\",\"passed\":{{(c.Passed ? "true" : "false")}},\"kind\":\"at-most\",\"actual\":1.5,\"expected\":2,\"tolerance\":null,\"detail\":\"1.5 ≤ 2\"}""")) + "]";
        return $"Microsoft.DotNet.Interactive.KernelInvocationContextExtensions.DisplayAs(Microsoft.DotNet.Interactive.KernelInvocationContext.Current, \"{json}\", \"{ChecksOutput.MimeType}\");";
    }

    public static NotebookResult Execute(string path, RunOptions? options = null)
        => NotebookRunner.RunAsync([path], options ?? new RunOptions { CellTimeout = TimeSpan.FromSeconds(120) }).GetAwaiter().GetResult()[0];

    public static JsonArray Outputs(NotebookResult r, int cellIndex) => (JsonArray)((JsonArray)r.Notebook!["cells"]!)[cellIndex]!["outputs"]!;

    public static string Text(JsonNode? node) => node is JsonObject o ? o.ToJsonString() : NotebookFile.Text(node);

    /// <summary>Every output of a cell flattened to text (streams, MIME data, errors).</summary>
    public static string AllText(NotebookResult r, int cellIndex) => string.Join("\n", Outputs(r, cellIndex).OfType<JsonObject>().Select(o =>
        o["output_type"]!.GetValue<string>() switch
        {
            "stream" => Text(o["text"]),
            "error" => $"{o["ename"]}: {o["evalue"]}",
            _ => string.Join("\n", o["data"]!.AsObject().Select(kv => Text(kv.Value))),
        }));

    /// <summary>Whether a process with this id is still running, after giving a killed one a few seconds to go (a killed
    /// orphan stays a zombie until init reaps it: that counts as gone).</summary>
    public static bool Alive(int pid)
    {
        for (int i = 0; i < 50; i++)
        {
            string stat = $"/proc/{pid}/stat";
            string? state = null;
            try { state = File.ReadAllText(stat).Split(") ", 2)[1][..1]; } catch (IOException) { }
            if (state is null or "Z" or "X") return false;
            Thread.Sleep(100);
        }
        return true;
    }
}
