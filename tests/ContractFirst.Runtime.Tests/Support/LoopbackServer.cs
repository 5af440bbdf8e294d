using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ContractFirst.Runtime.Tests;

/// <summary>A real Kestrel server on 127.0.0.1 that records requests and answers with a test's handler.</summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly WebApplication _app;
    private int _attempts;

    private LoopbackServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Starts a server; <paramref name="respond"/> gets the 1-based number of the request.</summary>
    public static async Task<LoopbackServer> StartAsync(Func<HttpContext, int, Task> respond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new LoopbackServer(app);
        app.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            server._requests.Enqueue(new RecordedRequest(
                context.Request.Method,
                context.Request.Path + context.Request.QueryString,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body.ToArray()));
            await respond(context, Interlocked.Increment(ref server._attempts));
        });
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Urls.Single());
        return server;
    }

    public static Task Json(HttpContext context, int status, string json, string? retryAfter = null)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        return context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(json)).AsTask();
    }

    public static Task Error(HttpContext context, int status, string code, string? retryAfter = null) =>
        Json(context, status, $$"""{ "error": { "code": "{{code}}", "message": "{{code}} happened" }, "trace_id": "trace-{{status}}" }""", retryAfter);

    public static Task Ok(HttpContext context) => Json(context, 200, """{ "id": "task-1", "duration": 5, "unknown": [1, {"a": null}] }""");

    /// <summary>Never answers; ends when the client gives up on the request.</summary>
    public static async Task Hang(HttpContext context)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        // A cancelled token skips the graceful drain: hanging handlers must not slow the suite.
        await _app.StopAsync(new CancellationToken(canceled: true));
        await _app.DisposeAsync();
    }
}
