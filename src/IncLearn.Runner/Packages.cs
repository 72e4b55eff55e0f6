using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using Microsoft.CodeAnalysis;

namespace IncLearn.Runner;

/// <summary>
/// <c>#r "nuget: Name, Version"</c>. Packages the runner carries bind to its loaded assemblies (after a version check); any other
/// package is restored for real through a temporary project and <c>dotnet restore</c> (honouring <c>#i</c> sources and the
/// nuget.config above the notebook), cached between runs under ~/.cache/inclearn-runner.
/// </summary>
public static class Packages
{
    /// <summary>A package the runner carries: its name, version and the assemblies it binds to.</summary>
    public sealed record CarriedPackage(string Name, string Version, Assembly[] Assemblies);

    /// <summary>The carried packages.</summary>
    public static readonly IReadOnlyList<CarriedPackage> Carried =
    [
        new("MathNet.Numerics", "5.0.0", [typeof(MathNet.Numerics.LinearAlgebra.Matrix<double>).Assembly]),
        new("Plotly.NET", "6.0.0", [typeof(Plotly.NET.GenericChart).Assembly, typeof(Microsoft.FSharp.Core.FSharpOption<int>).Assembly, typeof(DynamicObj.DynamicObj).Assembly]),
        new("Plotly.NET.CSharp", "0.14.0", [typeof(Plotly.NET.CSharp.Chart).Assembly]),
        new("Microsoft.DotNet.Interactive.Formatting", "1.0.0-beta.23562.1", [typeof(Microsoft.DotNet.Interactive.Formatting.Formatter).Assembly]),
        new("IncLearn", "0.1.0", [typeof(IncLearn.Target).Assembly]),
        new("IncLearn.Interactive", "0.1.0", [typeof(IncLearn.Interactive.Notebook).Assembly, typeof(IncLearn.Target).Assembly]),
    ];

    /// <summary>The loaded assembly a referenced file name stands for, when the runner carries it.</summary>
    public static Assembly? CarriedByFileName(string fileName)
        => Carried.SelectMany(p => p.Assemblies).FirstOrDefault(a => string.Equals(Path.GetFileName(a.Location), fileName, StringComparison.OrdinalIgnoreCase));

    /// <summary>References for a package, or an error naming it.</summary>
    public static (IReadOnlyList<MetadataReference> References, string? Error) Resolve(string name, string? version, IReadOnlyList<string> sources, string notebookDirectory)
    {
        var carried = Carried.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        if (carried is not null)
        {
            if (version is not null && version != carried.Version && version != "*")
                return ([], $"package {name}: version {version} requested but the runner carries {carried.Version}; use #r \"nuget: {carried.Name}, {carried.Version}\"");
            return (carried.Assemblies.Select(a => (MetadataReference)MetadataReference.CreateFromFile(a.Location)).ToArray(), null);
        }
        try
        {
            var paths = Restore(name, version, sources, notebookDirectory);
            foreach (var p in paths) AppDomainResolver.Add(p);
            return (paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToArray(), null);
        }
        catch (Exception e)
        {
            return ([], $"package {name}{(version is null ? "" : ", " + version)} could not be restored: {e.Message}");
        }
    }

    /// <summary>Restores a package and its dependencies; returns the compile-time assembly paths (cached).</summary>
    private static IReadOnlyList<string> Restore(string name, string? version, IReadOnlyList<string> sources, string notebookDirectory)
    {
        string cacheRoot = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "inclearn-runner", "packages");
        string key = $"{name}-{version ?? "latest"}-{string.Join("|", sources).GetHashCode():x}".ToLowerInvariant();
        string dir = Path.Combine(cacheRoot, key);
        string listFile = Path.Combine(dir, "assemblies.txt");
        if (File.Exists(listFile)) return File.ReadAllLines(listFile).Where(File.Exists).ToArray();

        Directory.CreateDirectory(dir);
        string proj = Path.Combine(dir, "restore.csproj");
        string sourceProps = sources.Count == 0 ? "" :
            $"<RestoreAdditionalProjectSources>{string.Join(";", sources.Select(s => Path.GetFullPath(Path.Combine(notebookDirectory, s))))}</RestoreAdditionalProjectSources>";
        File.WriteAllText(proj, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>{sourceProps}</PropertyGroup>
              <ItemGroup><PackageReference Include="{name}" Version="{version ?? "*"}" /></ItemGroup>
            </Project>
            """);
        // The nuget.config nearest the notebook decides the sources, as for any project in the repository.
        string? config = FindUp(notebookDirectory, "nuget.config");
        var psi = new ProcessStartInfo("dotnet", $"restore \"{proj}\"" + (config is null ? "" : $" --configfile \"{config}\""))
        { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dir };
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var p = Process.Start(psi)!;
        string output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            string firstError = output.Split('\n').FirstOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase))?.Trim() ?? output.Trim();
            throw new InvalidOperationException(firstError);
        }
        var assets = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "obj", "project.assets.json"))).RootElement;
        string packagesFolder = assets.GetProperty("packageFolders").EnumerateObject().First().Name;
        var paths = new List<string>();
        foreach (var target in assets.GetProperty("targets").EnumerateObject())
            foreach (var lib in target.Value.EnumerateObject())
            {
                if (!lib.Value.TryGetProperty("compile", out var compile)) continue;
                string libPath = assets.GetProperty("libraries").GetProperty(lib.Name).GetProperty("path").GetString()!;
                foreach (var file in compile.EnumerateObject())
                    if (file.Name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
                        paths.Add(Path.Combine(packagesFolder, libPath, file.Name));
            }
        File.WriteAllLines(listFile, paths);
        return paths;
    }

    private static string? FindUp(string start, string fileName)
    {
        for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
        {
            var f = d.GetFiles().FirstOrDefault(x => string.Equals(x.Name, fileName, StringComparison.OrdinalIgnoreCase));
            if (f is not null) return f.FullName;
        }
        return null;
    }

    /// <summary>Lets restored assemblies load at run time from where the restore put them.</summary>
    private static class AppDomainResolver
    {
        private static readonly Dictionary<string, string> byName = new(StringComparer.OrdinalIgnoreCase);
        private static bool hooked;

        public static void Add(string path)
        {
            lock (byName)
            {
                byName[Path.GetFileNameWithoutExtension(path)] = path;
                if (hooked) return;
                hooked = true;
                AppDomain.CurrentDomain.AssemblyResolve += (_, args) =>
                {
                    string simple = new AssemblyName(args.Name).Name ?? "";
                    lock (byName) return byName.TryGetValue(simple, out var p) ? Assembly.LoadFrom(p) : null;
                };
            }
        }
    }
}
