using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IncLearn.Runner;

/// <summary>A notebook that could not be read: the file and the JSON position of the problem.</summary>
public sealed class NotebookFormatException(string path, string message) : Exception($"{path}: {message}")
{
    /// <summary>The notebook's path.</summary>
    public string Path { get; } = path;
}

/// <summary>
/// Reads and writes .ipynb files as JSON trees, so everything the runner does not understand (unknown metadata, cell ids,
/// markdown) is kept as it was. Writes are atomic: a temporary file in the same folder, then a rename.
/// </summary>
public static class NotebookFile
{
    /// <summary>The JSON style VS Code Polyglot Notebooks and nbformat write: one-space indent, non-ASCII kept as is.</summary>
    public static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Parses a notebook; a JSON error names the file, line and byte position.</summary>
    public static JsonObject Parse(string text, string path)
    {
        try
        {
            var node = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
            if (node is not JsonObject obj) throw new NotebookFormatException(path, "the top level is not a JSON object");
            if (obj["cells"] is not JsonArray) throw new NotebookFormatException(path, "no \"cells\" array");
            return obj;
        }
        catch (JsonException e)
        {
            throw new NotebookFormatException(path, $"invalid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: {e.Message}");
        }
    }

    /// <summary>Reads and parses a notebook file.</summary>
    public static JsonObject Load(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Serializes a notebook in the nbformat/VS Code style, with a final newline.</summary>
    public static string Serialize(JsonObject notebook) => notebook.ToJsonString(WriteOptions) + "\n";

    /// <summary>Writes atomically: temporary file in the destination folder, then rename over the destination.</summary>
    public static void WriteAtomic(string path, string text)
    {
        string full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        string tmp = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(full)!, $".{System.IO.Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(tmp, text);
        File.Move(tmp, full, overwrite: true);
    }

    /// <summary>The source of a cell as one string (nbformat allows a string or a list of lines).</summary>
    public static string Source(JsonObject cell) => cell["source"] switch
    {
        JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>() ?? "")),
        JsonValue v => v.GetValue<string>(),
        _ => "",
    };

    /// <summary>Splits text into nbformat's list-of-lines form (each line keeps its newline, the last has none).</summary>
    public static JsonArray Lines(string text)
    {
        var arr = new JsonArray();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
            if (text[i] == '\n') { arr.Add(text[start..(i + 1)]); start = i + 1; }
        if (start < text.Length) arr.Add(text[start..]);
        return arr;
    }

    /// <summary>The tags of a cell (metadata.tags).</summary>
    public static IReadOnlyList<string> Tags(JsonObject cell)
        => cell["metadata"]?["tags"] is JsonArray tags ? tags.Select(t => t?.GetValue<string>() ?? "").ToArray() : [];

    /// <summary>The kernel a code cell targets: a leading #!name magic wins, then polyglot metadata, else csharp.</summary>
    public static string KernelOf(JsonObject cell)
    {
        string src = Source(cell).TrimStart();
        if (src.StartsWith("#!", StringComparison.Ordinal))
        {
            string magic = src[2..].Split('\n', 2)[0].Trim().Split(' ', 2)[0];
            if (magic is "csharp" or "c#" or "C#") return "csharp";
            if (magic is "fsharp" or "f#" or "F#" or "pwsh" or "powershell" or "javascript" or "js" or "sql" or "kql" or "html" or "mermaid" or "value" or "python" or "r")
                return magic;
        }
        return cell["metadata"]?["polyglot_notebook"]?["kernelName"]?.GetValue<string>()
            ?? cell["metadata"]?["dotnet_interactive"]?["language"]?.GetValue<string>()
            ?? "csharp";
    }
}
