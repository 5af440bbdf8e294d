using System.Net;
using System.Net.Sockets;
using System.Text;
using HappyHorse.Cli.Tests.Support;

namespace HappyHorse.Cli.Tests;

/// <summary>
/// What the CLI shows for a server that misbehaves: bounded output, no token, and a submit sent once.
/// </summary>
public sealed class HostileAnswerTests : IDisposable
{
    private const string Token = "hh-cli-canary-5e4d3c2b1a";

    private readonly CliHarness _cli = new CliHarness().WithToken(Token);

    [Fact]
    public async Task AHugeErrorBodyEchoingTheTokenPrintsAShortMessageWithoutItAndIsNotResent()
    {
        var message = string.Concat(Enumerable.Repeat("Bearer " + Token + " ", 2_000_000));
        var body = Encoding.UTF8.GetBytes($$"""{ "error": { "code": "api_error", "message": "{{message}}" }, "trace_id": "{{Token}}" }""");
        await using var server = await RawServer.StartAsync("HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\nContent-Length: " + body.Length + "\r\n\r\n", body);

        var run = await _cli.RunAsync("generate", "A horse", "--base-url", server.BaseAddress);

        Assert.Equal(ExitCodes.ApiError, run.ExitCode);
        Assert.InRange(run.Stderr.Length, 1, 8 * 1024); // the message is cut, not 40 MB
        Assert.DoesNotContain(Token, run.Stderr + run.Stdout, StringComparison.Ordinal);
        Assert.Contains("HTTP 500", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, server.Requests);
    }

    public void Dispose() => _cli.Dispose();

    /// <summary>Answers every request with the same raw bytes, and counts the requests.</summary>
    private sealed class RawServer : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private Task _serving = Task.CompletedTask;
        private int _requests;

        public string BaseAddress => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/";

        public int Requests => _requests;

        public static Task<RawServer> StartAsync(string head, byte[] body)
        {
            var server = new RawServer();
            server._listener.Start();
            server._serving = server.ServeAsync(Encoding.ASCII.GetBytes(head), body);
            return Task.FromResult(server);
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            await _serving.ContinueWith(_ => { }, TaskScheduler.Default);
            _stop.Dispose();
        }

        private async Task ServeAsync(byte[] head, byte[] body)
        {
            while (!_stop.IsCancellationRequested)
            {
                using var socket = await _listener.AcceptSocketAsync(_stop.Token);
                await ReadRequestAsync(socket);
                Interlocked.Increment(ref _requests);
                try
                {
                    await socket.SendAsync(head, _stop.Token);
                    await socket.SendAsync(body, _stop.Token);
                }
                catch (SocketException)
                {
                    // The client read what it wanted and hung up: expected for a huge body.
                }
            }
        }

        private async Task ReadRequestAsync(Socket socket)
        {
            var received = new MemoryStream();
            var buffer = new byte[8192];
            while (true)
            {
                var read = await socket.ReceiveAsync(buffer, _stop.Token);
                received.Write(buffer, 0, read);
                var text = Encoding.ASCII.GetString(received.GetBuffer(), 0, (int)received.Length);
                var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                if (read == 0 || (end >= 0 && received.Length >= end + 4 + ContentLength(text[..end])))
                {
                    return;
                }
            }
        }

        private static int ContentLength(string headers) =>
            headers.Split("\r\n").Where(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                .Select(h => int.Parse(h[15..].Trim(), System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
    }
}
