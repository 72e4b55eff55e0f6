namespace IncLearn.Runner;

/// <summary>An error the kernel reported beside the command's result (<c>ErrorProduced</c>), shown as standard error.</summary>
public sealed record ErrorProduced(string Message, string? CommandToken) : KernelEvent(CommandToken);
