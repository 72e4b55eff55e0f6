namespace IncLearn.Runner;

/// <summary>The kernel process exited (Environment.Exit, FailFast, stack overflow, a background thread's exception, a
/// signal) or did not start (nbclient's KernelDiedException). The message names the exit code or the signal.</summary>
public sealed class KernelDiedException(string message, int? exitCode = null) : RunnerException(message)
{
    /// <summary>The process exit code (128 + n when killed by signal n), when known.</summary>
    public int? ExitCode { get; } = exitCode;
}
