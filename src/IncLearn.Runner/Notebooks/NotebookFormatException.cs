namespace IncLearn.Runner;

/// <summary>A notebook that could not be read or is not a notebook: the file and what is wrong, with the JSON position when known.</summary>
public sealed class NotebookFormatException(string path, string message) : RunnerException($"{path}: {message}")
{
    /// <summary>The notebook's path.</summary>
    public string Path { get; } = path;
}
