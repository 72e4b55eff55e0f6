using System.IO.Compression;
using System.Reflection;
using IncLearn.TestSupport;

namespace IncLearn.Interactive.Tests;

public class PackageTests
{
    /// <summary>The real kernel runs interactive-extensions/dotnet/extension.dib of a package loaded with #r "nuget:";
    /// that is how the formatters register themselves there. The chart engine travels outside lib/ (so the kernel never
    /// references Plotly.NET directly), at the package root where ChartEngine looks for it.</summary>
    [Fact]
    [Trait("Tier", "App")] // packs the notebook layer from scratch (a fresh artifacts path): minutes, like an app build
    public void PackageCarriesTheKernelExtensionAndTheIsolatedChartEngine()
    {
        string root = typeof(PackageTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;
        string output = Path.Combine(Path.GetTempPath(), "inclearn-pack-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (code, log) = ToolFactAttribute.Run("dotnet",
                $"pack \"{Path.Combine(root, "src", "IncLearn.Interactive")}\" -c Release -o \"{output}\" --artifacts-path \"{Path.Combine(output, "build")}\" -nologo", minutes: 10);
            Assert.True(code == 0, log);
            using var zip = ZipFile.OpenRead(Directory.GetFiles(output, "IncLearn.Interactive.*.nupkg").Single());
            var dib = zip.GetEntry("interactive-extensions/dotnet/extension.dib");
            Assert.NotNull(dib);
            using (var reader = new StreamReader(dib.Open()))
                Assert.Contains("IncLearn.Interactive.Notebook.Setup();", reader.ReadToEnd());
            Assert.NotNull(zip.GetEntry("lib/net10.0/IncLearn.Interactive.dll"));
            Assert.NotNull(zip.GetEntry("charts/IncLearn.Charts.dll"));
            Assert.NotNull(zip.GetEntry("charts/FSharp.Core.dll"));
            Assert.NotNull(zip.GetEntry("charts/Plotly.NET.dll"));
            Assert.DoesNotContain(zip.Entries, e => e.FullName.StartsWith("lib/", StringComparison.Ordinal) && e.Name.StartsWith("Plotly", StringComparison.Ordinal));
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        }
    }
}
