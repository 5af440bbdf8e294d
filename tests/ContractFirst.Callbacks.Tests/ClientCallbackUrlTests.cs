using System.Collections.Concurrent;
using System.Text.Json;
using ContractFirst.Callbacks.Tests.Support;
using ContractFirst.Runtime;
using HappyHorse;
using HappyHorse.Emulator;

namespace ContractFirst.Callbacks.Tests;

/// <summary>The client's CallbackUrls option: each submit that sets no callback_url gets a fresh, unguessable one.</summary>
public sealed class ClientCallbackUrlTests
{
    private const int Tasks = 10;

    [Fact]
    public async Task EverySubmitGetsItsOwnUrlWhichTheReceiverAcceptsAndWhichCompletesTheOperation()
    {
        HappyHorseClient? client = null;
        await using var receiver = await ReceiverHost.StartAsync<VideosResponse>(Bodies.Secret, r => r.TaskId, (callback, _) =>
        {
            client!.ReportTaskResult(callback.Result);
            return Task.CompletedTask;
        });
        await using var emulator = await HappyHorseEmulator.StartAsync(Fast());
        var sent = new ConcurrentQueue<string>();
        using var http = new HttpClient(new Recording(sent));
        client = new HappyHorseClient(emulator.Token, SlowPolling(emulator, new CallbackUrls(receiver.Template, Bodies.Secret)), http);

        var requests = Enumerable.Range(0, Tasks).Select(i => new GenerateRequest($"horse {i}")).ToList();
        var operations = await Task.WhenAll(requests.Select(r => client.GenerateAsync(WaitUntil.Started, r)));
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Task.WhenAll(operations.Select(o => o.WaitForCompletionAsync(deadline.Token).AsTask()));

        var urls = sent.Select(body => JsonDocument.Parse(body).RootElement.GetProperty("callback_url").GetString()!).ToList();
        Assert.Equal(Tasks, urls.Distinct(StringComparer.Ordinal).Count());
        Assert.All(urls, url => Assert.StartsWith(receiver.Template.Replace(CallbackUrls.TokenPlaceholder, "", StringComparison.Ordinal), url, StringComparison.Ordinal));
        Assert.All(requests, r => Assert.Null(r.CallbackUrl)); // the caller's request is left as it was
        Assert.Equal(Enumerable.Repeat(200, Tasks), receiver.Answers);
        Assert.Equal(Tasks, emulator.Usage.RequestsReceived); // completed by the callbacks: no lookup

        // The same URL with one character of its token changed is refused before the handler runs.
        var genuine = urls[0];
        var tampered = genuine[..^1] + (genuine[^1] == 'A' ? 'B' : 'A');
        Assert.Equal(404, await receiver.PostAsync(new Uri(tampered), Bodies.Finished("t-forged")));
        client.Dispose();
    }

    [Fact]
    public async Task ARequestThatSetsItsOwnCallbackUrlKeepsIt()
    {
        var mine = new ConcurrentQueue<string>();
        await using var receiver = await ReceiverHost.StartAsync<VideosResponse>(Bodies.Secret, r => r.TaskId, (callback, _) =>
        {
            mine.Enqueue(callback.TaskId);
            return Task.CompletedTask;
        });
        await using var emulator = await HappyHorseEmulator.StartAsync(Fast());
        var sent = new ConcurrentQueue<string>();
        using var http = new HttpClient(new Recording(sent));
        using var client = new HappyHorseClient(emulator.Token, SlowPolling(emulator, new CallbackUrls("http://127.0.0.1:9/elsewhere/{token}", Bodies.Secret)), http);
        var own = new CallbackUrls(receiver.Template, Bodies.Secret).Create().AbsoluteUri;

        var submitted = await client.GenerateAsync(new GenerateRequest("horse") { CallbackUrl = own });

        Assert.Equal(own, JsonDocument.Parse(Assert.Single(sent)).RootElement.GetProperty("callback_url").GetString());
        await ReceiverTests.WaitUntilAsync(() => mine.Contains(submitted.TaskId!));
    }

    [Fact]
    public async Task TheRawResponseOverloadMintsAUrlToo()
    {
        var received = new ConcurrentQueue<string>();
        await using var receiver = await ReceiverHost.StartAsync<VideosResponse>(Bodies.Secret, r => r.TaskId, (callback, _) =>
        {
            received.Enqueue(callback.TaskId);
            return Task.CompletedTask;
        });
        await using var emulator = await HappyHorseEmulator.StartAsync(Fast());
        var sent = new ConcurrentQueue<string>();
        using var http = new HttpClient(new Recording(sent));
        using var client = new HappyHorseClient(emulator.Token, SlowPolling(emulator, new CallbackUrls(receiver.Template, Bodies.Secret)), http);
        var request = new GenerateRequest("horse");

        var result = await client.GenerateAsync(request, new CallOptions());

        var url = JsonDocument.Parse(Assert.Single(sent)).RootElement.GetProperty("callback_url").GetString();
        Assert.StartsWith(receiver.Template.Replace(CallbackUrls.TokenPlaceholder, "", StringComparison.Ordinal), url, StringComparison.Ordinal);
        Assert.Null(request.CallbackUrl);
        await ReceiverTests.WaitUntilAsync(() => received.Contains(result.Value.TaskId!));
    }

    private static HappyHorseClientOptions SlowPolling(ContractEmulator emulator, CallbackUrls urls) => new()
    {
        Endpoint = emulator.BaseAddress,
        FirstPollDelay = TimeSpan.FromMinutes(10),
        PollingInterval = TimeSpan.FromMinutes(10),
        MaxPollingInterval = TimeSpan.FromMinutes(10),
        CallbackUrls = urls,
    };

    private static EmulatorOptions Fast()
    {
        var options = new EmulatorOptions { TaskDuration = TimeSpan.FromMilliseconds(100), AllowRemoteCallbacks = false };
        options.Callbacks.FirstRetryDelay = TimeSpan.FromMilliseconds(50);
        return options;
    }

    /// <summary>Keeps the body of every request the client sends.</summary>
    private sealed class Recording(ConcurrentQueue<string> bodies) : DelegatingHandler(new HttpClientHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content is { } content)
            {
                bodies.Enqueue(await content.ReadAsStringAsync(cancellationToken));
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
