namespace IncLearn.Runner;

/// <summary>Text the cell wrote to standard output (<c>StandardOutputValueProduced</c>).</summary>
public sealed record StandardOutputProduced(string Text, string? CommandToken) : KernelEvent(CommandToken);
