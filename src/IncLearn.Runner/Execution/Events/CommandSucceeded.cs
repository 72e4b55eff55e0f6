namespace IncLearn.Runner;

/// <summary>The command named by <see cref="KernelEvent.CommandToken"/> ended without error.</summary>
public sealed record CommandSucceeded(string? CommandToken) : KernelEvent(CommandToken);
