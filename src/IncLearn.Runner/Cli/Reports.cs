using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Markdig;
using Spectre.Console;

namespace IncLearn.Runner;

/// <summary>The end-of-run report: a table per notebook, every failed check with its numbers, runner timings.</summary>
public static class Reports
{
    /// <summary>Whether to draw with Spectre.Console (a terminal without NO_COLOR) or write plain lines.</summary>
    public static bool Rich => !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;

    /// <summary>Prints the summary table and the failures.</summary>
    public static void Print(IReadOnlyList<NotebookResult> results, TextWriter output, IReadOnlyDictionary<string, string>? names = null, int slots = 1)
    {
        string Name(NotebookResult r) => names?.GetValueOrDefault(r.Path) ?? Path.GetFileName(r.Path);
        if (Rich)
        {
            var table = new Table().AddColumns("notebook", "cells", "checks passed", "checks failed", "status", "seconds", "in cells", "overhead");
            foreach (var r in results)
                table.AddRow(Markup.Escape(Name(r)), r.Cells.Count(c => c.Status is not (CellStatus.Skipped or CellStatus.NotRun)).ToString(),
                    r.Checks.Count(c => c.Passed).ToString(), r.Checks.Count(c => c.Failed).ToString(),
                    r.Passed ? "[green]passed[/]" : "[red]FAILED[/]", r.WallSeconds.ToString("F2"), r.CellSeconds.ToString("F2"),
                    (r.WallSeconds - r.CellSeconds).ToString("F2"));
            AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) }).Write(table);
        }
        else
        {
            output.WriteLine($"{"notebook",-44} {"cells",5} {"checks ok",9} {"failed",6} {"status",7} {"seconds",8} {"in cells",8} {"overhead",8}");
            foreach (var r in results)
                output.WriteLine($"{Name(r),-44} {r.Cells.Count(c => c.Status is not (CellStatus.Skipped or CellStatus.NotRun)),5} {r.Checks.Count(c => c.Passed),9} {r.Checks.Count(c => c.Failed),6} {(r.Passed ? "passed" : "FAILED"),7} {r.WallSeconds,8:F2} {r.CellSeconds,8:F2} {r.WallSeconds - r.CellSeconds,8:F2}");
        }
        foreach (var r in results)
        {
            if (r.FatalError is not null) output.WriteLine($"FAILED {r.Path}: {r.FatalError}");
            foreach (var c in r.Cells.Where(c => c.Status is CellStatus.Error or CellStatus.Timeout))
                output.WriteLine($"FAILED {Name(r)} cell {c.Index}: {c.Error}");
            foreach (var c in r.Checks.Where(c => c.Failed))
                output.WriteLine($"FAILED CHECK {Name(r)}: {c.Name}: {c.Detail}");
            foreach (var b in BuildItCells.Of(r))
                output.WriteLine($"build-it {Name(r)} #{b.Ordinal} (cell {b.CellIndex}) {b.Label}: {b.StateText}");
        }
        int checks = results.Sum(r => r.Checks.Count()), failed = results.Sum(r => r.Checks.Count(c => c.Failed));
        int notImplemented = results.Sum(r => r.Checks.Count(c => c.Status == NotebookCheckStatus.NotImplemented));
        output.WriteLine($"{results.Count} notebooks, {results.Count(r => r.Passed)} passed; {checks - failed - notImplemented} checks passed, {failed} failed"
            + (notImplemented > 0 ? $", {notImplemented} build-it checks not implemented yet" : ""));
        if (results.Count > 0)
        {
            double wall = results.Sum(r => r.WallSeconds), cells = results.Sum(r => r.CellSeconds);
            // The first notebook of each slot waits for a cold kernel; later ones get the spare started while the previous ran.
            var ran = results.Where(r => r.Notebook is not null).ToArray();
            int cold = Math.Clamp(slots, 1, Math.Max(1, ran.Length));
            var first = ran.Take(cold).ToArray();
            var later = ran.Skip(cold).ToArray();
            string Overhead(NotebookResult[] rs) => rs.Length > 0 ? $"{rs.Average(r => r.WallSeconds - r.CellSeconds):F2}" : "n/a";
            output.WriteLine($"timings: notebooks {wall:F2} s in total, {cells:F2} s inside cells; overhead per notebook outside its cells: first of each slot {Overhead(first)} s (kernel start), later ones {Overhead(later)} s on average, at most {(later.Length > 0 ? later.Max(r => r.WallSeconds - r.CellSeconds) : 0):F2} s");
        }
    }

    /// <summary>JUnit XML: a test suite per notebook, a test case per check, per failing cell and per build-it cell (implemented
    /// and failing → failure; not implemented or not run → skipped).</summary>
    public static void WriteJUnit(IReadOnlyList<NotebookResult> results, string path, IReadOnlyDictionary<string, string>? names = null)
    {
        string Name(NotebookResult r) => names?.GetValueOrDefault(r.Path) ?? Path.GetFileName(r.Path);
        var suites = new XElement("testsuites");
        foreach (var r in results)
        {
            var suite = new XElement("testsuite", new XAttribute("name", Name(r)), new XAttribute("time", r.WallSeconds.ToString("F3")));
            int tests = 0, failures = 0;
            foreach (var cell in r.Cells)
            {
                foreach (var c in cell.Checks)
                {
                    tests++;
                    var tc = new XElement("testcase", new XAttribute("classname", Name(r)), new XAttribute("name", c.Name));
                    if (c.Failed) { failures++; tc.Add(new XElement("failure", new XAttribute("message", c.Detail), c.Detail)); }
                    if (c.Status == NotebookCheckStatus.NotImplemented) tc.Add(new XElement("skipped", new XAttribute("message", c.Detail)));
                    suite.Add(tc);
                }
                if (cell.Status is CellStatus.Error or CellStatus.Timeout)
                {
                    tests++; failures++;
                    suite.Add(new XElement("testcase", new XAttribute("classname", Name(r)), new XAttribute("name", $"cell {cell.Index} runs"),
                        new XElement("failure", new XAttribute("message", cell.Error ?? ""), cell.Error)));
                }
            }
            int skipped = 0;
            foreach (var b in BuildItCells.Of(r))
            {
                tests++;
                suite.Add(GradeTable.Case(Name(r), b, ref failures, ref skipped));
            }
            if (r.FatalError is not null)
            {
                tests++; failures++;
                suite.Add(new XElement("testcase", new XAttribute("classname", Name(r)), new XAttribute("name", "notebook runs"),
                    new XElement("failure", new XAttribute("message", r.FatalError), r.FatalError)));
            }
            suite.Add(new XAttribute("tests", tests), new XAttribute("failures", failures));
            suites.Add(suite);
        }
        NotebookFile.WriteAtomic(path, new XDocument(suites).ToString());
    }
}
