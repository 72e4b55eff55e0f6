using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace IncLearn.Runner;

/// <summary>
/// plotly.js for offline pages, without a reference to any chart library: the runner reads the <c>plotly-*.min.js</c>
/// resource that Plotly.NET embeds, from the newest Plotly.NET package in the NuGet packages folder (where the notebooks'
/// <c>#r "nuget:"</c> put it), with System.Reflection.Metadata (the assembly is never loaded).
/// </summary>
public static class PlotlyScript
{
    /// <summary>plotly.js source, or null when no restored Plotly.NET package carries it.</summary>
    public static string? Find()
    {
        string folder = Path.Combine(KernelTool.PackagesFolder(), "plotly.net");
        if (!Directory.Exists(folder)) return null;
        var dlls = Directory.EnumerateFiles(folder, "Plotly.NET.dll", SearchOption.AllDirectories)
            .OrderByDescending(f => Version.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(f)))), out var v) ? v : new Version());
        foreach (var dll in dlls)
            if (Resource(dll) is { } js) return js;
        return null;
    }

    private static string? Resource(string dll)
    {
        try
        {
            using var stream = File.OpenRead(dll);
            using var pe = new PEReader(stream);
            var md = pe.GetMetadataReader();
            foreach (var handle in md.ManifestResources)
            {
                var res = md.GetManifestResource(handle);
                string name = md.GetString(res.Name);
                if (!res.Implementation.IsNil || !name.EndsWith(".min.js", StringComparison.Ordinal) || !name.Contains("plotly-", StringComparison.Ordinal)) continue;
                var dir = pe.GetSectionData(pe.PEHeaders.CorHeader!.ResourcesDirectory.RelativeVirtualAddress);
                var reader = dir.GetReader((int)res.Offset, dir.Length - (int)res.Offset);
                int length = reader.ReadInt32();
                return System.Text.Encoding.UTF8.GetString(reader.ReadBytes(length));
            }
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or InvalidOperationException or UnauthorizedAccessException) { }
        return null;
    }
}
