using MathNet.Numerics.LinearAlgebra;
using Microsoft.DotNet.Interactive.Formatting;
using static Microsoft.DotNet.Interactive.Formatting.PocketViewTags;
using static IncLearn.Interactive.Notebook;

namespace IncLearn.Interactive;

/// <summary>Matrices and vectors as HTML tables and plain text; large ones are elided in the middle.</summary>
public static class MatrixFormatter
{
    /// <summary>Rows/columns shown at each end before a large matrix is elided in the middle.</summary>
    public const int EdgeItems = 4;

    internal static void Register()
    {
        Formatter.Register<Matrix<double>>((m, w) => w.Write(Html(m)), HtmlFormatter.MimeType);
        Formatter.Register<Matrix<double>>((m, w) => w.Write(Text(m)), PlainTextFormatter.MimeType);
        Formatter.Register<Vector<double>>((v, w) => w.Write(Html(v)), HtmlFormatter.MimeType);
        Formatter.Register<Vector<double>>((v, w) => w.Write(Text(v)), PlainTextFormatter.MimeType);
    }

    private static IEnumerable<int?> Indices(int count)
    {
        if (count <= 2 * EdgeItems + 1)
        {
            for (int i = 0; i < count; i++) yield return i;
            yield break;
        }
        for (int i = 0; i < EdgeItems; i++) yield return i;
        yield return null; // the elided middle
        for (int i = count - EdgeItems; i < count; i++) yield return i;
    }

    /// <summary>HTML table of a matrix; rows and columns beyond 2·<see cref="EdgeItems"/>+1 are elided in the middle.</summary>
    public static string Html(Matrix<double> m)
        => table[@class: "inclearn-matrix", style: "font-family:monospace;text-align:right"](
            caption[style: "text-align:left"]($"{m.RowCount}×{m.ColumnCount} matrix"),
            Indices(m.RowCount).Select(i => tr(Indices(m.ColumnCount).Select(j => td(i is int r && j is int c ? Num(m[r, c]) : "…")).ToArray())).ToArray())
            .ToString();

    /// <summary>Plain-text form of a matrix, elided like <see cref="Html(Matrix{double})"/>.</summary>
    public static string Text(Matrix<double> m)
    {
        var rows = Indices(m.RowCount).Select(i => Indices(m.ColumnCount)
            .Select(j => i is int r && j is int c ? Num(m[r, c]) : "…").ToArray()).ToArray();
        int width = rows.SelectMany(r => r).Select(s => s.Length).DefaultIfEmpty(1).Max();
        return $"{m.RowCount}×{m.ColumnCount} matrix\n" + string.Join("\n", rows.Select(r => string.Join(" ", r.Select(s => s.PadLeft(width)))));
    }

    /// <summary>HTML of a vector as one row, elided in the middle when long.</summary>
    public static string Html(Vector<double> v)
        => table[@class: "inclearn-vector", style: "font-family:monospace;text-align:right"](
            caption[style: "text-align:left"]($"vector of length {v.Count}"),
            tr(Indices(v.Count).Select(i => td(i is int k ? Num(v[k]) : "…")).ToArray()))
            .ToString();

    /// <summary>Plain-text form of a vector.</summary>
    public static string Text(Vector<double> v)
        => $"vector of length {v.Count}: [" + string.Join(", ", Indices(v.Count).Select(i => i is int k ? Num(v[k]) : "…")) + "]";
}
