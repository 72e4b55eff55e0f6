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

    /// <summary>The tool's <c>Microsoft.DotNet.Interactive.App.dll</c>; throws <see cref="DeadKernelError"/> saying what to do when missing.</summary>
    public static string Locate(IEnumerable<string> startFolders)
    {
        if (Environment.GetEnvironmentVariable(OverrideVariable) is { Length: > 0 } explicitPath)
            return File.Exists(explicitPath) ? explicitPath : throw new DeadKernelError($"{OverrideVariable}={explicitPath}: no such file");
        foreach (var start in startFolders)
        {
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            {
                string manifest = Path.Combine(d.FullName, ".config", "dotnet-tools.json");
                if (!File.Exists(manifest)) continue;
                string? version = Version(manifest);
                if (version is null) continue;
                string packageFolder = Path.Combine(PackagesFolder(), PackageId, version, "tools");
                var dll = Directory.Exists(packageFolder)
                    ? Directory.EnumerateFiles(packageFolder, "Microsoft.DotNet.Interactive.App.dll", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).LastOrDefault()
                    : null;
                return dll ?? throw new DeadKernelError($"the kernel {PackageId} {version} pinned in {manifest} is not restored: run `dotnet tool restore` in {d.FullName}");
            }
        }
        throw new DeadKernelError($"no local tool manifest (.config/dotnet-tools.json) pinning {PackageId} above {string.Join(" or ", startFolders)}");
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

    private static string PackagesFolder()
        => Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } p ? p
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
}
