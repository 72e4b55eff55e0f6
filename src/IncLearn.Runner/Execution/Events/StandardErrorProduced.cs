namespace IncLearn.Runner;

/// <summary>Text the cell wrote to standard error (<c>StandardErrorValueProduced</c>).</summary>
public sealed record StandardErrorProduced(string Text, string? CommandToken) : KernelEvent(CommandToken);
