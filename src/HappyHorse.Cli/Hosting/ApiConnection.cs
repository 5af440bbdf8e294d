using System.Globalization;
using HappyHorse.Emulator;

namespace HappyHorse.Cli.Hosting;

/// <summary>
/// The API a command talks to: the real one (token from ACEDATACLOUD_API_TOKEN, endpoint from
/// --base-url or the contract), or, without a token, a HappyHorse emulator started in-process.
/// </summary>
internal sealed class ApiConnection : IAsyncDisposable
{
    private static readonly TimeSpan ApiPollingInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan EmulatorPollingInterval = TimeSpan.FromMilliseconds(200);

    private readonly ContractEmulator? _emulator;

    private ApiConnection(HappyHorseClient client, HttpClient http, TimeSpan pollingInterval, TimeProvider clock, ContractEmulator? emulator)
    {
        Client = client;
        Http = http;
        PollingInterval = pollingInterval;
        Clock = clock;
        _emulator = emulator;
    }

    public HappyHorseClient Client { get; }

    /// <summary>Gets the HttpClient for downloads (the API client's, which sends the token only in API requests).</summary>
    public HttpClient Http { get; }

    public TimeSpan PollingInterval { get; }

    /// <summary>Gets the client's clock, the one an operation's SubmittedAt is compared with.</summary>
    public TimeProvider Clock { get; }

    /// <summary>Gets a value indicating whether this is an in-process emulator, whose tasks vanish with the run.</summary>
    public bool IsLocalEmulator => _emulator is not null;

    /// <summary>Connects to the API, or starts the local emulator when there is no token.</summary>
    /// <param name="env">The environment (token, polling settings, HttpClient factory).</param>
    /// <param name="baseUrl">--base-url, if given.</param>
    /// <param name="command">The command, for messages.</param>
    /// <param name="allowEmulator">Whether a local emulator makes sense for this command.</param>
    /// <param name="cancellationToken">Cancels starting the emulator.</param>
    /// <returns>The connection; dispose it to stop the emulator.</returns>
    /// <exception cref="CliInputException">The token or endpoint can't be used.</exception>
    public static async Task<ApiConnection> OpenAsync(CliEnvironment env, Uri? baseUrl, string command, bool allowEmulator, CancellationToken cancellationToken)
    {
        var tokenVariable = HappyHorseClient.TokenEnvironmentVariable;
        var token = env.GetVariable(tokenVariable);
        ContractEmulator? emulator = null;
        var endpoint = baseUrl;
        if (baseUrl is { Scheme: "http", IsLoopback: false })
        {
            throw new CliInputException(
                $"--base-url {baseUrl} is plain HTTP to a host that is not loopback: the token would cross the network unencrypted. Use https://, or http:// only to 127.0.0.1 or localhost.");
        }

        if (token is null)
        {
            if (baseUrl is not null)
            {
                throw new CliInputException(
                    $"--base-url needs a token: set {tokenVariable} (for a local emulator, `happyhorse emulator` prints its token).");
            }

            if (!allowEmulator)
            {
                throw new CliInputException(
                    $"`happyhorse {command}` needs the real API: set {tokenVariable} to your API token (a fresh local emulator knows no tasks).");
            }

            emulator = await LocalEmulator.StartAsync(env, cancellationToken).ConfigureAwait(false);
            token = emulator.Token;
            endpoint = emulator.BaseAddress;
            env.Error.WriteLine($"note: {tokenVariable} is not set: using a local HappyHorse emulator at {emulator.BaseAddress}");
            env.Error.WriteLine($"      (placeholder videos, nothing billed). To use the real API: export {tokenVariable}=<your API token>");
        }

        var pollingOverride = PollingIntervalOverride(env);
        var pollingInterval = pollingOverride ?? (emulator is null ? ApiPollingInterval : EmulatorPollingInterval);
        var options = new HappyHorseClientOptions
        {
            Endpoint = endpoint,
            UserAgent = $"happyhorse-cli/{typeof(ApiConnection).Assembly.GetName().Version?.ToString(3)}",
            PollingInterval = pollingInterval,

            // The CLI reports a failed task from its final record (state, trace id, nothing saved).
            ThrowOnFailedTask = false,
        };

        // A real task takes minutes, so the contract's first-poll delay and backoff stand; an emulator task takes
        // seconds, and an interval set by hand is the time between lookups, not the start of a backoff.
        if (pollingOverride is not null || emulator is not null)
        {
            options.FirstPollDelay = pollingInterval;
            options.MaxPollingInterval = pollingInterval;
        }

        env.ConfigureClient?.Invoke(options);
        var http = env.CreateHttpClient();
        try
        {
            return new ApiConnection(new HappyHorseClient(token, options, http), http, pollingInterval, options.TimeProvider, emulator);
        }
        catch (ArgumentException ex)
        {
            http.Dispose();
            if (emulator is not null)
            {
                await emulator.DisposeAsync().ConfigureAwait(false);
            }

            // The SDK names its own parameter ("(Parameter 'options')"); the user knows only the option they typed.
            var message = ex.ParamName is { } name ? ex.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : ex.Message;
            throw new CliInputException(baseUrl is null ? message : $"--base-url {baseUrl}: {message}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Http.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static TimeSpan? PollingIntervalOverride(CliEnvironment env)
    {
        var text = env.GetVariable(CliEnvironment.PollIntervalVariable);
        if (text is null)
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds < 3600
            ? TimeSpan.FromSeconds(seconds)
            : throw new CliInputException($"{CliEnvironment.PollIntervalVariable} must be a number of seconds between 0 and 3600 (was \"{text}\").");
    }
}
