using IncLearn.Processes;
using System.Text.Json.Nodes;

namespace IncLearn.FirstRun.Tests;

/// <summary>
/// The package as users get it: <c>dotnet pack</c> of the library into a folder feed, and a notebook outside the repository
/// that only references the package (<c>#i "nuget: FEED"</c>, <c>#r "nuget: IncLearn.Interactive, V"</c>), run in the real
/// kernel through Jupyter (nbclient, the pinned kernelspec). It must get the formatters with no setup call (the package's
/// extension.dib), a chart with its image, and a check. The version is unique per run, so the kernel never takes a
/// stale copy from the NuGet cache; that copy is removed afterwards.
/// </summary>
[Trait("Tier", "App")]
public sealed class PackageFeedTests
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(15);

    [ToolFact("/usr/bin/python3", "-c \"import nbclient, ipykernel\"")]
    public async Task ANotebookOutsideTheRepositoryGetsFormattersAChartWithItsImageAndACheckFromTheFeed()
    {
        string root = Path.Combine(Path.GetTempPath(), "inclearn-feed-" + Guid.NewGuid().ToString("N"));
        string version = "0.1.0-feedtest." + Guid.NewGuid().ToString("N")[..12];
        string feed = Path.Combine(root, "feed");
        try
        {
            foreach (var project in new[] { "src/IncLearn", "src/IncLearn.Interactive" })
                await Step("dotnet", ["pack", project, "-c", "Release", "-o", feed, "--artifacts-path", Path.Combine(root, "build"), $"-p:Version={version}", "-nologo"], Repository.Root);
            foreach (var id in new[] { "IncLearn", "IncLearn.Interactive" })
                AssertMetadata(Path.Combine(feed, $"{id}.{version}.nupkg"), id);
            await Step("/usr/bin/python3", [Path.Combine(Repository.Root, "scripts", "install-kernelspec.py"), Path.Combine(root, "jupyter")], Repository.Root);
            KernelHttpPorts.Isolate(Path.Combine(root, "jupyter"));

            string notebook = Path.Combine(root, "mine", "uses-the-package.ipynb");
            Directory.CreateDirectory(Path.GetDirectoryName(notebook)!);
            File.WriteAllText(notebook, Notebook(
                $"#i \"nuget: {feed}\"\n#r \"nuget: IncLearn.Interactive, {version}\"",
                "MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseIdentity(2)",
                "IncLearn.Interactive.Figures.Series(new double[] { 0, 1, 2, 3 }, new (string, double[])[] { (\"2^x\", new double[] { 1, 2, 4, 8 }) }, \"From the package\", \"x\", \"y\")",
                "IncLearn.Interactive.Check.Close(\"one plus one\", 1.0 + 1.0, 2.0, 1e-12)"));

            var (code, log) = await ChildProcess.RunAsync("/usr/bin/python3",
                [Path.Combine(Repository.Root, "tests", "RealKernel", "execute_nbclient.py"), Path.Combine(root, "out"), notebook],
                Path.GetDirectoryName(notebook)!, StepTimeout,
                new Dictionary<string, string> { ["JUPYTER_PATH"] = Path.Combine(root, "jupyter"), ["JUPYTER_RUNTIME_DIR"] = Path.Combine(root, "runtime") });
            Assert.True(code == 0, log);

            var cells = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "out", Path.GetFileName(notebook))))!["cells"]!.AsArray();
            var outputs = cells.Select(c => c!["outputs"]!.AsArray().Select(o => o!).ToArray()).ToArray();
            Assert.DoesNotContain(outputs.SelectMany(o => o), o => (string?)o["output_type"] == "error");

            // Formatters registered by the package's extension.dib: the matrix as the library's HTML table.
            Assert.Contains("inclearn-matrix", Data(outputs[1], "text/html"));

            var chart = Assert.Single(outputs[2], o => o["data"]?["application/vnd.plotly.v1+json"] is not null);
            Assert.False(string.IsNullOrWhiteSpace(Text(chart["data"]!["image/png"])));
            string html = Text(chart["data"]!["text/html"]);
            Assert.Contains("inclearn-png-", html);
            Assert.Contains("data:image/png;base64,", html);

            var checks = JsonNode.Parse(Data(outputs[3], "application/vnd.inclearn.checks+json"))!.AsArray();
            var check = Assert.Single(checks);
            Assert.Equal("one plus one", (string?)check!["name"]);
            Assert.True((bool)check["passed"]!);
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
            string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } p ? p
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            foreach (var id in new[] { "inclearn", "inclearn.interactive" })
            {
                string cached = Path.Combine(packages, id, version.ToLowerInvariant());
                if (Directory.Exists(cached)) Directory.Delete(cached, recursive: true);
                if (Directory.Exists(Path.Combine(packages, id)) && !Directory.EnumerateFileSystemEntries(Path.Combine(packages, id)).Any())
                    Directory.Delete(Path.Combine(packages, id));
            }
        }
    }

    /// <summary>What a package page shows: a description, a license expression, a readme that is in the package, tags.</summary>
    private static void AssertMetadata(string package, string id)
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(package);
        using var reader = new StreamReader(zip.GetEntry($"{id}.nuspec")!.Open());
        var metadata = System.Xml.Linq.XDocument.Parse(reader.ReadToEnd()).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Field(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;
        Assert.True(Field("description") is { Length: > 80 }, $"{id}: description '{Field("description")}'");
        var license = metadata.Elements().Single(e => e.Name.LocalName == "license");
        Assert.Equal("expression", license.Attribute("type")?.Value);
        Assert.False(string.IsNullOrWhiteSpace(license.Value));
        string readme = Field("readme") ?? "";
        Assert.NotNull(zip.GetEntry(readme));
        Assert.False(string.IsNullOrWhiteSpace(Field("tags")), $"{id}: no tags");
    }

    /// <summary>The one output of a cell that has <paramref name="mime"/>, as text.</summary>
    private static string Data(JsonNode[] outputs, string mime) => Text(Assert.Single(outputs, o => o["data"]?[mime] is not null)["data"]![mime]);

    private static string Text(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        JsonValue value when value.TryGetValue<string>(out var s) => s,
        null => "",
        _ => node.ToJsonString(),
    };

    /// <summary>An nbformat 4.5 notebook of C# code cells for the pinned kernelspec (.net-csharp).</summary>
    private static string Notebook(params string[] cells)
    {
        var list = new JsonArray();
        for (int i = 0; i < cells.Length; i++)
            list.Add(new JsonObject
            {
                ["cell_type"] = "code", ["id"] = $"cell-{i}", ["metadata"] = new JsonObject(), ["execution_count"] = null,
                ["outputs"] = new JsonArray(), ["source"] = cells[i],
            });
        return new JsonObject
        {
            ["cells"] = list,
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
                ["language_info"] = new JsonObject { ["name"] = "C#" },
            },
            ["nbformat"] = 4, ["nbformat_minor"] = 5,
        }.ToJsonString();
    }

    private static async Task Step(string exe, string[] args, string workingDirectory)
    {
        var (code, output) = await ChildProcess.RunAsync(exe, args, workingDirectory, StepTimeout);
        Assert.True(code == 0, $"{exe} {string.Join(" ", args)} → {code}\n{output}");
    }
}
