using System.Text.Json.Nodes;
using IncLearn.Runner;
using static IncLearn.Runner.Tests.TestNotebooks;

namespace IncLearn.Runner.Tests;

/// <summary>What the real kernel does reaches the notebook: outputs, magics, display updates, errors, working directory.</summary>
public class ExecutionTests
{
    [Trait("Tier", "Kernel")]
    [Fact]
    public void OutputsAreTheRealKernelsEvents()
    {
        using var dir = new TempFolder();
        var r = Execute(Write(dir, "a.ipynb",
            Cell("Console.WriteLine(\"one\");\nConsole.Write(\"two\");\nConsole.Error.WriteLine(\"err\");\n1 + 1"),
            Cell("var x = 5;"),
            Cell("var h = display(\"first\");\nh.Update(\"second\");"),
            Cell("#r \"nuget: Markdig, 0.31.0\""),
            Cell("#!time\nSystem.Threading.Thread.Sleep(10);"),
            Cell("var y = 7;\n#!who"),
            Cell("System.IO.Directory.GetCurrentDirectory()")));
        Assert.True(r.Passed, string.Join("; ", r.Cells.Select(c => c.Error)));
        var first = Outputs(r, 0);
        Assert.Equal("one\ntwo", Text(first[0]!["text"])); // consecutive writes to one stream merged
        Assert.Equal("stderr", first[1]!["name"]!.GetValue<string>());
        Assert.Equal("execute_result", first[2]!["output_type"]!.GetValue<string>());
        Assert.Equal(1, first[2]!["execution_count"]!.GetValue<int>());
        Assert.Contains("2", Text(first[2]!["data"]!["text/html"]));
        Assert.Empty(Outputs(r, 1)); // a statement shows nothing
        // The real kernel (1.0.712001) sends display(x).Update(y) with a fresh value id, which matches no display: as in
        // Jupyter/nbclient, the first display stays and no output is added.
        Assert.Equal("first", Text(Assert.Single(Outputs(r, 2))!["data"]!["text/plain"]));
        // An update whose id matches (the kernel's own package display: Installing → Installed) replaces the output.
        Assert.Contains("Installed Packages", AllText(r, 3));
        Assert.DoesNotContain("Installing Packages", AllText(r, 3));
        Assert.Contains("Wall time", AllText(r, 4)); // #!time is the tool's magic
        Assert.Contains("y", AllText(r, 5));
        Assert.Contains(((string)dir).TrimEnd('/'), AllText(r, 6)); // the kernel runs in the notebook's folder
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], ((JsonArray)r.Notebook!["cells"]!).Select(c => c!["execution_count"]!.GetValue<int>()));
    }

    [Trait("Tier", "Kernel")]
    [Fact]
    public void ChecksComeFromChecksOutputsOneByOne()
    {
        using var dir = new TempFolder();
        var r = Execute(Write(dir, "a.ipynb",
            Cell(DisplayChecks(("fine", true), ("also fine", true))),
            Cell(DisplayChecks(("too big", false)) + "\nthrow new Exception(\"Check failed: too big\");"),
            Cell("Microsoft.DotNet.Interactive.KernelInvocationContextExtensions.DisplayAs(Microsoft.DotNet.Interactive.KernelInvocationContext.Current, \"not json\", \"" + ChecksOutput.MimeType + "\");")),
            new RunOptions { AllowErrors = true });
        Assert.Equal(["fine", "also fine", "too big", "(malformed checks output)"], r.Checks.Select(c => c.Name));
        Assert.Equal([true, true, false, false], r.Checks.Select(c => c.Passed));
        Assert.Equal(1.5, r.Checks.First().Actual);
        Assert.Equal(CellStatus.Error, r.Cells[1].Status);
        Assert.IsType<CellFailedException>(r.Cells[1].Failure);
        Assert.False(r.Passed);
        var recorded = (JsonArray)r.Notebook!["cells"]![0]!["metadata"]!["inclearn"]!["checks"]!;
        Assert.Equal(["fine", "also fine"], recorded.Select(c => c!["name"]!.GetValue<string>()));
        Assert.Equal(System.Text.Json.JsonValueKind.Array, JsonValueKind(Outputs(r, 0)[0]!["data"]![ChecksOutput.MimeType])); // stored as JSON, not text
    }

    private static System.Text.Json.JsonValueKind JsonValueKind(JsonNode? n) => n!.GetValueKind();

    [Trait("Tier", "Kernel")]
    [Fact]
    public void AnErrorStopsTheNotebookAndClearsLaterCellsUnlessAllowErrors()
    {
        using var dir = new TempFolder();
        var stale = Cell("1");
        stale["execution_count"] = 9;
        stale["outputs"] = new JsonArray(new JsonObject { ["name"] = "stdout", ["output_type"] = "stream", ["text"] = "stale\n" });
        string path = Write(dir, "a.ipynb", Cell("throw new InvalidOperationException(\"boom\");"), stale);
        var stopped = Execute(path);
        Assert.Equal(CellStatus.Error, stopped.Cells[0].Status);
        Assert.Equal("System.InvalidOperationException: boom", stopped.Cells[0].Error);
        Assert.Equal("System.InvalidOperationException", Outputs(stopped, 0)[0]!["ename"]!.GetValue<string>());
        Assert.Equal(CellStatus.NotRun, stopped.Cells[1].Status);
        Assert.Empty(Outputs(stopped, 1));
        Assert.Null(stopped.Notebook!["cells"]![1]!["execution_count"]);
        Assert.False(stopped.Passed);
        Assert.NotNull(Comparison.Compare(NotebookFile.Load(path), stopped.Notebook, 1e-9));
        Assert.Contains("did not run", Comparison.Compare(stopped.Notebook, stopped.Notebook, 1e-9)); // even against itself

        var continued = Execute(path, new RunOptions { AllowErrors = true });
        Assert.Equal(CellStatus.Ok, continued.Cells[1].Status);
        Assert.Equal(2, continued.Notebook!["cells"]![1]!["execution_count"]!.GetValue<int>());
    }

    [Trait("Tier", "Kernel")]
    [Fact]
    public void TagsParametersAndCompileErrors()
    {
        using var dir = new TempFolder();
        var r = Execute(Write(dir, "a.ipynb",
            Cell("var alpha = 1.0;\nvar label = \"default\";", "parameters"),
            Cell("throw new Exception(\"expected\");", "raises-exception"),
            Cell("throw new Exception(\"never\");", "skip-execution"),
            Cell("$\"{alpha} {label}\"")),
            new RunOptions { Parameters = new Dictionary<string, string> { ["alpha"] = "0.5", ["label"] = "given" } });
        Assert.True(r.Passed, string.Join("; ", r.Cells.Select(c => c.Error)));
        var cells = (JsonArray)r.Notebook!["cells"]!;
        Assert.Equal("injected-parameters", cells[1]!["id"]!.GetValue<string>());
        Assert.Contains("0.5 given", AllText(r, 4));
        Assert.Equal("expected-error", cells[2]!["metadata"]!["inclearn"]!["status"]!.GetValue<string>());
        Assert.Equal(CellStatus.Skipped, r.Cells.Single(c => c.Index == 3).Status);

        var compile = Execute(Write(dir, "b.ipynb", Cell("var ok = 1;\nundefinedName + 1")));
        Assert.Contains("CS0103", compile.Cells[0].Error);
        Assert.Contains("(2,", compile.Cells[0].Error); // the kernel's own cell-relative position
    }

    [Trait("Tier", "Kernel")]
    [Fact]
    public void RelativeReferencesResolveAgainstTheNotebookFolder()
    {
        using var dir = new TempFolder();
        Directory.CreateDirectory(Path.Combine(dir, "lib"));
        File.Copy(typeof(Markdig.Markdown).Assembly.Location, Path.Combine(dir, "lib", "Markdig.dll"));
        var r = Execute(Write(dir, "a.ipynb", Cell("#r \"lib/Markdig.dll\"\nMarkdig.Markdown.ToHtml(\"*x*\")")));
        Assert.True(r.Passed, r.Cells[0].Error);
        Assert.Contains("<em>x</em>", AllText(r, 0));
    }

    [Trait("Tier", "Kernel")]
    [Fact]
    public void ConsoleReadLineFailsAtOnceWithAClearError()
    {
        using var dir = new TempFolder();
        var r = Execute(Write(dir, "a.ipynb", Cell("Console.ReadLine()")), new RunOptions { CellTimeout = TimeSpan.FromSeconds(60) });
        Assert.Equal(CellStatus.Error, r.Cells[0].Status);
        Assert.Contains("without standard input", r.Cells[0].Error);
        Assert.True(r.Cells[0].Seconds < 10, $"{r.Cells[0].Seconds} s");
    }

    /// <summary>Fidelity: the real kernel's default load context holds FSharp.Core 10.0.0.0, so Plotly.NET 6 (built against
    /// FSharp.Core 10.1) loaded with #r "nuget:" cannot build a chart there; the runner must fail the same way.</summary>
    [Trait("Tier", "Kernel")]
    [Fact]
    public void PlotlyNet6LoadedDirectlyFailsAsInTheRealKernel()
    {
        using var dir = new TempFolder();
        var r = Execute(Write(dir, "a.ipynb",
            Cell("#r \"nuget: Plotly.NET, 6.0.0\""),
            Cell("Plotly.NET.Chart.Invisible().ToString()", "raises-exception"),
            Cell("Plotly.NET.GenericChart.toChartHTML(null)")),
            new RunOptions { CellTimeout = TimeSpan.FromSeconds(240), AllowErrors = true });
        Assert.Equal(CellStatus.Ok, r.Cells[0].Status);
        foreach (int cell in new[] { 1, 2 })
        {
            var error = Outputs(r, cell).Last()!;
            Assert.Equal("System.IO.FileNotFoundException", error["ename"]!.GetValue<string>());
            Assert.Contains("FSharp.Core, Version=10.1.0.0", error["evalue"]!.GetValue<string>());
        }
        Assert.Equal(CellStatus.Error, r.Cells[2].Status);
        Assert.False(r.Passed);
    }

    [Trait("Tier", "Kernel")]
    [Fact]
    public void ASecondVersionOfAPackageIsRefusedWithTheKernelsMessage()
    {
        using var dir = new TempFolder();
        var r = Execute(Write(dir, "a.ipynb", Cell("#r \"nuget: Markdig, 0.31.0\""), Cell("#r \"nuget: Markdig, 0.45.0\"")),
            new RunOptions { CellTimeout = TimeSpan.FromSeconds(240) });
        Assert.Equal(CellStatus.Ok, r.Cells[0].Status);
        Assert.Equal(CellStatus.Error, r.Cells[1].Status);
        Assert.Contains("0.31.0", r.Cells[1].Error);
        Assert.Contains("Markdig", r.Cells[1].Error, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A package's interactive-extensions/dotnet/extension.dib runs when #r "nuget:" loads it: the tool's extension
    /// loader does that (not the kernel packages), so the runner gets it by driving the tool. The probe package is packed
    /// here: an empty library (the kernel looks for extensions only in packages that bring an assembly) and an extension.dib
    /// that sets an environment variable in the kernel process. Its version is a hash of its content, so a probe cached in
    /// ~/.nuget/packages by an earlier, different version of this test is never picked up.</summary>
    [Trait("Tier", "Kernel")]
    [Fact]
    public void APackagesExtensionDibRunsWhenThePackageIsLoaded()
    {
        using var dir = new TempFolder();
        string project = Path.Combine(dir, "probe");
        Directory.CreateDirectory(project);
        string dib = "#!meta\n\n{\"kernelInfo\":{\"defaultKernelName\":\"csharp\",\"items\":[{\"aliases\":[],\"name\":\"csharp\"}]}}\n\n#!csharp\n\n"
            + "System.Environment.SetEnvironmentVariable(\"INCLEARN_PROBE_EXTENSION\", \"extension.dib ran\");\n";
        string version = "1.0." + (BitConverter.ToUInt16(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(dib)), 0) + 1);
        File.WriteAllText(Path.Combine(project, "extension.dib"), dib);
        File.WriteAllText(Path.Combine(project, "Marker.cs"), "namespace InclearnExtensionProbe { public static class Marker { } }");
        File.WriteAllText(Path.Combine(project, "InclearnExtensionProbe.csproj"), $$"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Version>{{version}}</Version>
              </PropertyGroup>
              <ItemGroup>
                <None Include="extension.dib" Pack="true" PackagePath="interactive-extensions/dotnet" />
              </ItemGroup>
            </Project>
            """);
        string feed = Path.Combine(dir, "feed");
        var (code, log) = IncLearn.TestSupport.ToolFactAttribute.Run("dotnet", $"pack \"{project}\" -c Release -o \"{feed}\" -nologo", minutes: 10);
        Assert.True(code == 0, log);

        var r = Execute(Write(dir, "a.ipynb",
            Cell($"#i \"nuget: {feed}\"\n#r \"nuget: InclearnExtensionProbe, {version}\""),
            Cell("System.Environment.GetEnvironmentVariable(\"INCLEARN_PROBE_EXTENSION\") ?? \"extension.dib did not run\"")),
            new RunOptions { CellTimeout = TimeSpan.FromSeconds(240) });
        Assert.True(r.Passed, string.Join("; ", r.Cells.Select(c => c.Error)));
        Assert.Contains("Loading extension script", AllText(r, 0));
        Assert.Contains("extension.dib ran", AllText(r, 1));
    }
}
