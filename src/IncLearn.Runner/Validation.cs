using System.Text.Json.Nodes;

namespace IncLearn.Runner;

/// <summary>Format checks without executing: what VS Code Polyglot Notebooks and nbformat 4.5 expect.</summary>
public static class Validation
{
    /// <summary>Problems found in a notebook file (empty when clean).</summary>
    public static IReadOnlyList<string> Validate(string path)
    {
        var problems = new List<string>();
        JsonObject nb;
        try { nb = NotebookFile.Load(path); }
        catch (NotebookFormatException e) { return [e.Message]; }
        int major = nb["nbformat"]?.GetValue<int>() ?? 0, minor = nb["nbformat_minor"]?.GetValue<int>() ?? 0;
        if (major < 4 || (major == 4 && minor < 5)) problems.Add($"nbformat {major}.{minor} < 4.5 (cells need ids)");
        string? kernelspec = nb["metadata"]?["kernelspec"]?["name"]?.GetValue<string>();
        if (kernelspec != ".net-csharp") problems.Add($"metadata.kernelspec.name is '{kernelspec ?? "missing"}', Polyglot Notebooks expects '.net-csharp'");
        if (nb["metadata"]?["polyglot_notebook"] is null) problems.Add("metadata.polyglot_notebook (kernelInfo) is missing");
        var cells = (JsonArray)nb["cells"]!;
        for (int i = 0; i < cells.Count; i++)
        {
            if (cells[i] is not JsonObject c) { problems.Add($"cell {i}: not an object"); continue; }
            if (c["id"] is null) problems.Add($"cell {i}: no id");
            if (c["cell_type"]?.GetValue<string>() != "code") continue;
            if (c["metadata"]?["polyglot_notebook"]?["kernelName"] is null) problems.Add($"cell {i}: metadata.polyglot_notebook.kernelName is missing");
            var outputs = c["outputs"] as JsonArray ?? [];
            if (outputs.OfType<JsonObject>().Any(o => o["output_type"]?.GetValue<string>() == "error"))
                problems.Add($"cell {i}: has a stored error output");
            if (c["execution_count"] is null && outputs.Count > 0) problems.Add($"cell {i}: outputs without an execution count (unexecuted)");
        }
        return problems.Select(p => $"{path}: {p}").ToArray();
    }
}
