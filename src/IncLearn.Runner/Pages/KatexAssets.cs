namespace IncLearn.Runner;

/// <summary>
/// A local KaTeX for offline pages: the folder a caller gives <see cref="Find"/>, else $INCLEARN_KATEX, else Debian's libjs-katex
/// (/usr/share/javascript/katex). Its stylesheet, fonts, script and auto-render extension are copied beside the pages, so
/// math renders with no network. Nothing is downloaded.
/// </summary>
public sealed class KatexAssets
{
    private const string DebianFolder = "/usr/share/javascript/katex";

    private KatexAssets(string folder, string autoRender)
    {
        Folder = folder;
        AutoRender = autoRender;
    }

    /// <summary>The KaTeX distribution folder (holding katex.min.js, katex.min.css, fonts/).</summary>
    public string Folder { get; }

    private string AutoRender { get; }

    /// <summary>The KaTeX to use, or null when none is found (pages then show the TeX source).</summary>
    public static KatexAssets? Find(string? given = null)
    {
        foreach (var folder in new[] { given, Environment.GetEnvironmentVariable("INCLEARN_KATEX"), DebianFolder })
        {
            if (string.IsNullOrEmpty(folder) || !File.Exists(Path.Combine(folder, "katex.min.js")) || !File.Exists(Path.Combine(folder, "katex.min.css"))) continue;
            string? autoRender = new[] { "contrib/auto-render.min.js", "contrib/auto-render.js" }.FirstOrDefault(f => File.Exists(Path.Combine(folder, f)));
            if (autoRender is not null) return new KatexAssets(folder, autoRender);
        }
        return null;
    }

    /// <summary>Copies the assets into <paramref name="directory"/>/katex.</summary>
    public void CopyTo(string directory)
    {
        string target = Path.Combine(directory, "katex");
        Directory.CreateDirectory(Path.Combine(target, "fonts"));
        File.Copy(Path.Combine(Folder, "katex.min.js"), Path.Combine(target, "katex.min.js"), overwrite: true);
        File.Copy(Path.Combine(Folder, "katex.min.css"), Path.Combine(target, "katex.min.css"), overwrite: true);
        File.Copy(Path.Combine(Folder, AutoRender), Path.Combine(target, "auto-render.js"), overwrite: true);
        if (Directory.Exists(Path.Combine(Folder, "fonts")))
            foreach (var font in Directory.EnumerateFiles(Path.Combine(Folder, "fonts")))
                File.Copy(font, Path.Combine(target, "fonts", Path.GetFileName(font)), overwrite: true);
    }

    /// <summary>The head elements of a page at <paramref name="prefix"/> (its path back to the pages' root, e.g. "../").</summary>
    public static string Head(string prefix)
        => $"<link rel=\"stylesheet\" href=\"{prefix}katex/katex.min.css\"><script defer src=\"{prefix}katex/katex.min.js\"></script>"
         + $"<script defer src=\"{prefix}katex/auto-render.js\" onload=\"renderMathInElement(document.body,{{delimiters:["
         + "{left:'\\\\[',right:'\\\\]',display:true},{left:'\\\\(',right:'\\\\)',display:false}],throwOnError:false})\"></script>";
}
