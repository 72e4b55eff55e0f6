using System.Text.Json.Nodes;

namespace IncLearn.Runner.Tests;

/// <summary>The typed view of a notebook reads and writes its JSON tree in place: what it does not name (unknown top-level
/// fields, unknown cell fields, unknown metadata) is kept, and what it does not touch is written back byte for byte.</summary>
public class NotebookRoundTripTests
{
    // In the style NotebookFile writes (one-space indent, keys in the writer's order), so an untouched round trip is exact.
    private const string Original = """
        {
         "cells": [
          {
           "cell_type": "markdown",
           "id": "intro",
           "metadata": {
            "vendor_note": {
             "keep": [
              1,
              2.50,
              "σ"
             ]
            }
           },
           "source": [
            "# Title $\\alpha$\n",
            "text"
           ],
           "x_unknown_cell_field": true
          },
          {
           "cell_type": "code",
           "execution_count": null,
           "id": "target",
           "metadata": {
            "dotnet_interactive": {
             "language": "csharp"
            },
            "polyglot_notebook": {
             "kernelName": "csharp"
            },
            "tags": [
             "parameters"
            ],
            "x_cell_metadata": {
             "nested": null
            }
           },
           "outputs": [],
           "source": "int a = 1;\nint b = 2;",
           "x_after_source": "kept"
          },
          {
           "cell_type": "code",
           "execution_count": 3,
           "id": "other",
           "metadata": {
            "dotnet_interactive": {
             "language": "fsharp"
            }
           },
           "outputs": [
            {
             "name": "stdout",
             "output_type": "stream",
             "text": [
              "old\n"
             ]
            }
           ],
           "source": [
            "let x = 1"
           ]
          }
         ],
         "metadata": {
          "kernelspec": {
           "display_name": ".NET (C#)",
           "language": "C#",
           "name": ".net-csharp"
          },
          "x_notebook_metadata": {
           "numbers": [
            1e-300,
            0.1,
            12345678901234567890
           ]
          }
         },
         "nbformat": 4,
         "nbformat_minor": 5,
         "x_top_level": {
          "a": "b"
         }
        }

        """;

    private static string Text => Original.Replace("\r\n", "\n");

    [Fact]
    public void AnUntouchedNotebookIsWrittenBackByteForByte()
    {
        string path = Path.Combine(Path.GetTempPath(), $"inclearn-roundtrip-{Guid.NewGuid():N}.ipynb");
        try
        {
            File.WriteAllText(path, Text);
            var doc = NotebookDocument.Load(path);
            _ = doc.Cells.Select(c => (c.Source, c.Tags, c.Outputs, c.KernelName(doc.DefaultKernel))).ToArray(); // reading changes nothing
            Assert.Equal(Text, NotebookFile.Serialize(doc.Json));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void TheViewReadsCellsAsTheKernelAndThePagesSeeThem()
    {
        var doc = new NotebookDocument(NotebookFile.Parse(Text, "round-trip.ipynb"));
        Assert.Equal("csharp", doc.DefaultKernel);
        Assert.Equal(5, doc.FormatMinor);
        Assert.Equal(["markdown", "code", "code"], doc.Cells.Select(c => c.Kind));
        Assert.Equal("# Title $\\alpha$\ntext", doc.Cells[0].Source);
        Assert.Equal("int a = 1;\nint b = 2;", doc.Cells[1].Source);
        Assert.Equal(["parameters"], doc.Cells[1].Tags);
        Assert.True(doc.Cells[1].HasTag("parameters"));
        Assert.Equal("csharp", doc.Cells[1].KernelName("pwsh"));
        Assert.Equal("fsharp", doc.Cells[2].KernelName("csharp"));
        Assert.Equal(3, doc.Cells[2].ExecutionCount);
        Assert.False(doc.Cells[1].HasRun);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"nested": null}"""), doc.Cells[1].Metadata!["x_cell_metadata"]));
    }

    [Fact]
    public void WritingOutputsThroughTheViewChangesOnlyThatCell()
    {
        var doc = new NotebookDocument(NotebookFile.Parse(Text, "round-trip.ipynb"));
        var cell = doc.Cells[1];
        cell.ExecutionCount = 1;
        cell.Outputs = [new JsonObject { ["name"] = "stdout", ["output_type"] = "stream", ["text"] = NotebookFile.Lines("3\n") }];
        string written = NotebookFile.Serialize(doc.Json);

        // Everything outside the span from the target's execution count to the end of its outputs is the original's bytes.
        int from = Text.IndexOf("\"execution_count\": null", StringComparison.Ordinal);
        int to = Text.IndexOf("\"outputs\": [],", from, StringComparison.Ordinal) + "\"outputs\": [],".Length;
        Assert.StartsWith(Text[..from], written);
        Assert.EndsWith(Text[to..], written);

        var back = (JsonObject)JsonNode.Parse(written)!;
        var target = (JsonObject)back["cells"]![1]!;
        Assert.Equal(["cell_type", "execution_count", "id", "metadata", "outputs", "source", "x_after_source"], target.Select(p => p.Key));
        Assert.Equal(1, (int)target["execution_count"]!);
        Assert.Equal("3\n", new NotebookCell(target).Outputs![0]!["text"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task TheExecutingPathKeepsUnknownFieldsAndLeavesOtherCellsAlone()
    {
        // Every code cell skipped: the executor runs its whole write path (outputs, count, metadata.inclearn) without a kernel.
        var nb = NotebookFile.Parse(Text, "round-trip.ipynb");
        foreach (var c in new NotebookDocument(nb).Cells.Where(c => c.IsCode))
        {
            if (c.Metadata!["tags"] is not JsonArray tags) c.Metadata["tags"] = tags = [];
            tags.Add("skip-execution");
        }
        var before = (JsonObject)nb.DeepClone();
        var r = await NotebookExecutor.ExecuteAsync("round-trip.ipynb", nb, null, new ExecutionOptions(false, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)));

        Assert.All(r.Cells, c => Assert.Equal(CellStatus.Skipped, c.Status));
        var after = (JsonObject)JsonNode.Parse(NotebookFile.Serialize(nb))!;
        foreach (var key in new[] { "metadata", "nbformat", "nbformat_minor", "x_top_level" })
            Assert.True(JsonNode.DeepEquals(before[key], after[key]), key);
        Assert.Equal(before["cells"]![0]!.ToJsonString(), after["cells"]![0]!.ToJsonString()); // the markdown cell
        for (int i = 1; i <= 2; i++)
        {
            var was = (JsonObject)before["cells"]![i]!;
            var now = (JsonObject)after["cells"]![i]!;
            Assert.Equal(was.Select(p => p.Key), now.Select(p => p.Key)); // same fields, same order
            Assert.Equal(was["source"]!.ToJsonString(), now["source"]!.ToJsonString());
            Assert.Empty(now["outputs"]!.AsArray());
            Assert.Null(now["execution_count"]);
            var meta = now["metadata"]!.AsObject();
            Assert.Equal("skipped", (string?)meta["inclearn"]!["status"]);
            meta.Remove("inclearn");
            Assert.True(JsonNode.DeepEquals(was["metadata"], meta), $"cell {i} metadata");
        }
        Assert.Equal("kept", (string?)after["cells"]![1]!["x_after_source"]);
    }
}
