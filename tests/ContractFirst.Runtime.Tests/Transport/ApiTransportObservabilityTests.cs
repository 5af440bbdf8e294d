using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace ContractFirst.Runtime.Tests;

/// <summary>Retries and failures are logged and traced with what support needs, and never the token.</summary>
public sealed class ApiTransportObservabilityTests
{
    [Fact]
    public async Task LogsEachRetryAndTheFinalFailureWithStatusCodeAndTraceId()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) => LoopbackServer.Error(context, 429, "too_many_requests"));
        var logs = new RecordingLoggerFactory();
        var options = TestApi.Options(server.BaseAddress, maxRetries: 2);
        options.LoggerFactory = logs;
        using var transport = TestApi.Transport(options);

        await Assert.ThrowsAsync<TestRateLimitedException>(() => transport.PostAsync());

        var entries = logs.Entries.ToList();
        var id = server.Requests[0].Headers[ClientRequestId.HeaderName];
        Assert.Equal(2, entries.Count(e => e.Level == LogLevel.Warning));
        Assert.Contains(entries, e => e.Message.StartsWith("Retrying POST /things in", StringComparison.Ordinal)
            && e.Message.EndsWith($"(retry 2): HTTP 429 too_many_requests (trace id trace-429) [client request id {id}]", StringComparison.Ordinal));
        Assert.Contains((LogLevel.Information, $"POST /things failed with HTTP 429 too_many_requests (trace id trace-429) [client request id {id}]"), entries);
        Assert.DoesNotContain(entries, e => e.Message.Contains(TestApi.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TracesOneActivityPerCallWithTheOutcome()
    {
        var activities = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ContractActivitySource.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var server = await LoopbackServer.StartAsync((context, attempt) =>
            attempt == 1 ? LoopbackServer.Error(context, 429, "too_many_requests") : LoopbackServer.Error(context, 400, "bad_request"));
        using var transport = TestApi.Transport(TestApi.Options(server.BaseAddress));

        await Assert.ThrowsAsync<ApiException>(() => transport.PostAsync());

        // The listener sees every test's calls; this server's port tells ours apart.
        var url = server.BaseAddress.AbsoluteUri.TrimEnd('/') + "/things";
        var activity = Assert.Single(activities, a => (string?)a.GetTagItem("url.full") == url);
        Assert.Equal("POST /things", activity.OperationName);
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal(400, activity.GetTagItem("http.response.status_code"));
        Assert.Equal("bad_request", activity.GetTagItem("error.type"));
        Assert.Equal("trace-400", activity.GetTagItem("contractfirst.trace_id"));
        Assert.Equal(1, activity.GetTagItem("contractfirst.retries"));
        Assert.Equal(server.Requests[0].Headers[ClientRequestId.HeaderName], activity.GetTagItem("contractfirst.client_request_id"));
        Assert.DoesNotContain(activity.TagObjects, tag => tag.Value?.ToString()?.Contains(TestApi.Token, StringComparison.Ordinal) == true);
    }
}
