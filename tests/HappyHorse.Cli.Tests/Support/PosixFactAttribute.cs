namespace HappyHorse.Cli.Tests.Support;

/// <summary>A fact about POSIX signals (SIGTERM sent with <c>kill</c>): skipped on Windows, which has none to send.</summary>
public sealed class PosixFactAttribute : FactAttribute
{
    /// <summary>Initializes a new instance, skipped on Windows.</summary>
    public PosixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "POSIX signals are not sent on Windows.";
        }
    }
}
