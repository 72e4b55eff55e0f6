namespace IncLearn.Runner;

/// <summary>The kernel process exited (Environment.Exit, FailFast, stack overflow, a background thread's exception, a
/// signal) or did not start (nbclient's DeadKernelError). The message names the exit code or the signal.</summary>
public sealed class DeadKernelError(string message, int? exitCode = null) : Exception(message)
{
    /// <summary>The process exit code (128 + n when killed by signal n), when known.</summary>
    public int? ExitCode { get; } = exitCode;
}
