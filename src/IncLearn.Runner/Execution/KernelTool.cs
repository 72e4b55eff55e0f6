using System.Text.Json.Nodes;

namespace IncLearn.Runner;

/// <summary>
/// Finds the real kernel: the <c>Microsoft.dotnet-interactive</c> tool pinned in the nearest local tool manifest
/// (<c>.config/dotnet-tools.json</c>), as restored by <c>dotnet tool restore</c> into the NuGet packages folder. The runner
/// starts it as <c>dotnet tool run dotnet-interactive</c> would (<c>dotnet exec</c> of the tool's entry assembly), without
/// the extra launcher process.
/// </summary>
public static class KernelTool
{
    /// <summary>The tool's package id in the manifest.</summary>
    public const string PackageId = "microsoft.dotnet-interactive";

    /// <summary>Environment variable that names the tool's entry assembly directly (overrides the manifest).</summary>
    public const string OverrideVariable = "INCLEARN_DOTNET_INTERACTIVE";

    /// <summary>The tool's <c>Microsoft.DotNet.Interactive.App.dll</c>; throws <see cref="KernelNotFoundException"/> saying what to do when missing.</summary>
    public static string Locate(IEnumerable<string> startFolders)
    {
        if (Environment.GetEnvironmentVariable(OverrideVariable) is { Length: > 0 } explicitPath)
            return File.Exists(explicitPath) ? explicitPath : throw new KernelNotFoundException(PackageId, $"{OverrideVariable}={explicitPath}: no such file");
        foreach (var start in startFolders)
        {
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            {
                string manifest = Path.Combine(d.FullName, ".config", "dotnet-tools.json");
                if (!File.Exists(manifest)) continue;
                string? version = Version(manifest);
                if (version is null) continue;
                string packageFolder = Path.Combine(PackagesFolder(), PackageId, version, "tools");
                // A fresh clone has the manifest but not the tool: restore it once, as `dotnet tool run` would ask.
                if (EntryAssembly(packageFolder) is null) RestoreTools(d.FullName);
                return EntryAssembly(packageFolder)
                    ?? throw new KernelNotFoundException(PackageId, $"the kernel {PackageId} {version} pinned in {manifest} is not restored and `dotnet tool restore` did not restore it");
            }
        }
        throw new KernelNotFoundException(PackageId, $"no local tool manifest (.config/dotnet-tools.json) pinning {PackageId} above {string.Join(" or ", startFolders)}");
    }

    private static string? EntryAssembly(string packageFolder)
        => Directory.Exists(packageFolder)
            ? Directory.EnumerateFiles(packageFolder, "Microsoft.DotNet.Interactive.App.dll", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).LastOrDefault()
            : null;

    private static readonly object RestoreGate = new();

    private static void RestoreTools(string folder)
    {
        lock (RestoreGate)
        {
            var psi = new System.Diagnostics.ProcessStartInfo("dotnet", ["tool", "restore"]) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
            using var p = System.Diagnostics.Process.Start(psi);
            if (p is null) return;
            var output = p.StandardOutput.ReadToEndAsync();
            var errors = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(TimeSpan.FromMinutes(5))) p.Kill(entireProcessTree: true);
            p.WaitForExit();
            if (p.ExitCode != 0) throw new KernelNotFoundException(PackageId, $"`dotnet tool restore` in {folder} failed: {errors.Result}{output.Result}");
        }
    }

    private static string? Version(string manifest)
    {
        try
        {
            var tools = JsonNode.Parse(File.ReadAllText(manifest))?["tools"] as JsonObject;
            var entry = tools?.FirstOrDefault(t => string.Equals(t.Key, PackageId, StringComparison.OrdinalIgnoreCase)).Value;
            return entry?["version"]?.GetValue<string>();
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or IOException) { return null; }
    }

    /// <summary>The NuGet global packages folder (<c>NUGET_PACKAGES</c>, else <c>~/.nuget/packages</c>), where restores put packages.</summary>
    internal static string PackagesFolder()
        => Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } p ? p
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
}
