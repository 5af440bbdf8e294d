using System.Net;
using System.Text;
using ContractFirst.Callbacks.Tests.Support;
using HappyHorse;
using Microsoft.Extensions.Time.Testing;

namespace ContractFirst.Callbacks.Tests;

/// <summary>
/// The receiver as a sender meets it over HTTP: genuine deliveries reach the handler once, as the contract's type;
/// forged, oversized and malformed ones are answered before it could run.
/// </summary>
public sealed class ReceiverTests
{
    private readonly CallbackUrls _urls;

    public ReceiverTests() => _urls = new CallbackUrls("http://127.0.0.1/callbacks/{token}", Bodies.Secret);

    [Fact]
    public async Task AGenuineCallbackReachesTheHandlerOnceAsTheContractsType()
    {
        var received = new List<TaskCallback<VideosResponse>>();
        await using var host = await ReceiverHost.StartAsync<VideosResponse>(Bodies.Secret, r => r.TaskId, (callback, _) =>
        {
            received.Add(callback);
            return Task.CompletedTask;
        });

        Assert.Equal(200, await host.PostAsync(Relative(_urls.Create()), Bodies.Finished("t-1")));

        var callback = Assert.Single(received);
        Assert.Equal("t-1", callback.TaskId);
        Assert.True(callback.Result.Success);
        Assert.Equal(VideoState.Succeeded, Assert.Single(callback.Result.Data!).State);
        Assert.Empty(callback.ReadIssues);
    }

    [Fact]
    public async Task AFieldOfTheWrongTypeIsReadTolerantlyAndReported()
    {
        TaskCallback<VideosResponse>? received = null;
        await using var host = await ReceiverHost.StartAsync<VideosResponse>(Bodies.Secret, r => r.TaskId, (callback, _) =>
        {
            received = callback;
            return Task.CompletedTask;
        });

        Assert.Equal(200, await host.PostAsync(Relative(_urls.Create()), """{"task_id":"t-2","success":"maybe","data":[]}"""));

        Assert.Equal("t-2", received!.TaskId);
        Assert.Null(received.Result.Success);
        Assert.Equal("VideosResponse.success", Assert.Single(received.ReadIssues).Path);
    }

    [Theory]
    [InlineData("/callbacks/")] // no token at all
    [InlineData("/callbacks/x")] // not a token
    [InlineData("/callbacks/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // a token's shape, no MAC
    public async Task AMissingOrWrongTokenIs404AndTheHandlerNeverRuns(string path)
    {
        var runs = new Counter();
        await using var host = await ReceiverHost.StartAsync<VideosResponse>(Bodies.Secret, r => r.TaskId, Count(runs));

        Assert.Equal(404, await host.PostAsync(new Uri(path, UriKind.Relative), Bodies.Finished("t-3")));
        Assert.Equal(0, runs.Total);
    }

    [Fact]
    public async Task AnotherKeysTokenIs404()
    {
        var runs = new Counter();
        await using var host = await ReceiverHost.StartAsync<VideosResponse>(Bodies.Secret, r => r.TaskId, Count(runs));
        var other = new CallbackUrls("http://127.0.0.1/callbacks/{token}", new CallbackSecret(new byte[32]));

        Assert.Equal(404, await host.PostAsync(Relative(other.Create()), Bodies.Finished("t-4")));
        Assert.Equal(0, runs.Total);
    }

    [Fact]
    public async Task AnOversizedBodyIs413WithOrWithoutALength()
    {
        var runs = new Counter();
        var options = new TaskCallbackOptions { MaxBodyBytes = 1_000 };
        await using var host = await ReceiverHost.StartAsync<VideosResponse>(Bodies.Secret, r => r.TaskId, Count(runs), options);
        var padded = Pad(Bodies.Finished("t-5"), 1_001);

        Assert.Equal(413, await host.PostAsync(Relative(_urls.Create()), padded));

        // Chunked: no Content-Length, so the limit holds while reading.
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, await PostChunkedAsync(host, padded));
        Assert.Equal(0, runs.Total);

        // At the limit exactly, both ways in.
        Assert.Equal(HttpStatusCode.OK, await PostChunkedAsync(host, Pad(Bodies.Finished("t-5"), 1_000)));
        Assert.Equal(200, await host.PostAsync(Relative(_urls.Create()), Pad(Bodies.Finished("t-5b"), 1_000)));
        Assert.Equal(1, runs["t-5"]);
        Assert.Equal(1, runs["t-5b"]);
    }

    private async Task<HttpStatusCode> PostChunkedAsync(ReceiverHost host, string body)
    {
        using var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body)));
        chunked.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, Relative(_urls.Create())) { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        using var answer = await host.Http.SendAsync(request);
        return answer.StatusCode;
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("\"t-6\"")]
    [InlineData("{\"task_id\":\"t-6\"")]
    [InlineData("{}")]
    [InlineData("{\"task_id\":null}")]
    [InlineData("{\"task_id\":\"   \"}")]
    [InlineData("{\"task_id\":{\"id\":\"t-6\"}}")]
    public async Task AMalformedBodyOrOneWithoutATaskIdIs400(string body)
    {
        var runs = new Counter();
        await using var host = await ReceiverHost.StartAsync<VideosResponse>(Bodies.Secret, r => r.TaskId, Count(runs));

        Assert.Equal(400, await host.PostAsync(Relative(_urls.Create()), body));
        Assert.Equal(0, runs.Total);
        Assert.Empty(host.Escaped);
    }

    [Fact]
    public async Task AnOverlongTaskIdIs400()
    {
        var runs = new Counter();
        await using var host = await ReceiverHost.StartAsync<VideosResponse>(Bodies.Secret, r => r.TaskId, Count(runs), new TaskCallbackOptions { MaxTaskIdLength = 10 });

        Assert.Equal(400, await host.PostAsync(Relative(_urls.Create()), Bodies.Finished(new string('x', 11))));
        Assert.Equal(200, await host.PostAsync(Relative(_urls.Create()), Bodies.Finished(new string('x', 10))));
        Assert.Equal(1, runs.Total);
    }

    [Fact]
    public async Task ATaskUrlCannotDeliverAnotherTask()
    {
        var runs = new Counter();
        await using var host = await ReceiverHost.StartAsync<VideosResponse>(Bodies.Secret, r => r.TaskId, Count(runs));
        var url = Relative(_urls.Create());

        Assert.Equal(200, await host.PostAsync(url, Bodies.Finished("t-13")));
        Assert.Equal(404, await host.PostAsync(url, Bodies.Finished("t-14"))); // a leaked URL, a forged task
        Assert.Equal(200, await host.PostAsync(url, Bodies.Finished("t-13")));

        Assert.Equal(1, runs["t-13"]);
        Assert.Equal(0, runs["t-14"]);
    }

    [Fact]
    public async Task WithoutOneTaskPerUrlOneSharedUrlServesEveryTask()
    {
        var runs = new Counter();
        await using var host = await ReceiverHost.StartAsync<VideosResponse>(Bodies.Secret, r => r.TaskId, Count(runs), new TaskCallbackOptions { OneTaskPerUrl = false });
        var shared = Relative(_urls.Create());

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(200, await host.PostAsync(shared, Bodies.Finished($"t-shared-{i}")));
        }

        Assert.Equal(10, runs.Total);
    }

    [Fact]
    public async Task AReplayIsAcknowledgedAndDropped()
    {
        var runs = new Counter();
        await using var host = await ReceiverHost.StartAsync<VideosResponse>(Bodies.Secret, r => r.TaskId, Count(runs));
        var url = Relative(_urls.Create());

        Assert.Equal(200, await host.PostAsync(url, Bodies.Finished("t-7")));
        Assert.Equal(200, await host.PostAsync(url, Bodies.Finished("t-7")));
        Assert.Equal(200, await host.PostAsync(Relative(_urls.Create()), Bodies.Finished("t-7"))); // same task, another URL

        Assert.Equal(1, runs["t-7"]);
    }

    [Fact]
    public async Task ConcurrentDuplicatesRunTheHandlerExactlyOnceAndAllGet200()
    {
        var runs = new Counter();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await ReceiverHost.StartAsync<VideosResponse>(Bodies.Secret, r => r.TaskId, async (callback, ct) =>
        {
            runs.Add(callback.TaskId);
            await release.Task.WaitAsync(ct);
        });
        var url = Relative(_urls.Create());

        var posts = Enumerable.Range(0, 64).Select(_ => Task.Run(() => host.PostAsync(url, Bodies.Finished("t-8")))).ToArray();
        await WaitUntilAsync(() => runs["t-8"] == 1);
        await Task.Delay(200); // the duplicates arrive and wait on the first
        release.SetResult();

        Assert.All(await Task.WhenAll(posts), status => Assert.Equal(200, status));
        Assert.Equal(1, runs["t-8"]);
    }

    [Fact]
    public async Task AFailingHandlerIs500AndTheRetryIsHandled()
    {
        var runs = new Counter();
        await using var host = await ReceiverHost.StartAsync<VideosResponse>(Bodies.Secret, r => r.TaskId, (callback, _) =>
        {
            runs.Add(callback.TaskId);
            return runs[callback.TaskId] == 1 ? throw new InvalidOperationException("the database is down") : Task.CompletedTask;
        });
        var url = Relative(_urls.Create());

        Assert.Equal(500, await host.PostAsync(url, Bodies.Finished("t-9")));
        Assert.Equal(200, await host.PostAsync(url, Bodies.Finished("t-9")));
        Assert.Equal(200, await host.PostAsync(url, Bodies.Finished("t-9")));

        Assert.Equal(2, runs["t-9"]);
        Assert.Empty(host.Escaped);
    }

    [Fact]
    public async Task AHandlerCancelledBecauseTheSenderHungUpIsForgottenAndNothingEscapes()
    {
        var runs = new Counter();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await ReceiverHost.StartAsync<VideosResponse>(Bodies.Secret, r => r.TaskId, async (callback, ct) =>
        {
            runs.Add(callback.TaskId);
            if (runs[callback.TaskId] == 1)
            {
                started.SetResult();
                await Task.Delay(Timeout.Infinite, ct);
            }
        });
        var url = Relative(_urls.Create());

        using (var hangUp = new CancellationTokenSource())
        {
            using var content = new StringContent(Bodies.Finished("t-12"), Encoding.UTF8, "application/json");
            var post = host.Http.PostAsync(url, content, hangUp.Token);
            await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await hangUp.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => post);
        }

        await WaitUntilAsync(() => !host.Answers.IsEmpty);
        Assert.Equal(200, await host.PostAsync(url, Bodies.Finished("t-12")));
        Assert.Equal(2, runs["t-12"]);
        Assert.Empty(host.Escaped);
    }

    [Fact]
    public async Task ADuplicateWaitingOnAFailingFirstDeliveryIs503SoItsSenderTriesAgain()
    {
        var runs = new Counter();
        var fail = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await ReceiverHost.StartAsync<VideosResponse>(Bodies.Secret, r => r.TaskId, async (callback, _) =>
        {
            runs.Add(callback.TaskId);
            if (runs[callback.TaskId] == 1)
            {
                await fail.Task;
                throw new InvalidOperationException("failed");
            }
        });
        var url = Relative(_urls.Create());

        var first = host.PostAsync(url, Bodies.Finished("t-10"));
        await WaitUntilAsync(() => runs["t-10"] == 1);
        var duplicate = host.PostAsync(url, Bodies.Finished("t-10"));
        await Task.Delay(100);
        fail.SetResult();

        Assert.Equal(500, await first);
        Assert.Equal(503, await duplicate);
        Assert.Equal(200, await host.PostAsync(url, Bodies.Finished("t-10")));
        Assert.Equal(2, runs["t-10"]);
    }

    [Fact]
    public async Task AReplayAfterTheWindowRunsTheHandlerAgainAsDocumented()
    {
        var runs = new Counter();
        var time = new FakeTimeProvider();
        var options = new TaskCallbackOptions { DuplicateWindow = TimeSpan.FromMinutes(10), TimeProvider = time };
        await using var host = await ReceiverHost.StartAsync<VideosResponse>(Bodies.Secret, r => r.TaskId, Count(runs), options);
        var url = Relative(_urls.Create());

        await host.PostAsync(url, Bodies.Finished("t-11"));
        time.Advance(TimeSpan.FromMinutes(9));
        await host.PostAsync(url, Bodies.Finished("t-11"));
        Assert.Equal(1, runs["t-11"]);

        time.Advance(TimeSpan.FromMinutes(2));
        await host.PostAsync(url, Bodies.Finished("t-11"));
        Assert.Equal(2, runs["t-11"]);
    }

    [Fact]
    public async Task TheDuplicateSetStaysWithinItsCapacity()
    {
        var runs = new Counter();
        var options = new TaskCallbackOptions { DuplicateCapacity = 100 };
        await using var host = await ReceiverHost.StartAsync<VideosResponse>(Bodies.Secret, r => r.TaskId, Count(runs), options);

        for (var i = 0; i < 1_000; i++)
        {
            Assert.Equal(200, await host.PostAsync(Relative(_urls.Create()), Bodies.Finished($"t-{i}")));
        }

        // The newest 100 are remembered; the oldest were forgotten first.
        Assert.Equal(200, await host.PostAsync(Relative(_urls.Create()), Bodies.Finished("t-999")));
        Assert.Equal(200, await host.PostAsync(Relative(_urls.Create()), Bodies.Finished("t-900")));
        Assert.Equal(200, await host.PostAsync(Relative(_urls.Create()), Bodies.Finished("t-0")));
        Assert.Equal(1, runs["t-999"]);
        Assert.Equal(1, runs["t-900"]);
        Assert.Equal(2, runs["t-0"]);
    }

    [Fact]
    public void MappingARouteWithoutATokenIsRefused()
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();
        var app = builder.Build();

        var ex = Assert.Throws<ArgumentException>(() => app.MapTaskCallbacks<VideosResponse>("/callbacks", Bodies.Secret, r => r.TaskId, (_, _) => Task.CompletedTask));
        Assert.Contains("{token}", ex.Message, StringComparison.Ordinal);
        foreach (var options in new[] { new TaskCallbackOptions { MaxBodyBytes = 0 }, new TaskCallbackOptions { MaxBodyBytes = int.MaxValue }, new TaskCallbackOptions { DuplicateCapacity = 0 }, new TaskCallbackOptions { DuplicateWindow = TimeSpan.Zero } })
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => app.MapTaskCallbacks<VideosResponse>("/callbacks/{token}", Bodies.Secret, r => r.TaskId, options, (_, _) => Task.CompletedTask));
        }
    }

    internal static Uri Relative(Uri url) => new(url.PathAndQuery, UriKind.Relative);

    internal static Func<TaskCallback<VideosResponse>, CancellationToken, Task> Count(Counter runs) => (callback, _) =>
    {
        runs.Add(callback.TaskId);
        return Task.CompletedTask;
    };

    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(10, deadline.Token);
        }
    }

    /// <summary>Pads a JSON object with spaces (still valid JSON) to exactly <paramref name="bytes"/> bytes.</summary>
    private static string Pad(string json, int bytes) => json.TrimEnd() + new string(' ', bytes - Encoding.UTF8.GetByteCount(json.TrimEnd()));
}
