using System.Xml.Linq;

namespace IncLearn.Runner;

/// <summary>The grading report: one table, a row per learner and a column per build-it cell, then why each failing cell
/// failed; and the same as JUnit XML (a suite per learner, a case per build-it cell; not implemented or not run → skipped).</summary>
public static class GradeTable
{
    /// <summary>The column headings: "#k label". A scaffold's not-implemented check carries the name given to Check.BuildIt,
    /// so that name wins; otherwise the label the copies give that cell most often (a filled cell reports its inner checks).</summary>
    public static IReadOnlyList<string> Columns(IReadOnlyList<LearnerGrade> grades)
    {
        ArgumentNullException.ThrowIfNull(grades);
        int count = grades.Select(g => g.Cells.Count).DefaultIfEmpty(0).Max();
        return Enumerable.Range(1, count).Select(k =>
        {
            string label = grades.SelectMany(g => g.Cells).Where(c => c.Ordinal == k)
                .GroupBy(c => c.Label).OrderByDescending(g => g.Any(c => c.State == BuildItState.NotImplemented)).ThenByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
            return $"#{k} {label}";
        }).ToArray();
    }

    /// <summary>The state each learner reached on build-it cell <paramref name="ordinal"/> (1-based), in words; "absent" when
    /// the copy has fewer build-it cells, "notebook failed" when it could not run.</summary>
    public static string Entry(LearnerGrade grade, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(grade);
        if (grade.Error is not null) return "notebook failed";
        return grade.Cells.FirstOrDefault(c => c.Ordinal == ordinal)?.StateText ?? "absent";
    }

    /// <summary>Prints the table, then one line per failing or unrun cell with its reason, then the totals.</summary>
    public static void Print(IReadOnlyList<LearnerGrade> grades, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(grades);
        ArgumentNullException.ThrowIfNull(output);
        var columns = Columns(grades);
        var rows = grades.Select(g => new[] { g.Learner }.Concat(Enumerable.Range(1, columns.Count).Select(k => Entry(g, k))).ToArray()).ToArray();
        var header = new[] { "learner" }.Concat(columns).ToArray();
        var widths = header.Select((h, j) => rows.Select(r => r[j].Length).Append(h.Length).Max()).ToArray();
        string Line(string[] cells) => string.Join(" | ", cells.Select((c, j) => c.PadRight(widths[j]))).TrimEnd();
        output.WriteLine(Line(header));
        output.WriteLine(string.Join("-+-", widths.Select(w => new string('-', w))));
        foreach (var r in rows) output.WriteLine(Line(r));
        foreach (var g in grades)
        {
            if (g.Error is not null) output.WriteLine($"{g.Learner}: notebook failed: {g.Error}");
            foreach (var c in g.Cells.Where(c => c.State is BuildItState.ImplementedFailing or BuildItState.NotRun))
                output.WriteLine($"{g.Learner} #{c.Ordinal} (cell {c.CellIndex}) {c.StateText}: {FirstLine(c.Detail)}");
        }
        var all = grades.SelectMany(g => g.Cells).ToArray();
        output.WriteLine($"{grades.Count} learners, {all.Length} build-it cells: {all.Count(c => c.State == BuildItState.ImplementedPassing)} implemented and passing, "
            + $"{all.Count(c => c.State == BuildItState.ImplementedFailing)} implemented and failing, {all.Count(c => c.State == BuildItState.NotImplemented)} not implemented, "
            + $"{all.Count(c => c.State == BuildItState.NotRun)} not run; {grades.Count(g => g.Error is not null)} notebooks failed to run");
    }

    /// <summary>JUnit XML: a test suite per learner, a test case per build-it cell (failing → failure; not implemented, not
    /// run → skipped) and one failing case for a copy that could not run.</summary>
    public static void WriteJUnit(IReadOnlyList<LearnerGrade> grades, string path)
    {
        ArgumentNullException.ThrowIfNull(grades);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var suites = new XElement("testsuites");
        foreach (var g in grades)
        {
            var suite = new XElement("testsuite", new XAttribute("name", g.Learner));
            int failures = 0, skipped = 0;
            foreach (var c in g.Cells)
            {
                suite.Add(Case(g.Learner, c, ref failures, ref skipped));
            }
            if (g.Error is not null)
            {
                failures++;
                suite.Add(new XElement("testcase", new XAttribute("classname", g.Learner), new XAttribute("name", "notebook runs"),
                    new XElement("failure", new XAttribute("message", g.Error), g.Error)));
            }
            suite.Add(new XAttribute("tests", g.Cells.Count + (g.Error is null ? 0 : 1)), new XAttribute("failures", failures), new XAttribute("skipped", skipped));
            suites.Add(suite);
        }
        NotebookFile.WriteAtomic(path, new XDocument(suites).ToString());
    }

    /// <summary>A build-it cell as a JUnit test case (shared with the run report's JUnit).</summary>
    internal static XElement Case(string classname, BuildItCell c, ref int failures, ref int skipped)
    {
        var tc = new XElement("testcase", new XAttribute("classname", classname), new XAttribute("name", $"build-it #{c.Ordinal} (cell {c.CellIndex}): {c.Label}"));
        switch (c.State)
        {
            case BuildItState.ImplementedFailing:
                failures++;
                tc.Add(new XElement("failure", new XAttribute("message", c.StateText + ": " + FirstLine(c.Detail)), c.Detail));
                break;
            case BuildItState.NotImplemented or BuildItState.NotRun:
                skipped++;
                tc.Add(new XElement("skipped", new XAttribute("message", c.StateText + ": " + FirstLine(c.Detail))));
                break;
        }
        return tc;
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
