using System.CommandLine;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace IncLearn.Runner;

/// <summary>
/// inclearn-nb: headless runner for C# Polyglot notebooks on the real .NET Interactive kernel (the pinned
/// <c>dotnet-interactive</c> tool, one fresh kernel process per notebook). Exit codes: 0 all passed, 1 a cell or check
/// failed, 2 bad usage or a notebook that could not be read, run or written; 130/143 after SIGINT/SIGTERM.
/// </summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static async Task<int> Main(string[] args)
    {
        var paths = new Argument<string[]>("paths") { Description = "Notebooks or folders (default: notebooks/)", Arity = ArgumentArity.ZeroOrMore };
        var parallel = new Option<int>("--parallel") { Description = $"Notebooks run at once, 1…{RunOptions.MaxParallel}", DefaultValueFactory = _ => RunOptions.DefaultParallel };
        var cellTimeout = new Option<double>("--cell-timeout") { Description = "Seconds a cell may run", DefaultValueFactory = _ => 300 };
        var notebookTimeout = new Option<double>("--notebook-timeout") { Description = "Seconds a notebook may run", DefaultValueFactory = _ => 1800 };
        var allowErrors = new Option<bool>("--allow-errors") { Description = "Continue after a failing cell (default: stop at the first error, as nbclient)" };
        var parameters = new Option<string[]>("-p", "--parameter") { Description = "name=value, injected after the 'parameters' cell", AllowMultipleArgumentsPerToken = false };
        var outputDir = new Option<string>("--output-dir") { Description = "Where executed notebooks go", DefaultValueFactory = _ => Path.Combine("artifacts", "notebooks") };
        var inplace = new Option<bool>("--inplace") { Description = "Write executed notebooks back in place" };
        var html = new Option<string?>("--html") { Description = "Write standalone offline HTML pages into this folder" };
        var junit = new Option<string?>("--junit") { Description = "Write JUnit XML (one test case per check and per failing cell)" };
        var rtol = new Option<double>("--rtol") { Description = "Relative tolerance for numbers in text outputs (finite, ≥ 0)", DefaultValueFactory = _ => 1e-9 };

        var run = new Command("run", "Execute notebooks, write them, report every check") { paths, parallel, cellTimeout, notebookTimeout, allowErrors, parameters, outputDir, inplace, html, junit };
        run.SetAction(async (pr, _) => Options(pr) is { } o
            ? await Run(pr.GetValue(paths), o, new Outputs(pr.GetValue(outputDir)!, pr.GetValue(inplace), pr.GetValue(html), pr.GetValue(junit)), compareRtol: null)
            : 2);
        var check = new Command("check", "Re-execute and compare with the outputs stored in the notebooks") { paths, parallel, cellTimeout, notebookTimeout, parameters, rtol, junit };
        check.SetAction(async (pr, _) =>
        {
            double tol = pr.GetValue(rtol);
            if (!double.IsFinite(tol) || tol < 0) { Console.Error.WriteLine($"--rtol {tol}: must be a finite number ≥ 0"); return 2; }
            return Options(pr) is { } o ? await Run(pr.GetValue(paths), o, new Outputs(null, false, null, pr.GetValue(junit)), tol) : 2;
        });
        var validate = new Command("validate", "Report what nbformat's validator and Polyglot Notebooks reject, without executing") { paths };
        validate.SetAction(pr => Validate(pr.GetValue(paths)));
        var to = new Option<string>("--to") { Description = "Export format: cs (a .NET file-based app per notebook)", DefaultValueFactory = _ => "cs" };
        var appsDir = new Option<string>("--output-dir") { Description = "Where the apps go", DefaultValueFactory = _ => "apps" };
        var export = new Command("export", "Turn each notebook into a .NET file-based app (dotnet run app.cs)") { paths, to, appsDir };
        export.SetAction(pr => Export(pr.GetValue(paths), pr.GetValue(to)!, pr.GetValue(appsDir)!));
        var folder = new Argument<string>("folder") { Description = "A folder of learners' copies of one chapter (.ipynb, searched recursively)" };
        var gradeJunit = new Option<string?>("--junit") { Description = "Write JUnit XML (a suite per learner, a case per build-it cell)" };
        var grade = new Command("grade", "Run learners' copies (errors allowed, copies never written) and tabulate each build-it cell: implemented and passing, implemented and failing, not implemented")
            { folder, parallel, cellTimeout, notebookTimeout, gradeJunit };
        grade.SetAction(async (pr, _) => Options(pr) is { } o ? await Grade(pr.GetValue(folder)!, o, pr.GetValue(gradeJunit)) : 2);
        var root = new RootCommand("Headless runner for C# Polyglot notebooks on the real .NET Interactive kernel") { run, check, validate, export, grade };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var e in parsed.Errors) Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine("usage: inclearn-nb run|check|validate|export [paths…] [options], inclearn-nb grade FOLDER [--junit FILE]; --help for details");
            return 2;
        }
        return await parsed.InvokeAsync();

        // Null (after printing why) when an option is unusable: the command then exits with 2.
        RunOptions? Options(ParseResult pr)
        {
            var dict = new Dictionary<string, string>();
            foreach (var p in pr.GetValue(parameters) ?? [])
            {
                int eq = p.IndexOf('=');
                if (eq <= 0) { Console.Error.WriteLine($"-p {p}: a parameter must be name=value"); return null; }
                dict[p[..eq].Trim()] = p[(eq + 1)..];
            }
            int n = pr.GetValue(parallel);
            if (n < 1 || n > RunOptions.MaxParallel) { Console.Error.WriteLine($"--parallel {n}: must be between 1 and {RunOptions.MaxParallel}"); return null; }
            double cell = pr.GetValue(cellTimeout), notebook = pr.GetValue(notebookTimeout);
            foreach (var (name, value) in new[] { ("--cell-timeout", cell), ("--notebook-timeout", notebook) })
                if (!double.IsFinite(value) || value <= 0 || value > TimeSpan.FromDays(1).TotalSeconds)
                { Console.Error.WriteLine($"{name} {value}: must be a number of seconds > 0 and at most one day"); return null; }
            return new RunOptions
            {
                Parallel = n,
                CellTimeout = TimeSpan.FromSeconds(cell),
                NotebookTimeout = TimeSpan.FromSeconds(notebook),
                AllowErrors = pr.GetValue(allowErrors),
                Parameters = dict,
            };
        }
    }

    /// <summary>grade: 0 when every copy ran (whatever the learners' states), 1 when a copy could not run, 2 for a missing or empty folder.</summary>
    private static async Task<int> Grade(string folder, RunOptions options, string? junit)
    {
        if (!Directory.Exists(folder)) { Console.Error.WriteLine($"grade {folder}: no such folder"); return 2; }
        if (NotebookRunner.Find([folder]).Count == 0) { Console.Error.WriteLine($"grade {folder}: no notebooks in it"); return 2; }
        using var interrupt = new CancellationTokenSource();
        int signal = 0;
        void OnSignal(PosixSignalContext ctx) { ctx.Cancel = true; signal = ctx.Signal == PosixSignal.SIGINT ? 2 : 15; interrupt.Cancel(); }
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        var grades = await Grader.GradeAsync(folder, options, interrupt.Token);
        if (signal != 0) { Console.Error.WriteLine("interrupted: nothing written"); return 128 + signal; }
        GradeTable.Print(grades, Console.Out);
        if (junit is not null) GradeTable.WriteJUnit(grades, junit);
        return grades.Any(g => g.Error is not null) ? 1 : 0;
    }

    /// <summary>Where a run writes.</summary>
    private sealed record Outputs(string? Directory, bool InPlace, string? Html, string? JUnit);

    private static IReadOnlyList<string>? FindOrReport(string[]? paths)
    {
        var list = paths is { Length: > 0 } ? paths : [DefaultNotebooks()];
        var found = NotebookRunner.Find(list);
        if (found.Count == 0) { Console.Error.WriteLine($"no notebooks found under {string.Join(", ", list)}"); return null; }
        return found;
    }

    /// <summary>notebooks/ in the current folder, or in the nearest parent that has one.</summary>
    private static string DefaultNotebooks()
    {
        for (var d = new DirectoryInfo(Environment.CurrentDirectory); d is not null; d = d.Parent)
            if (Directory.Exists(Path.Combine(d.FullName, "notebooks"))) return Path.Combine(d.FullName, "notebooks");
        return "notebooks";
    }

    private static async Task<int> Run(string[]? paths, RunOptions options, Outputs outputs, double? compareRtol)
    {
        var notebooks = FindOrReport(paths);
        if (notebooks is null) return 2;
        // A first run before the build (or without the pinned kernel) stops here, one line per missing piece, no kernel started.
        if (Preflight.Problems(notebooks) is { Count: > 0 } missing)
        {
            foreach (var line in missing) Console.Error.WriteLine(line);
            return 2;
        }
        var names = NotebookNames.Relative(notebooks);
        string Target(string path) => outputs.InPlace ? path : Path.Combine(outputs.Directory!, names[path]);
        if (compareRtol is null)
        {
            // An unwritable target is refused before any notebook runs, not after all of them have.
            var refused = notebooks.Select(p => Unwritable(Target(p))).OfType<string>().Distinct().ToArray();
            foreach (var r in refused) Console.Error.WriteLine($"refused before running: {r}");
            if (refused.Length > 0) return 2;
        }
        var stored = compareRtol is null ? null : notebooks.ToDictionary(p => p, p => { try { return NotebookFile.Load(p); } catch (NotebookFormatException) { return null; } });

        // SIGINT/SIGTERM: stop the kernels (and everything they started), write nothing unfinished, then exit 128 + signal.
        using var interrupt = new CancellationTokenSource();
        int signal = 0;
        void OnSignal(PosixSignalContext ctx) { ctx.Cancel = true; signal = ctx.Signal == PosixSignal.SIGINT ? 2 : 15; interrupt.Cancel(); }
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

        IReadOnlyList<NotebookResult> results;
        if (Reports.Rich)
        {
            results = await AnsiConsole.Progress().StartAsync(async ctx =>
            {
                var bars = notebooks.ToDictionary(p => p, p => ctx.AddTask(Markup.Escape(names[p]), maxValue: 1));
                var r = await NotebookRunner.RunAsync(notebooks, options with
                {
                    Progress = (p, cell, count) => { bars[p].MaxValue = count; bars[p].Value = cell; },
                }, interrupt.Token);
                foreach (var b in bars.Values) b.Value = b.MaxValue;
                return r;
            });
        }
        else
        {
            var started = new HashSet<string>();
            results = await NotebookRunner.RunAsync(notebooks, options with
            {
                Progress = (p, cell, count) => { lock (started) if (started.Add(p)) Console.WriteLine($"running {names[p]}"); },
            }, interrupt.Token);
        }

        int exit = 0;
        foreach (var r in results)
        {
            if (r.EndedProcesses.Count > 0)
                Console.Error.WriteLine($"{names[r.Path]}: ended {r.EndedProcesses.Count} process(es) the notebook left running: {string.Join(", ", r.EndedProcesses)}");
            if (r.Notebook is null) { exit = 2; continue; }
            if (!r.Passed) exit = Math.Max(exit, 1);
            if (compareRtol is double tol)
            {
                var diff = stored![r.Path] is { } s ? Comparison.Compare(s, r.Notebook, tol) : "unreadable stored notebook";
                if (diff is not null) { Console.WriteLine($"DIFFERS {names[r.Path]}: {diff}"); exit = Math.Max(exit, 1); }
                else Console.WriteLine($"reproduced {names[r.Path]} (exact numbers within rtol {tol:G3}; checks and error measurements at their own precision)");
            }
            else
            {
                string target = Target(r.Path);
                if (!Report($"writing {target}", () => NotebookFile.WriteAtomic(target, NotebookFile.Serialize(r.Notebook), refuseReadOnly: outputs.InPlace))) exit = 2;
            }
        }
        Reports.Print(results, Console.Out, names, Math.Min(options.Parallel, notebooks.Count));
        if (outputs.JUnit is { } junit && !Report($"writing JUnit {junit}", () => Reports.WriteJUnit(results, junit, names))) exit = 2;
        if (outputs.Html is { } html && !Report($"writing pages into {html}",
                () => HtmlExport.Write(results.Where(r => r.Notebook is not null).Select(r => (r.Path, r.Notebook!)).ToArray(), html, names)))
            exit = 2;
        if (signal != 0) { Console.Error.WriteLine($"interrupted by {(signal == 2 ? "SIGINT" : "SIGTERM")}: unfinished notebooks were not written"); return 128 + signal; }
        return exit;
    }

    /// <summary>Why a notebook cannot be written to <paramref name="target"/> (read-only file, folder that is a file or not
    /// writable), or null when it can. File modes count even for root, as in <see cref="NotebookFile.WriteAtomic"/>.</summary>
    private static string? Unwritable(string target)
    {
        if (OperatingSystem.IsWindows()) return null;
        string full = Path.GetFullPath(target);
        try
        {
            if (new FileInfo(full).LinkTarget is not null) full = new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
        }
        catch (IOException) { /* a dangling or looping link: the write reports it */ }
        if (Directory.Exists(full)) return $"{full} is a folder, not a notebook file";
        if (File.Exists(full) && ((File.GetUnixFileMode(full) & UnixFileMode.UserWrite) == 0 || !Native.CanWrite(full))) return $"{full} is read-only";
        for (string? dir = Path.GetDirectoryName(full); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(dir)) return $"{dir} is a file, not a folder";
            if (!Directory.Exists(dir)) continue;
            if ((File.GetUnixFileMode(dir) & UnixFileMode.UserWrite) == 0 || !Native.CanWrite(dir)) return $"folder {dir} is not writable";
            return null;
        }
        return null;
    }

    private static int Export(string[]? paths, string to, string outputDir)
    {
        if (to != "cs") { Console.Error.WriteLine($"--to {to}: the only export format is cs"); return 2; }
        var notebooks = FindOrReport(paths);
        if (notebooks is null) return 2;
        string AppOf(string nb) => Path.GetFullPath(Path.Combine(outputDir, Path.GetFileNameWithoutExtension(nb) + ".cs"));
        // Two notebooks named alike in different folders would overwrite one app with the other: refuse before writing any.
        var collisions = notebooks.GroupBy(AppOf, StringComparer.Ordinal).Where(g => g.Count() > 1).ToArray();
        foreach (var c in collisions)
            Console.Error.WriteLine($"refused: {string.Join(" and ", c)} would all be exported to {c.Key}; rename them or export them into separate folders");
        if (collisions.Length > 0) return 2;
        int exit = 0;
        foreach (var nb in notebooks)
        {
            string app = Path.Combine(outputDir, Path.GetFileNameWithoutExtension(nb) + ".cs");
            try
            {
                NotebookFile.WriteAtomic(app, FileBasedAppExport.Export(NotebookFile.Load(nb), nb, app));
                Console.WriteLine($"{nb} → {app}");
            }
            catch (Exception e) when (e is NotebookFormatException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"{nb}: {e.Message}");
                exit = 2;
            }
        }
        return exit;
    }

    /// <summary>Runs one write; an I/O failure is printed and returns false, so the other notebooks and reports still get written.</summary>
    private static bool Report(string what, Action write)
    {
        try { write(); return true; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            Console.Error.WriteLine($"FAILED {what}: {e.Message}");
            return false;
        }
    }

    private static int Validate(string[]? paths)
    {
        var notebooks = FindOrReport(paths);
        if (notebooks is null) return 2;
        var problems = notebooks.SelectMany(Validation.Validate).ToArray();
        foreach (var p in problems) Console.WriteLine(p);
        Console.WriteLine($"{notebooks.Count} notebooks validated, {problems.Length} problems");
        return problems.Length == 0 ? 0 : 1;
    }
}
