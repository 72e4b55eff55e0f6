using System.Text.Json.Nodes;

namespace IncLearn.Runner;

/// <summary>
/// The language a notebook's cells are written in, as VS Code Polyglot Notebooks reads it: <c>metadata.polyglot_notebook.kernelInfo.defaultKernelName</c>,
/// else the Jupyter kernelspec (<c>.net-csharp</c>, <c>.net-fsharp</c>, <c>.net-pwsh</c>/<c>.net-powershell</c>), else C#.
/// The result is one of the tool's <c>--default-kernel</c> values.
/// </summary>
public static class KernelLanguage
{
    /// <summary>The default kernels the pinned tool can start (its <c>stdio --default-kernel</c> choices that run notebook code).</summary>
    public static readonly IReadOnlyList<string> Supported = ["csharp", "fsharp", "pwsh"];

    private static readonly Dictionary<string, string> KernelNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["csharp"] = "csharp", ["c#"] = "csharp", ["fsharp"] = "fsharp", ["f#"] = "fsharp", ["pwsh"] = "pwsh", ["powershell"] = "pwsh",
    };

    private static readonly Dictionary<string, string> Kernelspecs = new(StringComparer.OrdinalIgnoreCase)
    {
        [".net-csharp"] = "csharp", [".net-fsharp"] = "fsharp", [".net-pwsh"] = "pwsh", [".net-powershell"] = "pwsh",
    };

    /// <summary>The notebook's default kernel; throws <see cref="KernelNotFoundException"/> naming a kernel it cannot run.</summary>
    public static string DefaultOf(JsonObject notebook)
    {
        var metadata = notebook["metadata"] as JsonObject;
        if (metadata?["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"] is JsonValue d && d.TryGetValue<string>(out var name))
            return KernelNames.TryGetValue(name, out var k) ? k
                : throw new KernelNotFoundException(name, $"metadata.polyglot_notebook.kernelInfo.defaultKernelName '{name}' is not a kernel this runner can start ({string.Join(", ", Supported)})");
        if (metadata?["kernelspec"]?["name"] is JsonValue s && s.TryGetValue<string>(out var spec))
            return Kernelspecs.TryGetValue(spec, out var k) ? k
                : throw new KernelNotFoundException(spec, $"metadata.kernelspec.name '{spec}' is not a kernel this runner can start ({string.Join(", ", Kernelspecs.Keys)})");
        return "csharp";
    }
}
