namespace HappyHorse.Cli;

/// <summary>The process exit codes of happyhorse; documented in --help and README.md.</summary>
public static class ExitCodes
{
    /// <summary>Everything worked.</summary>
    public const int Success = 0;

    /// <summary>An unexpected failure inside the tool (a bug): the message says what happened.</summary>
    public const int InternalError = 1;

    /// <summary>Bad arguments, or a request the contract rejects; nothing was sent.</summary>
    public const int InvalidInput = 2;

    /// <summary>The API answered with an error, or a task ended in state error.</summary>
    public const int ApiError = 3;

    /// <summary>--timeout passed (or a network attempt timed out) before the work finished.</summary>
    public const int Timeout = 4;

    /// <summary>The API or a video URL could not be reached.</summary>
    public const int NetworkFailure = 5;

    /// <summary>Cancelled with Ctrl+C.</summary>
    public const int Cancelled = 130;

    /// <summary>The text the help output and the README show.</summary>
    public const string HelpText =
        """
        Exit codes:
          0    success
          1    unexpected internal error (a bug), or a file could not be written
          2    invalid input: bad arguments, a request the contract rejects, an unusable --out (nothing was sent);
               for emulator, a broken --contract or a port in use
          3    API error, including a task that ended in state error
          4    timeout (--timeout passed, or a network attempt timed out)
          5    network failure (the API or a video URL could not be reached)
          130  cancelled (Ctrl+C)
        """;
}
