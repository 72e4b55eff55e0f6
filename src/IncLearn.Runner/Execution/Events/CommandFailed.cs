namespace IncLearn.Runner;

/// <summary>The command named by <see cref="KernelEvent.CommandToken"/> failed: a compile error or an exception.</summary>
/// <param name="Message">The kernel's message (null when it gave none).</param>
/// <param name="CommandToken">The token of the command it ends.</param>
public sealed record CommandFailed(string? Message, string? CommandToken) : KernelEvent(CommandToken);
