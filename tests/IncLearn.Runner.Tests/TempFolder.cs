namespace IncLearn.Runner.Tests;

/// <summary>A fresh temporary folder, deleted (with everything in it) on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "inclearn-runner-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public static implicit operator string(TempFolder f) => f.Path;

    public void Dispose()
    {
        // Make read-only files and folders deletable again first.
        foreach (var f in Directory.EnumerateFileSystemEntries(Path, "*", SearchOption.AllDirectories))
            if (!OperatingSystem.IsWindows() && new FileInfo(f).LinkTarget is null) File.SetUnixFileMode(f, File.GetUnixFileMode(f) | UnixFileMode.UserWrite | UnixFileMode.UserRead | UnixFileMode.UserExecute);
        Directory.Delete(Path, recursive: true);
        string parent = System.IO.Path.GetDirectoryName(Path)!;
        try { if (!Directory.EnumerateFileSystemEntries(parent).Any()) Directory.Delete(parent); } catch (IOException) { /* another test's folder */ }
    }
}
