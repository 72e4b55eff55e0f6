using System.Text;

namespace IncLearn.Runner;

/// <summary>
/// Routes Console.Out/Console.Error to the cell executing on the current logical flow (AsyncLocal), so text written while
/// several notebooks run in one process lands in the right cell. Text written outside any cell goes to the original streams.
/// </summary>
public static class OutputCapture
{
    private static readonly AsyncLocal<CellSink?> current = new();
    private static readonly object Gate = new();
    private static bool installed;

    /// <summary>The sink of the cell running on this logical flow, if any.</summary>
    public static CellSink? Current { get => current.Value; set => current.Value = value; }

    /// <summary>Installs the routing writers once per process.</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (installed) return;
            Console.SetOut(new RoutingWriter(Console.Out, "stdout"));
            Console.SetError(new RoutingWriter(Console.Error, "stderr"));
            installed = true;
        }
    }

    private sealed class RoutingWriter(TextWriter fallback, string stream) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;
        public override void Write(char value) => Write(value.ToString());
        public override void Write(string? value)
        {
            if (value is null) return;
            if (current.Value is { } sink) sink.Stream(stream, value);
            else lock (fallback) fallback.Write(value);
        }
        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));
        public override void WriteLine(string? value) => Write((value ?? "") + "\n");
        public override void Flush() => fallback.Flush();
    }
}

/// <summary>Collects what one cell produces: stream text, displayed values, and checks.</summary>
public sealed class CellSink
{
    private readonly object gate = new();
    private readonly List<Output> outputs = [];
    private readonly List<IncLearn.Interactive.CheckResult> checks = [];

    /// <summary>One output in nbformat terms.</summary>
    public abstract record Output;

    /// <summary>Console text.</summary>
    public sealed record StreamOutput(string Name, string Text) : Output;

    /// <summary>A displayed value: MIME type → text.</summary>
    public sealed record DisplayOutput(IReadOnlyDictionary<string, string> Data, bool IsResult) : Output;

    /// <summary>An exception or compile error.</summary>
    public sealed record ErrorOutput(string Name, string Value, IReadOnlyList<string> Traceback) : Output;

    /// <summary>Appends stream text, merging with a preceding output of the same stream.</summary>
    public void Stream(string name, string text)
    {
        lock (gate)
        {
            if (outputs.Count > 0 && outputs[^1] is StreamOutput s && s.Name == name)
                outputs[^1] = s with { Text = s.Text + text };
            else outputs.Add(new StreamOutput(name, text));
        }
    }

    /// <summary>Adds an output.</summary>
    public void Add(Output output) { lock (gate) outputs.Add(output); }

    /// <summary>Records a check made during the cell.</summary>
    public void AddCheck(IncLearn.Interactive.CheckResult check) { lock (gate) checks.Add(check); }

    /// <summary>The outputs so far.</summary>
    public IReadOnlyList<Output> Outputs { get { lock (gate) return outputs.ToArray(); } }

    /// <summary>The checks so far.</summary>
    public IReadOnlyList<IncLearn.Interactive.CheckResult> Checks { get { lock (gate) return checks.ToArray(); } }
}
