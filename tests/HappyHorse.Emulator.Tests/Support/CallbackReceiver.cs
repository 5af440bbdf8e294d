using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HappyHorse.Emulator.Tests.Support;

/// <summary>One POST a callback receiver got.</summary>
internal sealed record ReceivedCallback(string Path, string ContentType, string Body, IReadOnlyDictionary<string, string> Headers, int AnsweredWith)
{
    public void Deconstruct(out string path, out string contentType, out string body) => (path, contentType, body) = (Path, ContentType, Body);
}

/// <summary>A loopback Kestrel server standing in for a customer's callback endpoint.</summary>
internal sealed class CallbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<ReceivedCallback> _received = Channel.CreateUnbounded<ReceivedCallback>();
    private readonly Queue<int> _answers;

    private CallbackReceiver(WebApplication app, IEnumerable<int> answers)
    {
        _app = app;
        _answers = new Queue<int>(answers);
    }

    public Uri Url { get; private set; } = null!;

    /// <summary>Starts a receiver that answers the given statuses in turn, then 200 to everything.</summary>
    public static async Task<CallbackReceiver> StartAsync(params int[] answers)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new CallbackReceiver(app, answers);
        app.MapPost("/{**path}", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            int status;
            lock (receiver._answers)
            {
                status = receiver._answers.Count > 0 ? receiver._answers.Dequeue() : 200;
            }

            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            await receiver._received.Writer.WriteAsync(new ReceivedCallback(context.Request.Path.Value ?? "", context.Request.ContentType ?? "", body, headers, status));
            return Results.StatusCode(status);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        receiver.Url = new Uri(new Uri(address), "/hooks/happyhorse");
        return receiver;
    }

    /// <summary>The next POST received, or a failure after a generous deadline (a missing callback, not a slow one).</summary>
    public async Task<ReceivedCallback> NextAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await _received.Reader.ReadAsync(deadline.Token);
    }

    /// <summary>Whether another POST arrives within <paramref name="wait"/>.</summary>
    public async Task<bool> AnyMoreWithinAsync(TimeSpan wait)
    {
        using var deadline = new CancellationTokenSource(wait);
        try
        {
            await _received.Reader.WaitToReadAsync(deadline.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
