namespace IncLearn.Runner;

/// <summary>An event that carries no output of a cell (<c>KernelReady</c>, <c>CodeSubmissionReceived</c>, diagnostics, …).</summary>
/// <param name="EventType">The envelope's <c>eventType</c>.</param>
/// <param name="CommandToken">The token of the command it belongs to.</param>
public sealed record OtherKernelEvent(string EventType, string? CommandToken) : KernelEvent(CommandToken);
