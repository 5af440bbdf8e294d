using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HappyHorse.Tests.Hostile;

/// <summary>One HTTP/1.1 request as the hostile server parsed it off the socket.</summary>
internal sealed record RawRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : "";
}

/// <summary>What a scripted answer does with one request's connection.</summary>
internal delegate Task Script(HostileContext context);

/// <summary>The connection a script plays on, and the request it answers.</summary>
internal sealed class HostileContext
{
    /// <summary>Where the server's echo text goes in a template; replaced with <see cref="Echo"/> when written.</summary>
    public const string EchoMarker = "~E~";

    private readonly Socket _socket;

    public HostileContext(Socket socket, NetworkStream stream, RawRequest? request, int attempt, string echo, CancellationToken stopping)
    {
        _socket = socket;
        Stream = stream;
        Request = request;
        Attempt = attempt;
        Echo = echo;
        Stopping = stopping;
    }

    public NetworkStream Stream { get; }

    /// <summary>The request, or null for a script that runs before the request is read.</summary>
    public RawRequest? Request { get; }

    /// <summary>The 1-based number of this request on its path.</summary>
    public int Attempt { get; }

    /// <summary>What the marker becomes: empty normally, the caller's Authorization header for a canary server.</summary>
    public string Echo { get; }

    /// <summary>Cancelled when the server shuts down: every wait of a script must honour it.</summary>
    public CancellationToken Stopping { get; }

    /// <summary>Keep the connection open for the next request after the script (closed by default).</summary>
    public bool KeepAlive { get; set; }

    public string Fill(string template) => template.Replace(EchoMarker, Echo, StringComparison.Ordinal);

    public Task WriteAsync(string template) => WriteAsync(Encoding.UTF8.GetBytes(Fill(template)));

    public async Task WriteAsync(ReadOnlyMemory<byte> bytes)
    {
        await Stream.WriteAsync(bytes, Stopping);
        await Stream.FlushAsync(Stopping);
    }

    /// <summary>Waits until the server stops: a peer that never answers.</summary>
    public Task HangAsync() => Task.Delay(Timeout.Infinite, Stopping);

    /// <summary>Closes with a TCP reset instead of a clean FIN.</summary>
    public void Reset()
    {
        _socket.LingerState = new LingerOption(true, 0);
        _socket.Close();
    }
}

/// <summary>
/// A raw-socket HTTP/1.1 server on 127.0.0.1 that can misbehave in ways Kestrel refuses to: any
/// status line, headers and bytes, cuts, resets, silence. It records every request it parsed, and
/// plays a script per path and per attempt. Every wait is bounded by its shutdown token, and
/// disposing it cancels and closes everything, so no test can hang on it.
/// </summary>
internal sealed class HostileServer : IAsyncDisposable
{
    private const int MaxHeaderBytes = 64 * 1024;
    private const int MaxRequestBodyBytes = 4 * 1024 * 1024;

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<string, Func<int, Script>> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RawRequest> _requests = new();
    private readonly ConcurrentDictionary<int, Task> _connections = new();
    private readonly ConcurrentQueue<Socket> _sockets = new();
    private readonly bool _echoAuthorization;
    private Task _acceptLoop = Task.CompletedTask;
    private int _connectionCount;

    private HostileServer(bool echoAuthorization) => _echoAuthorization = echoAuthorization;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Runs on each new connection before its request is read, instead of the routes (then the connection closes).</summary>
    public Script? OnConnect { get; set; }

    public IReadOnlyList<RawRequest> Requests => [.. _requests];

    /// <summary>Connections accepted, including those closed before a request was read.</summary>
    public int Connections => Volatile.Read(ref _connectionCount);

    /// <summary>Starts a server; with <paramref name="echoAuthorization"/>, the echo marker in scripts becomes the request's Authorization header.</summary>
    public static HostileServer Start(bool echoAuthorization = false)
    {
        var server = new HostileServer(echoAuthorization);
        server._listener.Start();
        var port = ((IPEndPoint)server._listener.LocalEndpoint).Port;
        server.BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        server._acceptLoop = server.AcceptLoopAsync();
        return server;
    }

    public int Count(string path) => Requests.Count(r => r.Path == path);

    public HostileServer On(string path, Script script) => On(path, _ => script);

    /// <summary>Plays the script the function picks for the 1-based attempt number on <paramref name="path"/>.</summary>
    public HostileServer On(string path, Func<int, Script> scripts)
    {
        _routes[path] = scripts;
        return this;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        while (_sockets.TryDequeue(out var socket))
        {
            socket.Dispose();
        }

        try
        {
            await Task.WhenAll([_acceptLoop, .. _connections.Values]).WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
        {
            // Shutting down: whatever was in flight ends here.
        }

        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        var id = 0;
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stopping.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException or InvalidOperationException)
            {
                // InvalidOperationException: the listener was stopped between the loop's check and this accept.
                return;
            }

            Interlocked.Increment(ref _connectionCount);
            _sockets.Enqueue(socket);
            var key = Interlocked.Increment(ref id);
            _connections[key] = Task.Run(async () =>
            {
                try
                {
                    await ServeAsync(socket);
                }
                catch (Exception ex) when (ex is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
                {
                    // The client went away or the server stops: both are normal for a hostile script.
                }
                finally
                {
                    socket.Dispose();
                }
            });
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        socket.NoDelay = true;
        using var stream = new NetworkStream(socket, ownsSocket: false);
        if (OnConnect is { } onConnect)
        {
            await onConnect(new HostileContext(socket, stream, null, 1, "", _stopping.Token));
            return;
        }

        var buffer = new RequestBuffer();
        while (true)
        {
            var request = await ReadRequestAsync(stream, buffer, _stopping.Token);
            if (request is null)
            {
                return;
            }

            _requests.Enqueue(request);
            var attempt = _hits.AddOrUpdate(request.Path, 1, (_, n) => n + 1);
            var echo = _echoAuthorization ? request.Header("Authorization") : "";
            var script = _routes.TryGetValue(request.Path, out var route)
                ? route(attempt)
                : Scripts.Answer(404, """{"error":{"code":"no_route","message":"no route"},"trace_id":"t-404"}""");
            var context = new HostileContext(socket, stream, request, attempt, echo, _stopping.Token);
            await script(context);
            if (!context.KeepAlive)
            {
                socket.Shutdown(SocketShutdown.Both);
                return;
            }
        }
    }

    private static async Task<RawRequest?> ReadRequestAsync(NetworkStream stream, RequestBuffer buffer, CancellationToken cancellationToken)
    {
        int headerEnd;
        while ((headerEnd = buffer.IndexOfHeaderEnd()) < 0)
        {
            if (buffer.Length > MaxHeaderBytes || !await buffer.FillAsync(stream, cancellationToken))
            {
                return null;
            }
        }

        var head = Encoding.Latin1.GetString(buffer.Data, 0, headerEnd);
        var lines = head.Split("\r\n");
        var requestLine = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        var length = headers.TryGetValue("Content-Length", out var text) && int.TryParse(text, out var n) ? Math.Min(n, MaxRequestBodyBytes) : 0;
        var bodyStart = headerEnd + 4;
        while (buffer.Length - bodyStart < length)
        {
            if (!await buffer.FillAsync(stream, cancellationToken))
            {
                return null;
            }
        }

        var body = Encoding.UTF8.GetString(buffer.Data, bodyStart, length);
        buffer.Consume(bodyStart + length);
        return new RawRequest(requestLine[0], requestLine.Length > 1 ? requestLine[1] : "", headers, body);
    }

    /// <summary>Bytes read from a connection and not yet consumed.</summary>
    private sealed class RequestBuffer
    {
        public byte[] Data { get; private set; } = new byte[16 * 1024];

        public int Length { get; private set; }

        public int IndexOfHeaderEnd() => Data.AsSpan(0, Length).IndexOf("\r\n\r\n"u8);

        public async Task<bool> FillAsync(NetworkStream stream, CancellationToken cancellationToken)
        {
            if (Length == Data.Length)
            {
                var larger = new byte[Data.Length * 2];
                Data.AsSpan(0, Length).CopyTo(larger);
                Data = larger;
            }

            var read = await stream.ReadAsync(Data.AsMemory(Length), cancellationToken);
            Length += read;
            return read > 0;
        }

        public void Consume(int count)
        {
            Data.AsSpan(count, Length - count).CopyTo(Data);
            Length -= count;
        }
    }
}
