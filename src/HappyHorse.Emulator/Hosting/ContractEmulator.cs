using System.Globalization;
using System.Net;
using HappyHorse.Emulator.Endpoints;
using HappyHorse.Emulator.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HappyHorse.Emulator;

/// <summary>
/// A local API driven by a contract (HappyHorse's by default): a real Kestrel server on loopback that answers each
/// endpoint of the contract as the service does. Requests are validated from the contract (as tolerantly as the
/// service: fields the action does not take are ignored, unless <see cref="EmulatorOptions.StrictFields"/>), submits
/// start tasks that run for <see cref="EmulatorOptions.TaskDuration"/> and are billed by the contract's prices,
/// the lookups named by the polling section answer task records, results are POSTed to callback URLs, and every
/// result URL serves a small real file. Errors use the contract's codes and body layout.
/// </summary>
/// <remarks>
/// Memory stays bounded whatever clients send: the request history, the task store and request bodies are capped
/// (<see cref="EmulatorOptions.MaxRequestHistory"/>, <see cref="EmulatorOptions.MaxTasks"/>,
/// <see cref="EmulatorOptions.MaxRequestBodyBytes"/>), and refused requests are only counted.
/// </remarks>
public sealed class ContractEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorState _state;
    private int _stopped;

    private ContractEmulator(WebApplication app, EmulatorState state, Uri baseAddress, string token)
    {
        _app = app;
        _state = state;
        BaseAddress = baseAddress;
        Token = token;
    }

    /// <summary>Gets the address clients call, for example <c>http://127.0.0.1:54321</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Gets the token clients send: <see cref="EmulatorOptions.Token"/>, or the one made at start when it was unset.</summary>
    public string Token { get; }

    /// <summary>Gets the requests received so far, oldest first (a snapshot; headers never include <c>Authorization</c>).</summary>
    public IReadOnlyList<EmulatorRequest> Requests => _state.History.Snapshot();

    /// <summary>Gets what the emulator has done so far (also served as JSON at <c>GET /_emulator/usage</c> with the token): a snapshot.</summary>
    public EmulatorUsage Usage => _state.Usage.Snapshot();

    /// <summary>Gets the balance left, or <see langword="null"/> when <see cref="EmulatorOptions.Balance"/> was unset (unlimited).</summary>
    public decimal? Balance => _state.Ledger.Balance;

    /// <summary>Gets the contract served.</summary>
    public EmulatedContract Contract { get; private init; } = null!;

    /// <summary>The header the SDK sends with one id per logical call, the same on every resend; <see cref="Usage"/> counts tasks per id.</summary>
    public const string ClientRequestIdHeader = RequestGate.ClientRequestIdHeader;

    /// <summary>Starts an emulator and returns once it listens.</summary>
    /// <param name="options">How it behaves, and the contract it serves (HappyHorse's by default); defaults when null. Read once: later changes have no effect.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator; dispose it to stop it.</returns>
    /// <exception cref="ArgumentException">The host is not an IP address or <c>localhost</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A number in the options is out of range.</exception>
    /// <exception cref="IOException">The port is in use.</exception>
    public static async Task<ContractEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var settings = (options ?? new EmulatorOptions()).Snapshot();
        var address = ParseHost(settings.Host);
        var contract = settings.Contract ?? EmulatedContract.HappyHorse;

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(ContractEmulator).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });

        // A library inside a test run or a CLI: only warnings (failed callbacks) are logged, to stderr so
        // they never mix with a CLI's output, and the host must not take over Ctrl+C from the process.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(settings.LogLevel);

        // The host's own failures (a busy port) reach the caller as exceptions; logged too, they would print a stack
        // trace under a CLI's one-line error.
        builder.Logging.AddFilter("Microsoft", LogLevel.None);
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(address, settings.Port);

            // Sync submits hold the connection for the whole task, as the service does.
            kestrel.Limits.KeepAliveTimeout = TimeSpan.FromMinutes(15);

            // The emulator answers oversized bodies 413 in the contract's error layout, after reading and dropping up to the
            // drain limit; Kestrel's limit stops anything beyond it.
            kestrel.Limits.MaxRequestBodySize = RequestGate.DrainLimit(settings.MaxRequestBodyBytes) + 1;
        });

        var app = builder.Build();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("HappyHorse.Emulator");
        var state = new EmulatorState(settings, contract.Api, logger);
        app.Run(new ApiDispatcher(state).HandleAsync);

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var listening = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var port = new Uri(listening).Port;

        // Bound to every interface: clients (and video URLs) still reach it on loopback.
        var host = address.Equals(IPAddress.Any) ? "127.0.0.1"
            : address.Equals(IPAddress.IPv6Any) ? "[::1]"
            : address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]"
            : address.ToString();
        var baseAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://{host}:{port}"));
        state.BaseAddress = baseAddress;
        return new ContractEmulator(app, state, baseAddress, settings.Token!) { Contract = contract };
    }

    /// <summary>Stops the server: unfinished tasks never end, held connections are closed, pending callbacks are dropped.</summary>
    /// <param name="cancellationToken">Makes the shutdown less graceful.</param>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        await _state.Stopping.CancelAsync().ConfigureAwait(false);
        await _state.Runner.StopAsync().ConfigureAwait(false);
        await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _state.Runner.Dispose();
        _state.Stopping.Dispose();
    }

    /// <summary>Stops the server.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private static IPAddress ParseHost(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
        : IPAddress.TryParse(host?.Trim('[', ']'), out var address) ? address
        : throw new ArgumentException($"The host must be an IP address or localhost (was \"{host}\").", nameof(host));

    /// <summary>Leaves process signals (Ctrl+C, SIGTERM) to the application that embeds the emulator.</summary>
    private sealed class EmbeddedHostLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
