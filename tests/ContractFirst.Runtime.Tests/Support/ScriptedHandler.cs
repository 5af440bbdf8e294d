using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace ContractFirst.Runtime.Tests;

/// <summary>
/// Answers each attempt as a test's script says (by its 1-based number), without a network, and records the
/// headers every attempt carried.
/// </summary>
internal sealed class ScriptedHandler(Func<int, HttpResponseMessage> answer) : HttpMessageHandler
{
    private readonly ConcurrentQueue<IReadOnlyDictionary<string, string>> _attempts = new();
    private int _count;

    public IReadOnlyList<IReadOnlyDictionary<string, string>> Attempts => [.. _attempts];

    /// <summary>A JSON answer with the error body the test API's format reads.</summary>
    public static HttpResponseMessage Error(int status, string code) =>
        Json(status, $$"""{ "error": { "code": "{{code}}", "message": "{{code}} happened" }, "trace_id": "trace-{{status}}" }""");

    public static HttpResponseMessage Ok() => Json(200, """{ "id": "task-1", "duration": 5 }""");

    /// <summary>A connection that was refused: nothing reached the server, so even a submit may be sent again.</summary>
    public static HttpResponseMessage Refused() =>
        throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (scripted)");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _attempts.Enqueue(request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase));
        var response = answer(Interlocked.Increment(ref _count));
        response.RequestMessage = request;
        return Task.FromResult(response);
    }

    private static HttpResponseMessage Json(int status, string json) =>
        new((HttpStatusCode)status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}
