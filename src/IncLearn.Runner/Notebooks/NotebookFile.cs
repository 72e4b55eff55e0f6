using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IncLearn.Runner;

/// <summary>
/// Reads and writes .ipynb files as JSON trees, so everything the runner does not understand (unknown metadata, cell ids,
/// markdown) is kept as it was. Reading refuses what could not be written back unchanged (bytes that are not UTF-8,
/// duplicate keys, lone surrogates) and JSON of the wrong shape. Writes are atomic (a temporary file beside the real
/// target, then a rename), go through symlinks and keep the file mode.
/// </summary>
public static partial class NotebookFile
{
    /// <summary>The JSON style VS Code Polyglot Notebooks and nbformat write: one-space indent, non-ASCII kept as is.</summary>
    public static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Parses a notebook; a JSON error names the file, line and byte position.</summary>
    public static JsonObject Parse(string text, string path)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false, AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            string at = e.LineNumber is long line ? $" at line {line + 1}" + (e.BytePositionInLine is long b ? $", byte {b + 1}" : "") : "";
            throw new NotebookFormatException(path, $"invalid JSON{at}: {e.Message}");
        }
        if (node is not JsonObject obj) throw new NotebookFormatException(path, "the top level is not a JSON object");
        try { CheckStrings(obj, "$"); }
        catch (InvalidOperationException e) { throw new NotebookFormatException(path, e.Message); }
        if (NotebookShape.Problems(obj).FirstOrDefault() is { } problem) throw new NotebookFormatException(path, problem);
        return obj;
    }

    /// <summary>Reads and parses a notebook file; I/O failures and bytes that are not UTF-8 become <see cref="NotebookFormatException"/>.</summary>
    public static JsonObject Load(string path)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new NotebookFormatException(path, $"cannot read: {e.Message}");
        }
        string text;
        try { text = StrictUtf8.GetString(bytes); }
        catch (DecoderFallbackException e)
        {
            throw new NotebookFormatException(path, $"not UTF-8 (invalid byte at offset {e.Index}); refused rather than rewritten");
        }
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        return Parse(text, path);
    }

    /// <summary>Every string and property name must be valid UTF-16 (a lone surrogate such as "\ud800" cannot be written back as UTF-8).</summary>
    private static void CheckStrings(JsonNode? node, string where)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o) { CheckText(key, where); CheckStrings(value, $"{where}.{key}"); }
                break;
            case JsonArray a:
                for (int i = 0; i < a.Count; i++) CheckStrings(a[i], $"{where}[{i}]");
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                string s;
                try { s = v.GetValue<string>(); }
                catch (Exception e) when (e is InvalidOperationException or FormatException) { throw new InvalidOperationException($"{where}: unreadable string ({e.Message})"); }
                CheckText(s, where);
                break;
        }
    }

    private static void CheckText(string s, string where)
    {
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { i++; continue; }
            if (char.IsSurrogate(s[i])) throw new InvalidOperationException($"{where}: lone surrogate U+{(int)s[i]:X4} in a string (not valid Unicode); refused rather than rewritten");
        }
    }

    /// <summary>Serializes a notebook in the nbformat/VS Code style, with a final newline.</summary>
    public static string Serialize(JsonObject notebook) => notebook.ToJsonString(WriteOptions) + "\n";

    /// <summary>
    /// Writes atomically: a temporary file in the folder of the real target (a symlink is followed, not replaced), given the
    /// target's file mode, then renamed over it. The temporary file never survives a failure. <paramref name="refuseReadOnly"/>
    /// refuses a target without write permission (a rename would otherwise replace it, even as root).
    /// </summary>
    public static void WriteAtomic(string path, string text, bool refuseReadOnly = false)
    {
        string full = Path.GetFullPath(path);
        if (new FileInfo(full).LinkTarget is not null)
            full = new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
        string dir = Path.GetDirectoryName(full)!;
        UnixFileMode? mode = null;
        if (File.Exists(full) && !OperatingSystem.IsWindows())
        {
            mode = File.GetUnixFileMode(full);
            if (refuseReadOnly && (mode & UnixFileMode.UserWrite) == 0) throw new UnauthorizedAccessException($"{full} is read-only; not overwritten");
        }
        Directory.CreateDirectory(dir);
        SweepStaleTemporaries(dir, Path.GetFileName(full));
        string tmp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            // Held with FileShare.None (an advisory lock on Unix) until renamed: a sweep by another run leaves it alone.
            using (var stream = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(StrictUtf8.GetBytes(text));
                if (mode is { } m && !OperatingSystem.IsWindows()) File.SetUnixFileMode(stream.SafeFileHandle, m);
                stream.Flush(flushToDisk: true);
                File.Move(tmp, full, overwrite: true);
            }
        }
        finally
        {
            if (File.Exists(tmp)) File.Delete(tmp);
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("^\\..+\\.[0-9a-f]{32}\\.tmp$")]
    private static partial System.Text.RegularExpressions.Regex TemporaryName();

    /// <summary>Deletes temporary files of our own naming (<c>.NAME.&lt;guid&gt;.tmp</c>) for <paramref name="name"/> that a
    /// killed run left behind; one another run is still writing is locked and kept.</summary>
    private static void SweepStaleTemporaries(string dir, string name)
    {
        IEnumerable<string> candidates;
        try { candidates = Directory.EnumerateFiles(dir, $".{name}.*.tmp").ToArray(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return; }
        foreach (var f in candidates)
        {
            string file = Path.GetFileName(f);
            if (!TemporaryName().IsMatch(file) || file.Length != name.Length + 1 + 1 + 32 + 4) continue;
            try
            {
                using (new FileStream(f, FileMode.Open, FileAccess.ReadWrite, FileShare.None)) { }
                File.Delete(f);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* being written, or not ours to delete */ }
        }
    }

    /// <summary>nbformat's multi-line string (one string, or a list of lines) as one string; anything else is empty.</summary>
    public static string Text(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>() ?? "")),
        JsonValue v when v.TryGetValue<string>(out var s) => s,
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
}
