using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using IncLearn.Runner;
using static IncLearn.Runner.Tests.TestNotebooks;

namespace IncLearn.Runner.Tests;

/// <summary>
/// Build-it cells in the runner: their state in <c>run</c>'s report and JUnit (from recorded results), and <c>grade</c> over a
/// folder holding an unfilled copy, the solution and a wrong attempt, run on the real kernel with the library's Release build.
/// </summary>
public class GradingTests
{
    private static NotebookCheck BuildItCheck(string name, NotebookCheckStatus status) => new(name, status, "close", null, null, null, $"{name}: {status}") { BuildIt = true };

    // A recorded run: cell 0 setup, cell 1 build-it (scaffold), cell 2 build-it (filled, passing), cell 3 build-it (compile error).
    private static NotebookResult Recorded()
    {
        var nb = Notebook(Cell("setup"), Cell("scaffold", "build-it"), Cell("filled", "build-it"), Cell("broken", "build-it"));
        return new NotebookResult("/x/ch.ipynb", nb,
        [
            new CellResult(0, CellStatus.Ok, 0.1, [], null),
            new CellResult(1, CellStatus.Ok, 0.1, [new NotebookCheck("eq. (12)", NotebookCheckStatus.NotImplemented, "build-it", null, null, null, "not yet implemented: fill in the scaffold above") { BuildIt = true }], null),
            new CellResult(2, CellStatus.Ok, 0.1, [BuildItCheck("windows I_k", NotebookCheckStatus.Passed)], null),
            new CellResult(3, CellStatus.Error, 0.1, [], "(2,13): error CS1525: Invalid expression term ';'"),
        ], 1.0);
    }

    [Fact]
    public void RunReportAndJUnitGiveEachBuildItCellItsState()
    {
        var r = Recorded();
        var cells = BuildItCells.Of(r);
        Assert.Equal([BuildItState.NotImplemented, BuildItState.ImplementedPassing, BuildItState.ImplementedFailing], cells.Select(c => c.State));
        Assert.Equal(["eq. (12)", "windows I_k", "cell 3"], cells.Select(c => c.Label));

        var text = new StringWriter();
        Reports.Print([r], text);
        string report = text.ToString();
        Assert.Contains("build-it ch.ipynb #1 (cell 1) eq. (12): not implemented", report);
        Assert.Contains("build-it ch.ipynb #2 (cell 2) windows I_k: implemented, passing", report);
        Assert.Contains("build-it ch.ipynb #3 (cell 3) cell 3: implemented, failing", report);
        Assert.Contains("1 build-it checks not implemented yet", report);

        using var dir = new TempFolder();
        string file = Path.Combine(dir, "junit.xml");
        Reports.WriteJUnit([r], file);
        var cases = XDocument.Load(file).Descendants("testcase").Where(c => ((string?)c.Attribute("name"))!.StartsWith("build-it #")).ToArray();
        Assert.Equal(3, cases.Length);
        Assert.Single(cases[0].Elements("skipped"));
        Assert.Contains("not implemented", (string?)cases[0].Element("skipped")!.Attribute("message"));
        Assert.Empty(cases[1].Elements());
        Assert.Single(cases[2].Elements("failure"));
        Assert.Contains("CS1525", cases[2].Element("failure")!.Value);
    }

    [Fact]
    public void AFailedBuildItCheckOrANotRunCellIsReportedAsSuch()
    {
        var nb = Notebook(Cell("wrong", "build-it"), Cell("later", "build-it"));
        var r = new NotebookResult("/x/a.ipynb", nb,
        [
            new CellResult(0, CellStatus.Error, 0.1, [BuildItCheck("σ(1)", NotebookCheckStatus.Failed)], "CheckFailedException"),
            new CellResult(1, CellStatus.NotRun, 0, [], "not run"),
        ], 1.0);
        var cells = BuildItCells.Of(r);
        Assert.Equal(BuildItState.ImplementedFailing, cells[0].State);
        Assert.StartsWith("σ(1): ", cells[0].Detail);
        Assert.Equal(BuildItState.NotRun, cells[1].State);
    }

    [Fact]
    public async Task GradeTabulatesAnUnfilledCopyTheSolutionAndAWrongAttemptWithoutWritingThem()
    {
        string lib = await LibraryBuild();
        using var dir = new TempFolder();
        string setup = $"#r \"nuget: MathNet.Numerics, 5.0.0\"\n#r \"{Path.Combine(lib, "IncLearn.dll")}\"\n#r \"{Path.Combine(lib, "IncLearn.Interactive.dll")}\"\n"
            + "using IncLearn;\nusing IncLearn.Interactive;\nNotebook.Setup();";
        const string check12 = "Check.BuildIt(\"eq. (12) by hand\", () => Check.Close(\"σ_1,W(1)\", SigmaW(3, 1, 1e-3, 1), SpectralTrajectory.Evaluate(3, 1, Math.Log(1e-3), 1), 1e-9))";
        const string checkRate = "Check.BuildIt(\"growth rate\", () => Check.Close(\"rate(3)\", Rate(3), 6, 0))";
        string Copy(string name, string sigmaW, string rate) => Write(dir, name,
            Cell(setup),
            Cell($"double SigmaW(double sy, double s0, double alpha, double t)\n{{\n    {sigmaW}\n}}\n{check12}", "build-it"),
            Cell("Check.That(\"a plain check after the first build-it cell\", true)"),
            Cell($"double Rate(double sigma)\n{{\n    {rate}\n}}\n{checkRate}", "build-it"));
        var copies = new[]
        {
            Copy("alice.ipynb", "throw new NotImplementedException(\"write eq. (12)\");", "throw new NotImplementedException(\"2σ\");"),
            Copy("bob.ipynb", "return alpha * s0 * sy * Math.Exp(2 * sy * t) / (sy + alpha * s0 * (Math.Exp(2 * sy * t) - 1));", "return 2 * sigma;"),
            // Wrong: the denominator forgotten (the check fails), then a compile error.
            Copy("carol.ipynb", "return alpha * s0 * Math.Exp(2 * sy * t);", "return 2 * sigma +;"),
        };
        var before = copies.ToDictionary(p => p, File.ReadAllBytes);

        var grades = await Grader.GradeAsync(dir, new RunOptions { Parallel = 1, CellTimeout = TimeSpan.FromSeconds(180) });

        Assert.Equal(["alice", "bob", "carol"], grades.Select(g => g.Learner));
        Assert.All(grades, g => Assert.Null(g.Error));
        var table = grades.ToDictionary(g => g.Learner, g => g.Cells.Select(c => c.State).ToArray());
        Assert.Equal([BuildItState.NotImplemented, BuildItState.NotImplemented], table["alice"]);
        Assert.Equal([BuildItState.ImplementedPassing, BuildItState.ImplementedPassing], table["bob"]);
        Assert.Equal([BuildItState.ImplementedFailing, BuildItState.ImplementedFailing], table["carol"]);
        Assert.StartsWith("σ_1,W(1): ", grades[2].Cells[0].Detail);
        Assert.Contains("CS1525", grades[2].Cells[1].Detail);
        Assert.Equal(["#1 eq. (12) by hand", "#2 growth rate"], GradeTable.Columns(grades));

        var text = new StringWriter();
        GradeTable.Print(grades, text);
        var lines = text.ToString().Split('\n');
        Assert.Matches(@"^learner \| #1 eq\. \(12\) by hand +\| #2 growth rate$", lines[0]);
        Assert.Matches(@"^alice +\| not implemented +\| not implemented$", lines[2]);
        Assert.Matches(@"^bob +\| implemented, passing +\| implemented, passing$", lines[3]);
        Assert.Matches(@"^carol +\| implemented, failing +\| implemented, failing$", lines[4]);

        string junit = Path.Combine(dir, "out", "grades.xml");
        GradeTable.WriteJUnit(grades, junit);
        var suites = XDocument.Load(junit).Descendants("testsuite").ToDictionary(s => (string)s.Attribute("name")!);
        Assert.Equal(("2", "0", "2"), Counts(suites["alice"]));
        Assert.Equal(("2", "0", "0"), Counts(suites["bob"]));
        Assert.Equal(("2", "2", "0"), Counts(suites["carol"]));

        // The learners' files are read, never written.
        foreach (var (path, bytes) in before) Assert.Equal(bytes, File.ReadAllBytes(path));
        Assert.Equal(copies.Order(), Directory.GetFiles(dir, "*.ipynb").Order());
    }

    private static (string, string, string) Counts(XElement suite)
        => ((string)suite.Attribute("tests")!, (string)suite.Attribute("failures")!, (string)suite.Attribute("skipped")!);

    // The notebooks load the library's Release build (as the chapters do); built here once, under the shared build lock.
    private static async Task<string> LibraryBuild()
    {
        string root = typeof(GradingTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;
        using (await IncLearn.TestSupport.BuildLock.AcquireAsync(root))
        {
            var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "build", "src/IncLearn.Interactive", "-c", "Release", "-nologo", "-v", "q" }) psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            var output = p.StandardOutput.ReadToEndAsync();
            var error = p.StandardError.ReadToEndAsync();
            await p.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(15));
            Assert.True(p.ExitCode == 0, $"dotnet build src/IncLearn.Interactive -c Release failed:\n{await output}{await error}");
        }
        return Path.Combine(root, "src", "IncLearn.Interactive", "bin", "Release", "net10.0");
    }
}
