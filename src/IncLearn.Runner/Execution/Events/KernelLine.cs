namespace IncLearn.Runner;

/// <summary>One line of the kernel's standard output: raw text written by the cell's code or a child process (which shares
/// the stream), an event envelope, or raw text glued before an envelope.</summary>
/// <param name="RawText">Text outside any envelope, with its newline when it ends the line ("" when none).</param>
/// <param name="Event">The event, when the line holds an envelope.</param>
public sealed record KernelLine(string RawText, KernelEvent? Event);
