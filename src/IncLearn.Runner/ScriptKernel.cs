using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.DotNet.Interactive.Formatting;

namespace IncLearn.Runner;

/// <summary>What notebook code sees as globals: the kernel's <c>display</c>, supplied by the runner (never by the library).</summary>
public sealed class KernelGlobals
{
    /// <summary>Displays a value in the current cell, formatted with its preferred MIME types (or the given ones).</summary>
    public DisplayedValue display(object? value, params string[] mimeTypes) => Display.Show(value, false, mimeTypes);
}

/// <summary>Returned by <c>display</c>, as in the real kernel (updates are not supported headlessly).</summary>
public sealed class DisplayedValue
{
    internal DisplayedValue() { }
}

/// <summary>The kernel's <c>x.Display()</c> extension, supplied by the runner and imported in every notebook.</summary>
public static class DisplayExtensions
{
    /// <summary>Displays the value in the current cell.</summary>
    public static DisplayedValue Display(this object? value, params string[] mimeTypes) => Runner.Display.Show(value, false, mimeTypes);
}

/// <summary>Formats values the way the real kernel does, through Microsoft.DotNet.Interactive.Formatting.</summary>
public static class Display
{
    /// <summary>Formats a value into MIME type → text, with the preferred MIME types of its type (text/html for objects,
    /// text/plain for strings), plus every extra MIME type registered as preferred (e.g. Plotly JSON beside HTML).</summary>
    public static IReadOnlyDictionary<string, string> Format(object? value, params string[] mimeTypes)
    {
        var types = mimeTypes.Length > 0 ? mimeTypes
            : value is null ? [PlainTextFormatter.MimeType]
            : Formatter.GetPreferredMimeTypesFor(value.GetType()).ToArray();
        if (types.Length == 0) types = [Formatter.DefaultMimeType];
        var data = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var m in types) data[m] = value is null ? "<null>" : value.ToDisplayString(m);
        return data;
    }

    internal static DisplayedValue Show(object? value, bool isResult, string[] mimeTypes)
    {
        var sink = OutputCapture.Current ?? throw new InvalidOperationException("display() called outside a running cell");
        sink.Add(new CellSink.DisplayOutput(Format(value, mimeTypes), isResult));
        return new DisplayedValue();
    }
}

/// <summary>
/// One C# script session per notebook, as in the real C# kernel: the first cell runs with CSharpScript.RunAsync, each next
/// one continues the state with ContinueWithAsync. Directives Roslyn scripting does not know (#!csharp, #i, #r "nuget:")
/// are handled here and blanked so diagnostics keep cell-relative line numbers.
/// </summary>
public sealed partial class ScriptKernel
{
    /// <summary>The real kernel's default imports.</summary>
    public static readonly string[] DefaultImports =
        ["System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq", "IncLearn.Runner"];

    private readonly string directory;
    private ScriptOptions options;
    private ScriptState<object?>? state;
    private readonly List<string> sources = [];

    /// <summary>A fresh session whose relative paths resolve against <paramref name="notebookDirectory"/>.</summary>
    public ScriptKernel(string notebookDirectory)
    {
        directory = notebookDirectory;
        options = ScriptOptions.Default
            .WithImports(DefaultImports)
            .WithReferences(typeof(object).Assembly, typeof(Enumerable).Assembly, typeof(KernelGlobals).Assembly,
                typeof(Formatter).Assembly, typeof(System.Collections.ArrayList).Assembly)
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(directory).WithSearchPaths(directory))
            .WithSourceResolver(ScriptSourceResolver.Default.WithBaseDirectory(directory).WithSearchPaths(directory))
            .WithFilePath(Path.Combine(directory, "notebook.csx"))
            .WithEmitDebugInformation(false)
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithAllowUnsafe(false);
    }

    [GeneratedRegex("""^\s*#r\s+"nuget:\s*([^,"]+?)\s*(?:,\s*([^"]+?))?\s*"\s*$""")]
    private static partial Regex NugetReference();

    [GeneratedRegex("""^\s*#i\s+"(?:nuget:)?\s*([^"]+)"\s*$""")]
    private static partial Regex SourceDirective();

    [GeneratedRegex("""^\s*#r\s+"([^"]+)"\s*$""")]
    private static partial Regex PathReference();

    private readonly List<string> extraSources = [];

    /// <summary>Runs one cell's code; its outputs go to the current <see cref="OutputCapture"/> sink.</summary>
    /// <returns>null on success, or the error output.</returns>
    public async Task<CellSink.ErrorOutput?> RunCellAsync(string code, CellSink sink, CancellationToken cancel)
    {
        var lines = code.Replace("\r\n", "\n").Split('\n');
        var newRefs = new List<MetadataReference>();
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            if (line.TrimStart().StartsWith("#!csharp", StringComparison.Ordinal) || line.TrimStart().StartsWith("#!c#", StringComparison.Ordinal))
            { lines[i] = ""; continue; }
            if (SourceDirective().Match(line) is { Success: true } src)
            { extraSources.Add(src.Groups[1].Value.Trim()); lines[i] = ""; continue; }
            if (NugetReference().Match(line) is { Success: true } nuget)
            {
                string name = nuget.Groups[1].Value.Trim();
                string? version = nuget.Groups[2].Success ? nuget.Groups[2].Value.Trim() : null;
                var (refs, error) = Packages.Resolve(name, version, extraSources, directory);
                if (error is not null) return new CellSink.ErrorOutput("PackageResolutionError", error, [$"(line {i + 1}): {error}"]);
                newRefs.AddRange(refs);
                lines[i] = "";
                continue;
            }
            if (PathReference().Match(line) is { Success: true } pathRef)
            {
                // A path to one of the runner's own libraries binds to the loaded copy, so statics (formatters, CheckLog) are shared.
                string full = Path.GetFullPath(Path.Combine(directory, pathRef.Groups[1].Value));
                // The file need not exist here (the runner carries the library; e.g. a Debug test build without the Release output).
                if (Packages.CarriedByFileName(Path.GetFileName(full)) is { } carried)
                {
                    newRefs.Add(MetadataReference.CreateFromFile(carried.Location));
                    lines[i] = "";
                }
            }
        }
        if (newRefs.Count > 0) options = options.AddReferences(newRefs);
        string processed = string.Join("\n", lines);
        sources.Add(processed);

        try
        {
            Environment.CurrentDirectory = directory;
            var script = state is null
                ? CSharpScript.Create<object?>(processed, options, typeof(KernelGlobals))
                : state.Script.ContinueWith<object?>(processed, options);
            var diagnostics = script.Compile(cancel);
            var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
            if (errors.Length > 0)
            {
                var lines2 = errors.Select(d =>
                {
                    var pos = d.Location.GetLineSpan().StartLinePosition;
                    return $"(line {pos.Line + 1}, column {pos.Character + 1}): error {d.Id}: {d.GetMessage()}";
                }).ToArray();
                return new CellSink.ErrorOutput("CompilationError", string.Join("\n", lines2), lines2);
            }
            state = state is null
                ? await script.RunAsync(new KernelGlobals(), _ => true, cancel)
                : await script.RunFromAsync(state, _ => true, cancel);
            if (state.Exception is { } ex) return ErrorOf(ex);
            if (EndsWithExpression(processed) && state.ReturnValue is { } value)
                sink.Add(new CellSink.DisplayOutput(Display.Format(value), true));
            return null;
        }
        catch (CompilationErrorException e)
        {
            var l = e.Diagnostics.Select(d => d.ToString()).ToArray();
            return new CellSink.ErrorOutput("CompilationError", string.Join("\n", l), l);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancel.IsCancellationRequested)
        {
            return ErrorOf(e);
        }
    }

    private static CellSink.ErrorOutput ErrorOf(Exception e)
    {
        if (e is TargetInvocationException { InnerException: { } inner }) e = inner;
        var trace = new List<string> { $"{e.GetType().FullName}: {e.Message}" };
        trace.AddRange((e.StackTrace ?? "").Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0 && !l.Contains("Microsoft.CodeAnalysis.Scripting", StringComparison.Ordinal)));
        return new CellSink.ErrorOutput(e.GetType().Name, e.Message, trace);
    }

    /// <summary>Whether the code ends with an expression without a semicolon (the cell's value, displayed like the real kernel).</summary>
    public static bool EndsWithExpression(string code)
    {
        var tree = CSharpSyntaxTree.ParseText(code, CSharpParseOptions.Default.WithKind(SourceCodeKind.Script).WithLanguageVersion(LanguageVersion.Latest));
        var root = (CompilationUnitSyntax)tree.GetRoot();
        return root.Members.LastOrDefault() is GlobalStatementSyntax { Statement: ExpressionStatementSyntax es } && es.SemicolonToken.IsMissing;
    }
}
