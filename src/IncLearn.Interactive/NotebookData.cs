using System.Text.Json;

namespace IncLearn.Interactive;

/// <summary>
/// Finds the repository's <c>data/</c> folder from the notebook's folder (the kernel's working directory) by walking up,
/// so notebooks never hard-code absolute paths, and loads its JSON files.
/// </summary>
public static class NotebookData
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip };

    /// <summary>The full path of <paramref name="fileName"/> inside the nearest <c>data/</c> folder above <paramref name="startDirectory"/>
    /// (default: the current directory).</summary>
    /// <exception cref="FileNotFoundException">no <c>data/</c> folder above holds the file; the message lists every path searched.</exception>
    public static string PathOf(string fileName, string? startDirectory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        var searched = new List<string>();
        for (var dir = new DirectoryInfo(startDirectory ?? Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = System.IO.Path.Combine(dir.FullName, "data", fileName);
            searched.Add(candidate);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException(
            $"data file '{fileName}' not found; searched: {string.Join(", ", searched)}", fileName);
    }

    /// <summary>Loads and deserializes a JSON data file (case-insensitive property names).</summary>
    public static T Load<T>(string fileName, string? startDirectory = null)
    {
        string path = PathOf(fileName, startDirectory);
        return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Options)
            ?? throw new InvalidDataException($"data file '{path}' holds null");
    }

    /// <summary>Loads a JSON data file as a document, for ad-hoc access.</summary>
    public static JsonElement LoadJson(string fileName, string? startDirectory = null)
        => JsonDocument.Parse(File.ReadAllText(PathOf(fileName, startDirectory))).RootElement.Clone();
}
