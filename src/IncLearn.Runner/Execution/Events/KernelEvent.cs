namespace IncLearn.Runner;

/// <summary>
/// One event of the kernel's stdio protocol, parsed once by <see cref="KernelEventParser"/>: the output events a cell
/// produces, and the end of a command (<see cref="CommandSucceeded"/>, <see cref="CommandFailed"/>), which carries the token
/// of the command it ends.
/// </summary>
/// <param name="CommandToken">The token of the command the event belongs to, when the envelope names one.</param>
public abstract record KernelEvent(string? CommandToken);
