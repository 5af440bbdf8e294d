using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HappyHorse.Tests.Infrastructure;

/// <summary>One request as the server saw it.</summary>
internal sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : "";
}

/// <summary>What the server answers: a status and a JSON body.</summary>
internal sealed record Reply(int Status, string Body)
{
    public static Reply Ok(string json) => new(200, json);

    /// <summary>The documented error body: <c>{ "error": { "code", "message" }, "trace_id" }</c>.</summary>
    public static Reply Error(int status, string code, string message = "something went wrong", string traceId = "trace-err") =>
        new(status, $$"""{ "error": { "code": "{{code}}", "message": "{{message}}" }, "trace_id": "{{traceId}}" }""");
}

/// <summary>
/// A real Kestrel server on 127.0.0.1 (port 0) with a routing table the test controls.
/// Every request is recorded; a path with no route answers 404 so a test never hangs.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentDictionary<string, Func<int, Reply>> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);
    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app) => _app = app;

    /// <summary>The server's base URL, for example <c>http://127.0.0.1:51234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Every request received, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<LoopbackServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new LoopbackServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Urls.Single().TrimEnd('/') + "/");
        return server;
    }

    /// <summary>Answers every request to <paramref name="path"/> with <paramref name="reply"/>.</summary>
    public LoopbackServer On(string path, Reply reply) => On(path, _ => reply);

    /// <summary>Answers the n-th request (1-based) to <paramref name="path"/> with the n-th reply; the last one repeats.</summary>
    public LoopbackServer OnSequence(string path, params Reply[] replies) =>
        On(path, n => replies[Math.Min(n, replies.Length) - 1]);

    /// <summary>Answers requests to <paramref name="path"/> with a function of the 1-based request number on that path.</summary>
    public LoopbackServer On(string path, Func<int, Reply> reply)
    {
        _routes[path] = reply;
        return this;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(new CancellationToken(canceled: true));
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var path = context.Request.Path.Value ?? "";
        _requests.Enqueue(new RecordedRequest(
            context.Request.Method,
            path,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body));

        var reply = _routes.TryGetValue(path, out var route)
            ? route(_hits.AddOrUpdate(path, 1, (_, n) => n + 1))
            : Reply.Error(404, "no_route", $"no route for {path}");
        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(reply.Body);
    }
}
