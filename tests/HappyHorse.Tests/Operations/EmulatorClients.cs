using System.Net.Sockets;
using HappyHorse.Emulator;

namespace HappyHorse.Tests.Operations;

/// <summary>An SDK client on an emulator that polls in milliseconds and counts the TCP connections it opens.</summary>
internal sealed class EmulatorClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly LookupGate _gate;
    private int _connections;

    public EmulatorClient(ContractEmulator emulator, TimeSpan pollingInterval, Action<HappyHorseClientOptions>? configure = null)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, token) =>
            {
                Interlocked.Increment(ref _connections);
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(context.DnsEndPoint, token);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        _gate = new LookupGate { InnerHandler = handler };
        _http = new HttpClient(_gate);
        var options = new HappyHorseClientOptions
        {
            Endpoint = emulator.BaseAddress,
            FirstPollDelay = pollingInterval,
            PollingInterval = pollingInterval,
            MaxPollingInterval = pollingInterval,
            WaitTimeout = TimeSpan.FromSeconds(60),
        };
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        configure?.Invoke(options);
        Client = new HappyHorseClient(emulator.Token, options, _http);
    }

    public HappyHorseClient Client { get; }

    /// <summary>Gets how many TCP connections the client has opened so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    public static Task<ContractEmulator> StartAsync(TimeSpan taskDuration, double failureRate = 0) =>
        HappyHorseEmulator.StartAsync(new EmulatorOptions { TaskDuration = taskDuration, TaskFailureRate = failureRate, MaxRequestHistory = 20_000 });

    /// <summary>Starts <paramref name="count"/> async text-to-video tasks, a few at a time, and returns their operations.</summary>
    public async Task<List<HappyHorseOperation>> StartManyAsync(int count)
    {
        var operations = new HappyHorseOperation[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, token) =>
            operations[i] = await Client.GenerateAsync(WaitUntil.Started, new GenerateRequest("horse " + i) { Async = true }, token));
        return [.. operations];
    }

    /// <summary>Holds every task lookup at the client until <see cref="ReleaseLookups"/>: what waiting holds can then be measured without a round's answers.</summary>
    public void HoldLookups() => _gate.Hold();

    /// <summary>Lets held and later lookups go.</summary>
    public void ReleaseLookups() => _gate.Release();

    public void Dispose()
    {
        _gate.Release();
        Client.Dispose();
        _http.Dispose();
    }

    private sealed class LookupGate : DelegatingHandler
    {
        private volatile TaskCompletionSource? _held;

        public void Hold() => _held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => Interlocked.Exchange(ref _held, null)?.TrySetResult();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (_held is { } held && request.RequestUri!.AbsolutePath.EndsWith("/tasks", StringComparison.Ordinal))
            {
                await held.Task.WaitAsync(cancellationToken);
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
