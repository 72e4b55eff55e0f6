using System.Text.Json;

namespace IncLearn.Interactive;

/// <summary>
/// Finds the repository's <c>data/</c> folder from the notebook's folder (the kernel's working directory) by walking up,
/// so notebooks never hard-code absolute paths, and loads its JSON files.
/// </summary>
public static class NotebookData
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        // A data file that lacks a value a record needs fails to load instead of silently reading 0.
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>The nearest <c>data/</c> folder at or above <paramref name="startDirectory"/> (default: the current directory).</summary>
    /// <exception cref="FileNotFoundException">no such folder; the message lists every path searched.</exception>
    public static string FindDataFolder(string? startDirectory = null)
    {
        var searched = new List<string>();
        for (var dir = new DirectoryInfo(startDirectory ?? Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = System.IO.Path.Combine(dir.FullName, "data");
            searched.Add(candidate);
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"no data/ folder found; searched: {string.Join(", ", searched)}");
    }

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

    /// <summary>Opens a data file for reading values by name.</summary>
    public static DataSet Open(string fileName, string? startDirectory = null)
    {
        string path = PathOf(fileName, startDirectory);
        return new DataSet(JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone(), path);
    }

    /// <summary>Loads a JSON data file as a document, for ad-hoc access.</summary>
    public static JsonElement LoadJson(string fileName, string? startDirectory = null)
        => JsonDocument.Parse(File.ReadAllText(PathOf(fileName, startDirectory))).RootElement.Clone();
}

/// <summary>One data file's values, read by name (the JSON property names of the file).</summary>
public sealed class DataSet
{
    private readonly JsonElement root;

    /// <summary>Wraps a JSON object.</summary>
    public DataSet(JsonElement root, string source) { this.root = root; Source = source; }

    /// <summary>The file the values came from.</summary>
    public string Source { get; }

    private JsonElement Get(string name) => root.TryGetProperty(name, out var v) ? v
        : throw new KeyNotFoundException($"'{name}' is not in {Source}");

    /// <summary>A nested object.</summary>
    public DataSet this[string name] => new(Get(name), $"{Source}#{name}");

    /// <summary>An integer value.</summary>
    public int Int(string name) => Get(name).GetInt32();

    /// <summary>A number.</summary>
    public double Double(string name) => Get(name).GetDouble();

    /// <summary>An array of numbers.</summary>
    public double[] Doubles(string name) => Get(name).EnumerateArray().Select(e => e.GetDouble()).ToArray();

    /// <summary>An array of integers.</summary>
    public int[] Ints(string name) => Get(name).EnumerateArray().Select(e => e.GetInt32()).ToArray();

    /// <summary>The target these data describe: <c>Target.FromSpectrum(eigenvalues, n, phiSeed)</c>.</summary>
    public Target Target() => IncLearn.Target.FromSpectrum(Doubles("eigenvalues"), Int("n"), Int("phiSeed"));
}
