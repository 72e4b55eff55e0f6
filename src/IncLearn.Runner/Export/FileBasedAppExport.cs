using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace IncLearn.Runner;

/// <summary>
/// Turns a C# notebook into one .NET file-based app (<c>dotnet run app.cs</c>): code cells in order, markdown as comments
/// (headings as section banners), directives translated (<c>#r "nuget: X, V"</c> → <c>#:package X@V</c>; <c>#r</c> of a
/// project's build output → <c>#:project</c> of that project; magics and <c>#i</c> dropped with a comment), <c>using</c>
/// directives hoisted, and each cell's trailing expression (the value the kernel would show) passed to <c>display</c>, one
/// generated line calling the notebook layer's <c>IncLearn.Interactive.ConsoleDisplay</c> (values printed as the kernel's
/// text/plain formatting, figures written beside the app). Output is
/// deterministic, so a test can re-export and compare with the committed apps.
/// </summary>
public static partial class FileBasedAppExport
{
    [GeneratedRegex(@"^#r\s+""nuget:\s*([^,""]+?)\s*,\s*([^""]+?)\s*""\s*$")]
    private static partial Regex NugetReference();

    [GeneratedRegex(@"^#r\s+""([^""]+\.dll)""\s*$")]
    private static partial Regex PathReference();

    /// <summary>The app's source for the notebook at <paramref name="notebookPath"/>, to be written at <paramref name="appPath"/>.</summary>
    public static string Export(JsonObject notebook, string notebookPath, string appPath)
    {
        string notebookDir = Path.GetDirectoryName(Path.GetFullPath(notebookPath))!;
        string appDir = Path.GetDirectoryName(Path.GetFullPath(appPath))!;
        var directives = new List<string>();
        var usings = new List<string>();
        var body = new StringBuilder();
        int cellNumber = 0;
        foreach (var cell in new NotebookDocument(notebook).Cells)
        {
            string kind = cell.Kind;
            string source = cell.Source;
            if (kind == "markdown") { body.Append(Comment(source)).Append("\n\n"); continue; }
            if (kind != "code") continue;
            cellNumber++;
            string language = cell.KernelName("csharp");
            body.Append($"// ── cell {cellNumber} ──\n");
            if (language != "csharp") { body.Append(Comment($"({language} cell not exported)\n" + source)).Append('\n'); continue; }
            var code = new List<string>();
            foreach (var line in source.Split('\n'))
            {
                string trimmed = line.Trim();
                if (NugetReference().Match(trimmed) is { Success: true } n) Add(directives, $"#:package {n.Groups[1].Value}@{n.Groups[2].Value}");
                else if (PathReference().Match(trimmed) is { Success: true } r) Add(directives, ProjectOf(r.Groups[1].Value, notebookDir, appDir));
                else if (trimmed.StartsWith("#!", StringComparison.Ordinal) || trimmed.StartsWith("#i ", StringComparison.Ordinal) || trimmed.StartsWith("#r ", StringComparison.Ordinal))
                    code.Add($"// (notebook directive not exported: {trimmed})");
                else if (trimmed.StartsWith("using ", StringComparison.Ordinal) && trimmed.EndsWith(';') && !trimmed.Contains('(')) Add(usings, trimmed);
                else code.Add(line);
            }
            body.Append(DisplayTrailingExpression(string.Join("\n", code).Trim('\n'))).Append("\n\n");
        }
        var app = new StringBuilder();
        app.Append($"// Generated from {Relative(appDir, Path.GetFullPath(notebookPath))} by `inclearn-nb export --to cs`: edit the notebook, not this file.\n");
        app.Append($"// Run from the repository: dotnet run {Relative(Path.GetDirectoryName(appDir)!, Path.GetFullPath(appPath))}\n");
        // The app pins its packages itself, as the notebook does, even inside a repository with central package versions.
        // Warnings stay warnings, as in the kernel (a repository may make them errors for its own code).
        // Not trimmed or AOT-compiled (a file-based app is by default): the kernel's formatting reflects over the values it prints.
        app.Append("#:property ManagePackageVersionsCentrally=false\n#:property TreatWarningsAsErrors=false\n#:property PublishAot=false\n");
        foreach (var d in directives) app.Append(d).Append('\n');
        app.Append('\n');
        foreach (var u in usings) app.Append(u).Append('\n');
        app.Append('\n').Append(body.ToString().TrimEnd('\n')).Append("\n\n").Append(ConsoleDisplay(Path.GetFileNameWithoutExtension(appPath)));
        return app.ToString();
    }

    private static void Add(List<string> list, string item)
    {
        if (!list.Contains(item)) list.Add(item);
    }

    private static string Comment(string markdown)
        => string.Join("\n", markdown.TrimEnd('\n').Split('\n').Select(line =>
            line.StartsWith('#') ? $"// ═══ {line.TrimStart('#').Trim()} ═══" : line.Length == 0 ? "//" : "// " + line));

    // "../src/X/bin/Release/net10.0/Y.dll" → "#:project ../src/X/X.csproj" (relative to the app); any other DLL is referenced as is.
    private static string ProjectOf(string dll, string notebookDir, string appDir)
    {
        string full = Path.GetFullPath(Path.Combine(notebookDir, dll));
        int bin = full.IndexOf($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal);
        if (bin > 0)
        {
            string projectDir = full[..bin];
            string project = Path.Combine(projectDir, Path.GetFileName(projectDir) + ".csproj");
            if (File.Exists(project)) return $"#:project {Relative(appDir, project)}";
        }
        return $"// (assembly reference not exported: {dll})";
    }

    private static string Relative(string from, string to) => Path.GetRelativePath(from, to).Replace('\\', '/');

    // The kernel shows a cell's trailing expression (an expression statement without its semicolon); a C# file needs display(…);.
    private static string DisplayTrailingExpression(string code)
    {
        var root = CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(kind: SourceCodeKind.Script)).GetCompilationUnitRoot();
        if (root.Members.LastOrDefault() is GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } last })
        {
            var span = last.Expression.Span;
            return code[..span.Start] + "display(" + code[span.Start..span.End] + ");" + code[span.End..];
        }
        return code;
    }

    // The notebook layer's ConsoleDisplay prints values and saves figures; the app's name (a C# literal) names its figure files.
    private static string ConsoleDisplay(string app) => $"""
        // ── what the notebook displays, on the console (generated) ──
        static void display(object? value) => IncLearn.Interactive.ConsoleDisplay.Show(value, {SymbolDisplay.FormatLiteral(app, quote: true)});

        """;
}
