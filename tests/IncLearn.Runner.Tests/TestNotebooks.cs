using System.Text.Json.Nodes;
using IncLearn.Runner;

namespace IncLearn.Runner.Tests;

/// <summary>Writes small Polyglot notebooks into a fresh temporary folder.</summary>
public static class TestNotebooks
{
    public static string NewFolder()
    {
        string dir = Path.Combine(Path.GetTempPath(), "inclearn-runner-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

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

    public static string Write(string dir, string name, params JsonObject[] cells)
    {
        var nb = new JsonObject
        {
            ["cells"] = new JsonArray(cells.Select(c => (JsonNode?)c).ToArray()),
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
                ["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" },
                ["polyglot_notebook"] = new JsonObject { ["kernelInfo"] = new JsonObject { ["defaultKernelName"] = "csharp" } },
            },
            ["nbformat"] = 4, ["nbformat_minor"] = 5,
        };
        string path = Path.Combine(dir, name);
        File.WriteAllText(path, NotebookFile.Serialize(nb));
        return path;
    }

    /// <summary>Executes in this process (fast path for semantics tests).</summary>
    public static NotebookResult Execute(string path, ExecutionOptions? options = null)
        => NotebookExecutor.ExecuteAsync(path, NotebookFile.Load(path), options ?? new ExecutionOptions()).GetAwaiter().GetResult();

    public static JsonArray Outputs(NotebookResult r, int cellIndex) => (JsonArray)((JsonArray)r.Notebook!["cells"]!)[cellIndex]!["outputs"]!;

    public static string Text(JsonNode? node) => node switch
    {
        JsonArray a => string.Concat(a.Select(x => x!.GetValue<string>())),
        JsonValue v => v.GetValue<string>(),
        _ => node?.ToJsonString() ?? "",
    };
}
