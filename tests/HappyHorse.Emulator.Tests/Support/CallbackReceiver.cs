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

/// <summary>A loopback Kestrel server standing in for a customer's callback endpoint.</summary>
internal sealed class CallbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<(string Path, string ContentType, string Body)> _received = Channel.CreateUnbounded<(string, string, string)>();

    private CallbackReceiver(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public static async Task<CallbackReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new CallbackReceiver(app);
        app.MapPost("/{**path}", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            await receiver._received.Writer.WriteAsync((context.Request.Path.Value ?? "", context.Request.ContentType ?? "", body));
            return Results.Ok();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        receiver.Url = new Uri(new Uri(address), "/hooks/happyhorse");
        return receiver;
    }

    /// <summary>The next POST received, or a failure after a generous deadline (a missing callback, not a slow one).</summary>
    public async Task<(string Path, string ContentType, string Body)> NextAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await _received.Reader.ReadAsync(deadline.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
