using System.Net.Sockets;
using HappyHorse.Emulator;

namespace HappyHorse.Tests.Operations;

/// <summary>An SDK client on an emulator that polls in milliseconds and counts the TCP connections it opens.</summary>
internal sealed class EmulatorClient : IDisposable
{
    private readonly HttpClient _http;
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
        _http = new HttpClient(handler);
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

    public void Dispose()
    {
        Client.Dispose();
        _http.Dispose();
    }
}
