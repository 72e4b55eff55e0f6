using System.Text;
using System.Text.Json.Nodes;
using IncLearn.Runner;
using static IncLearn.Runner.Tests.TestNotebooks;

namespace IncLearn.Runner.Tests;

/// <summary>Reading refuses what cannot be written back; writing is atomic, follows symlinks, keeps modes.</summary>
public class FileTests
{
    public static TheoryData<string, string, string> Malformed => new()
    {
        { "duplicate keys", "{\"cells\": [], \"cells\": []}", "Duplicate" },
        { "lone surrogate", "{\"cells\": [], \"metadata\": {\"x\": \"\\ud800\"}}", "surrogate" },
        { "cells not an array", "{\"cells\": {}}", "\"cells\"" },
        { "source a number", "{\"cells\": [{\"cell_type\": \"code\", \"source\": 5, \"metadata\": {}, \"outputs\": []}]}", "source" },
        { "tags a string", "{\"cells\": [{\"cell_type\": \"code\", \"source\": \"1\", \"metadata\": {\"tags\": \"x\"}, \"outputs\": []}]}", "tags" },
        { "kernel name a number", "{\"cells\": [{\"cell_type\": \"code\", \"source\": \"1\", \"metadata\": {\"polyglot_notebook\": {\"kernelName\": 1}}, \"outputs\": []}]}", "kernelName" },
        { "execution count a string", "{\"cells\": [{\"cell_type\": \"code\", \"source\": \"1\", \"metadata\": {}, \"outputs\": [], \"execution_count\": \"1\"}]}", "execution_count" },
        { "invalid JSON", "{\n \"cells\": [\n  {\"cell_type\": \"code\",, }\n ]\n}\n", "line 3" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void MalformedNotebooksAreRefusedWithTheReason(string what, string json, string reason)
    {
        using var dir = new TempFolder();
        string path = Path.Combine(dir, "bad.ipynb");
        File.WriteAllText(path, json);
        var e = Assert.Throws<NotebookFormatException>(() => NotebookFile.Load(path));
        Assert.True(e.Message.Contains(reason, StringComparison.OrdinalIgnoreCase), $"{what}: {e.Message}");
    }

    [Fact]
    public void BytesThatAreNotUtf8AreRefused()
    {
        using var dir = new TempFolder();
        string path = Path.Combine(dir, "latin1.ipynb");
        var bytes = Encoding.UTF8.GetBytes("{\"cells\": [], \"metadata\": {\"author\": \"Andr\u00e9\"}}").ToList();
        int at = bytes.IndexOf(0xC3);
        bytes.RemoveAt(at + 1); // 0xC3 followed by '"': not UTF-8
        File.WriteAllBytes(path, [.. bytes]);
        var e = Assert.Throws<NotebookFormatException>(() => NotebookFile.Load(path));
        Assert.Contains("not UTF-8", e.Message);
    }

    [Fact]
    public void AtomicWritesFollowSymlinksKeepTheModeAndRefuseReadOnlyFiles()
    {
        using var dir = new TempFolder();
        string real = Path.Combine(dir, "real.ipynb");
        File.WriteAllText(real, "old");
        File.SetUnixFileMode(real, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        string link = Path.Combine(dir, "link.ipynb");
        File.CreateSymbolicLink(link, real);
        NotebookFile.WriteAtomic(link, "new", refuseReadOnly: true);
        Assert.NotNull(new FileInfo(link).LinkTarget); // still a symlink
        Assert.Equal("new", File.ReadAllText(real));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(real));
        File.SetUnixFileMode(real, UnixFileMode.UserRead);
        Assert.Throws<UnauthorizedAccessException>(() => NotebookFile.WriteAtomic(link, "newer", refuseReadOnly: true));
        Assert.Equal("new", File.ReadAllText(real));
        Assert.Empty(Directory.GetFiles(dir, "*.tmp", SearchOption.AllDirectories));
    }

    [Trait("Tier", "Kernel")]
    [Fact]
    public async Task InPlaceRunKeepsUnknownMetadataIdsAndMarkdown()
    {
        using var dir = new TempFolder();
        var md = Markdown("# Title\n\nSome *markdown* with $x^2$.");
        md["metadata"] = new JsonObject { ["custom"] = new JsonObject { ["keep"] = new JsonArray(1, 2, "three") } };
        var code = Cell("1 + 1");
        ((JsonObject)code["metadata"]!)["unknown_key"] = "kept";
        string path = Write(dir, "a.ipynb", md, code);
        string before = File.ReadAllText(path);
        int exit = await Program.Main(["run", path, "--inplace"]);
        Assert.Equal(0, exit);
        string after = File.ReadAllText(path);
        int end = before.IndexOf("\n  },", StringComparison.Ordinal);
        Assert.Equal(before[..end], after[..end]); // the markdown cell's bytes are unchanged
        var b = NotebookFile.Load(path);
        Assert.Equal("kept", b["cells"]![1]!["metadata"]!["unknown_key"]!.GetValue<string>());
        Assert.Equal(code["id"]!.GetValue<string>(), b["cells"]![1]!["id"]!.GetValue<string>());
        Assert.Equal("ok", b["cells"]![1]!["metadata"]!["inclearn"]!["status"]!.GetValue<string>());
        Assert.Empty(Directory.GetFiles(dir, "*.tmp"));
    }
}
