using System.Reflection;
using System.Runtime.Loader;

namespace IncLearn.Interactive;

/// <summary>
/// The isolated load context of the chart engine: IncLearn.Charts, Plotly.NET, Plotly.NET.CSharp and their FSharp.Core 10.1
/// load here from the charts/ folder beside this assembly. Why: the real .NET Interactive kernel's default context already
/// holds FSharp.Core 10.0 (its F# kernel and package machinery use it), so Plotly.NET 6 can never load there. Everything not
/// in the folder (the base library) comes from the default context, so strings, arrays and tuples cross freely.
/// </summary>
internal sealed class ChartLoadContext(string folder) : AssemblyLoadContext("IncLearn.Charts", isCollectible: false)
{
    /// <summary>The folder the chart engine's assemblies are loaded from.</summary>
    public string Folder { get; } = folder;

    /// <inheritdoc/>
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        string path = Path.Combine(Folder, assemblyName.Name + ".dll");
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }
}
