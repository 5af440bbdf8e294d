using System.Collections;
using HappyHorse.Cli.Output;
using Spectre.Console;

namespace HappyHorse.Cli;

/// <summary>
/// Everything the CLI takes from its surroundings, so tests can run it in-process:
/// output writers, environment variables, the working directory, HTTP and cancellation.
/// </summary>
public sealed class CliEnvironment
{
    /// <summary>Polling interval override, in seconds (for example <c>0.05</c>); applies to the first lookup too.</summary>
    public const string PollIntervalVariable = "HAPPYHORSE_POLL_INTERVAL";

    /// <summary>How long tasks of the in-process emulator take, in seconds (default 2).</summary>
    public const string EmulatorTaskDurationVariable = "HAPPYHORSE_EMULATOR_TASK_DURATION";

    /// <summary>Gets the writer for results: paths, task ids, JSON documents.</summary>
    public required TextWriter Out { get; init; }

    /// <summary>Gets the writer for progress, notes and error messages.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>Gets the console that renders live progress; made from <see cref="Error"/> when null.</summary>
    public IAnsiConsole? ErrorConsole { get; init; }

    /// <summary>Gets the environment variables the CLI sees.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets the folder relative paths (such as --out) are resolved against.</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>Gets the factory of the HttpClient used for API calls and downloads (the CLI disposes what it gets).</summary>
    public Func<HttpClient> CreateHttpClient { get; init; } = CreateDefaultHttpClient;

    /// <summary>Gets a hook that adjusts client options before the client is created (tests shorten retry delays).</summary>
    public Action<HappyHorseClientOptions>? ConfigureClient { get; init; }

    /// <summary>Gets the token that is cancelled by Ctrl+C.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>Creates the environment of the real process: the console, its variables and folder.</summary>
    /// <param name="cancellationToken">Cancelled by Ctrl+C.</param>
    /// <returns>The environment.</returns>
    public static CliEnvironment FromProcess(CancellationToken cancellationToken)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry is { Key: string key, Value: string value })
            {
                variables[key] = value;
            }
        }

        return new CliEnvironment
        {
            Out = Console.Out,
            Error = Console.Error,
            ErrorConsole = ConsoleFactory.ForStandardError(),
            Variables = variables,
            WorkingDirectory = Directory.GetCurrentDirectory(),
            CancellationToken = cancellationToken,
        };
    }

    /// <summary>Gets a variable, or null when it is unset or blank.</summary>
    /// <param name="name">The variable name.</param>
    /// <returns>The value.</returns>
    public string? GetVariable(string name) =>
        Variables.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <summary>The HttpClient the CLI uses unless <see cref="CreateHttpClient"/> is set.</summary>
    internal static HttpClient CreateDefaultHttpClient() =>
        // The API transport and the downloader own timeouts, and a redirected POST would become a GET.
        new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
}
