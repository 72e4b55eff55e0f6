// Shared by the test projects (linked, not copied).
namespace IncLearn.TestSupport;

/// <summary>
/// One build of the repository's projects at a time across the test processes that `dotnet test` runs side by side (the
/// notebook fixtures build the library in Release, the app tests build apps that reference it): two MSBuild runs on the same
/// project at once fight over obj/. A file opened exclusively is the lock; it is deleted when released.
/// </summary>
public static class BuildLock
{
    public static async Task<IDisposable> AcquireAsync(string repositoryRoot)
    {
        string folder = Path.Combine(repositoryRoot, "artifacts");
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, "test-build.lock");
        for (var waited = System.Diagnostics.Stopwatch.StartNew(); ; await Task.Delay(250))
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (waited.Elapsed < TimeSpan.FromMinutes(20)) { }
        }
    }
}
