using System.CommandLine;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace IncLearn.Runner;

/// <summary>
/// inclearn-nb: headless runner for C# Polyglot notebooks. Hand-written on Roslyn scripting because the .NET Interactive
/// kernel and dotnet-repl are not available from this project's package registry. Exit codes: 0 all passed, 1 a cell or
/// check failed, 2 bad usage or unreadable input.
/// </summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static async Task<int> Main(string[] args)
    {
        if (args is ["worker"]) return await WorkerPool.ServeAsync();

        var paths = new Argument<string[]>("paths") { Description = "Notebooks or folders (default: notebooks/)", Arity = ArgumentArity.ZeroOrMore };
        var parallel = new Option<int>("--parallel") { Description = "Notebooks run at once", DefaultValueFactory = _ => Environment.ProcessorCount };
        var cellTimeout = new Option<double>("--cell-timeout") { Description = "Seconds a cell may run", DefaultValueFactory = _ => 300 };
        var notebookTimeout = new Option<double>("--notebook-timeout") { Description = "Seconds a notebook may run", DefaultValueFactory = _ => 1800 };
        var allowErrors = new Option<bool>("--allow-errors") { Description = "Continue after a failing cell" };
        var parameters = new Option<string[]>("-p", "--parameter") { Description = "name=value, injected after the 'parameters' cell", AllowMultipleArgumentsPerToken = false };
        var outputDir = new Option<string>("--output-dir") { Description = "Where executed notebooks go", DefaultValueFactory = _ => Path.Combine("artifacts", "notebooks") };
        var inplace = new Option<bool>("--inplace") { Description = "Write executed notebooks back in place" };
        var html = new Option<string?>("--html") { Description = "Write standalone offline HTML pages into this folder" };
        var junit = new Option<string?>("--junit") { Description = "Write JUnit XML (one test case per check and per failing cell)" };
        var rtol = new Option<double>("--rtol") { Description = "Relative tolerance for numbers in text outputs", DefaultValueFactory = _ => 1e-9 };

        var run = new Command("run", "Execute notebooks, write them, report every check") { paths, parallel, cellTimeout, notebookTimeout, allowErrors, parameters, outputDir, inplace, html, junit };
        run.SetAction(async (pr, _) => Options(pr) is { } o
            ? await Run(pr.GetValue(paths), o, pr.GetValue(outputDir)!, pr.GetValue(inplace), pr.GetValue(html), pr.GetValue(junit), compareRtol: null)
            : 2);
        var check = new Command("check", "Re-execute and compare with the outputs stored in the notebooks") { paths, parallel, cellTimeout, notebookTimeout, parameters, rtol, junit };
        check.SetAction(async (pr, _) => Options(pr) is { } o
            ? await Run(pr.GetValue(paths), o, outputDir: null, inplace: false, html: null, pr.GetValue(junit), pr.GetValue(rtol))
            : 2);
        var validate = new Command("validate", "Report format problems without executing") { paths };
        validate.SetAction(pr => Validate(pr.GetValue(paths)));
        var to = new Option<string>("--to") { Description = "Export format: cs (a .NET file-based app per notebook)", DefaultValueFactory = _ => "cs" };
        var appsDir = new Option<string>("--output-dir") { Description = "Where the apps go", DefaultValueFactory = _ => "apps" };
        var export = new Command("export", "Turn each notebook into a .NET file-based app (dotnet run app.cs)") { paths, to, appsDir };
        export.SetAction(pr => Export(pr.GetValue(paths), pr.GetValue(to)!, pr.GetValue(appsDir)!));
        var root = new RootCommand("Headless runner for C# Polyglot notebooks") { run, check, validate, export };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var e in parsed.Errors) Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine("usage: inclearn-nb run|check|validate [paths…] [options]; --help for details");
            return 2; // bad usage
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
            if (pr.GetValue(cellTimeout) <= 0 || pr.GetValue(notebookTimeout) <= 0) { Console.Error.WriteLine("timeouts must be > 0 seconds"); return null; }
            return new RunOptions
            {
                Parallel = Math.Max(1, pr.GetValue(parallel)),
                CellTimeout = TimeSpan.FromSeconds(pr.GetValue(cellTimeout)),
                NotebookTimeout = TimeSpan.FromSeconds(pr.GetValue(notebookTimeout)),
                AllowErrors = pr.GetValue(allowErrors),
                Parameters = dict,
            };
        }
    }

    private static IReadOnlyList<string>? FindOrReport(string[]? paths)
    {
        var list = paths is { Length: > 0 } ? paths : [DefaultNotebooks()];
        try
        {
            var found = NotebookRunner.Find(list);
            if (found.Count == 0) { Console.Error.WriteLine($"no notebooks found under {string.Join(", ", list)}"); return null; }
            return found;
        }
        catch (FileNotFoundException e) { Console.Error.WriteLine(e.Message); return null; }
    }

    /// <summary>notebooks/ in the current folder, or in the nearest parent that has one.</summary>
    private static string DefaultNotebooks()
    {
        for (var d = new DirectoryInfo(Environment.CurrentDirectory); d is not null; d = d.Parent)
            if (Directory.Exists(Path.Combine(d.FullName, "notebooks"))) return Path.Combine(d.FullName, "notebooks");
        return "notebooks";
    }

    private static async Task<int> Run(string[]? paths, RunOptions options, string? outputDir, bool inplace, string? html, string? junit, double? compareRtol)
    {
        var opts = options;
        var notebooks = FindOrReport(paths);
        if (notebooks is null) return 2;
        var stored = notebooks.ToDictionary(p => p, p => { try { return NotebookFile.Load(p); } catch (NotebookFormatException) { return null; } });
        IReadOnlyList<NotebookResult> results;
        if (Reports.Rich)
        {
            results = await AnsiConsole.Progress().StartAsync(async ctx =>
            {
                var bars = notebooks.ToDictionary(p => p, p => ctx.AddTask(Markup.Escape(Path.GetFileName(p)), maxValue: 1));
                var r = await NotebookRunner.RunAsync(notebooks, opts with
                {
                    Progress = (p, cell, count) => { bars[p].MaxValue = count; bars[p].Value = cell; },
                });
                foreach (var b in bars.Values) b.Value = b.MaxValue;
                return r;
            });
        }
        else
        {
            var started = new HashSet<string>();
            results = await NotebookRunner.RunAsync(notebooks, opts with
            {
                Progress = (p, cell, count) => { lock (started) if (started.Add(p)) Console.WriteLine($"running {Path.GetFileName(p)}"); },
            });
        }

        int exit = 0;
        foreach (var r in results)
        {
            if (r.Notebook is null) { exit = 2; continue; }
            if (!r.Passed) exit = Math.Max(exit, 1);
            if (compareRtol is double tol)
            {
                var diff = stored[r.Path] is { } s ? Comparison.Compare(s, r.Notebook, tol) : "unreadable stored notebook";
                if (diff is not null) { Console.WriteLine($"DIFFERS {Path.GetFileName(r.Path)}: {diff}"); exit = Math.Max(exit, 1); }
                else Console.WriteLine($"reproduced {Path.GetFileName(r.Path)} (numbers within rtol {tol:G3})");
            }
            else
            {
                string target = inplace ? r.Path : Path.Combine(outputDir!, Path.GetFileName(r.Path));
                NotebookFile.WriteAtomic(target, NotebookFile.Serialize(r.Notebook));
            }
        }
        Reports.Print(results, Console.Out);
        if (junit is not null) Reports.WriteJUnit(results, junit);
        if (html is not null)
            HtmlExport.Write(results.Where(r => r.Notebook is not null).Select(r => (r.Path, r.Notebook!)).ToArray(), html);
        return exit;
    }

    private static int Export(string[]? paths, string to, string outputDir)
    {
        if (to != "cs") { Console.Error.WriteLine($"--to {to}: the only export format is cs"); return 2; }
        var notebooks = FindOrReport(paths);
        if (notebooks is null) return 2;
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
