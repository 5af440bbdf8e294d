using System.Text;
using HappyHorse.Emulator.Tests.Support;

namespace HappyHorse.Emulator.Tests;

/// <summary>The generated SDK against the emulator over real HTTP: every operation and every error path.</summary>
public class SdkAgainstEmulatorTests
{
    private static readonly TimeSpan Quick = TimeSpan.FromMilliseconds(50);

    private static Task<ContractEmulator> StartAsync(Action<EmulatorOptions>? configure = null)
    {
        var options = new EmulatorOptions { TaskDuration = Quick };
        configure?.Invoke(options);
        return HappyHorseEmulator.StartAsync(options);
    }

    [Fact]
    public async Task GenerateWaitsForTheVideo()
    {
        await using var emulator = await StartAsync();
        using var client = Clients.Sdk(emulator);

        var answer = await client.GenerateAsync(new GenerateRequest("A white horse at sunrise") { Ratio = Ratio.Landscape16x9, Duration = 7 });

        Assert.True(answer.Success);
        Assert.False(string.IsNullOrEmpty(answer.TaskId));
        Assert.False(string.IsNullOrEmpty(answer.TraceId));
        var video = Assert.Single(answer.Data);
        Assert.Equal(VideoState.Succeeded, video.State);
        Assert.Equal(7, video.Duration);
        Assert.Equal(Resolution.P720, video.Resolution);
        Assert.Equal(Ratio.Landscape16x9, video.Ratio);
        Assert.StartsWith(emulator.BaseAddress.AbsoluteUri, video.VideoUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImageToVideoHasNoRatioAndTheDefaultDuration()
    {
        await using var emulator = await StartAsync();
        using var client = Clients.Sdk(emulator);

        var answer = await client.ImageToVideoAsync(new ImageToVideoRequest("https://cdn.example.com/first.png") { Resolution = Resolution.P1080 });

        var video = Assert.Single(answer.Data);
        Assert.Equal(VideoState.Succeeded, video.State);
        Assert.Equal(5, video.Duration);
        Assert.Equal(Resolution.P1080, video.Resolution);
        Assert.Null(video.Ratio);
    }

    [Fact]
    public async Task ReferenceToVideoSucceeds()
    {
        await using var emulator = await StartAsync();
        using var client = Clients.Sdk(emulator);

        var answer = await client.ReferenceToVideoAsync(new ReferenceToVideoRequest(
            "character1 walks through a meadow in the style of character2",
            ["https://cdn.example.com/a.png", "https://cdn.example.com/b.png"]) { Ratio = Ratio.Square1x1 });

        var video = Assert.Single(answer.Data);
        Assert.Equal(VideoState.Succeeded, video.State);
        Assert.Equal(Ratio.Square1x1, video.Ratio);
    }

    [Fact]
    public async Task VideoEditIsBilledOnInputPlusOutput()
    {
        await using var emulator = await StartAsync();
        using var client = Clients.Sdk(emulator);

        var answer = await client.VideoEditAsync(new VideoEditRequest("Make it snow", "https://cdn.example.com/in.mp4") { AudioSetting = AudioSetting.Origin });

        var video = Assert.Single(answer.Data);
        Assert.Equal(VideoState.Succeeded, video.State);
        Assert.Equal(10, video.Duration);
    }

    [Fact]
    public async Task AnAsyncSubmitReturnsTheTaskIdAndWaitForTaskAsyncGetsTheResult()
    {
        await using var emulator = await StartAsync();
        using var client = Clients.Sdk(emulator);

        var submitted = await client.GenerateAsync(new GenerateRequest("A horse in the snow") { Async = true });
        var record = await client.WaitForTaskAsync(submitted);

        Assert.Empty(submitted.Data);
        Assert.Equal(submitted.TaskId, record.Id);
        Assert.True(record.IsFinished);
        Assert.Equal("videos", record.Type);
        Assert.NotNull(record.Elapsed);
        Assert.Equal("generate", record.Request?.Action);
        Assert.Equal("happyhorse-1.1-t2v", record.Request?.Model);
        Assert.Equal("A horse in the snow", record.Request?.Prompt);
        Assert.Equal(VideoState.Succeeded, Assert.Single(record.Response!.Data).State);
    }

    [Fact]
    public async Task ACallbackSubmitPostsTheFinalResultToTheCallbackUrl()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var emulator = await StartAsync();
        using var client = Clients.Sdk(emulator);

        var submitted = await client.GenerateAsync(new GenerateRequest("A horse by the sea") { CallbackUrl = receiver.Url.AbsoluteUri });
        var (path, contentType, body) = await receiver.NextAsync();

        Assert.Empty(submitted.Data);
        Assert.Equal(receiver.Url.AbsolutePath, path);
        Assert.StartsWith("application/json", contentType, StringComparison.Ordinal);
        var delivered = VideosResponse.FromJson(body);
        Assert.Equal(submitted.TaskId, delivered.TaskId);
        Assert.True(delivered.Success);
        Assert.Equal(VideoState.Succeeded, Assert.Single(delivered.Data).State);
    }

    [Fact]
    public async Task GetTasksAsyncLooksSeveralTasksUp()
    {
        await using var emulator = await StartAsync();
        using var client = Clients.Sdk(emulator);
        var first = await client.GenerateAsync(new GenerateRequest("one") { Async = true });
        var second = await client.ImageToVideoAsync(new ImageToVideoRequest("https://cdn.example.com/2.png") { Async = true });

        var batch = await client.GetTasksAsync([second.TaskId!, first.TaskId!]);

        Assert.Equal(2, batch.Count);
        Assert.Equal([second.TaskId, first.TaskId], batch.Items.Select(i => i.Id));
        Assert.Equal(["image_to_video", "generate"], batch.Items.Select(i => i.Request?.Action));
    }

    [Fact]
    public async Task AWrongTokenIsAnAuthenticationError()
    {
        await using var emulator = await StartAsync(o => o.Token = "the-right-token");
        using var client = Clients.Sdk(emulator, token: "a-wrong-token");

        var error = await Assert.ThrowsAsync<HappyHorseAuthenticationException>(() => client.GenerateAsync(new GenerateRequest("A horse")));

        Assert.Equal(401, error.StatusCode);
        Assert.Equal("invalid_token", error.ErrorCode);
        Assert.Equal("the-right-token", emulator.Token);
    }

    [Fact]
    public async Task AnExhaustedBalanceIsAnInsufficientBalanceError()
    {
        // 0.6 USD covers one 5 s video at 720P (0.525) and not two.
        await using var emulator = await StartAsync(o => o.Balance = 0.6m);
        using var client = Clients.Sdk(emulator);

        await client.GenerateAsync(new GenerateRequest("first"));
        var error = await Assert.ThrowsAsync<HappyHorseInsufficientBalanceException>(() => client.GenerateAsync(new GenerateRequest("second")));

        Assert.Equal(403, error.StatusCode);
        Assert.Equal("used_up", error.ErrorCode);
    }

    [Fact]
    public async Task AFailedTaskIsNotCharged()
    {
        await using var emulator = await StartAsync(o =>
        {
            o.Balance = 0.6m;
            o.TaskFailureRate = 1;
        });
        using var client = Clients.Sdk(emulator);

        var first = await client.GenerateAsync(new GenerateRequest("first"));

        // Only possible if the first one's 0.525 was given back.
        var second = await client.GenerateAsync(new GenerateRequest("second"));
        Assert.Equal(VideoState.Error, Assert.Single(first.Data).State);
        Assert.Equal(VideoState.Error, Assert.Single(second.Data).State);
        Assert.False(first.Success);
        Assert.Null(first.Data[0].VideoUrl);
    }

    [Fact]
    public async Task ABlockedWordIsAContentRejection()
    {
        await using var emulator = await StartAsync(o => o.BlockedWords.Add("gore"));
        using var client = Clients.Sdk(emulator);

        var error = await Assert.ThrowsAsync<HappyHorseContentRejectedException>(() => client.GenerateAsync(new GenerateRequest("A horse, lots of GORE")));

        Assert.Equal(403, error.StatusCode);
        Assert.Equal("content_rejected", error.ErrorCode);
    }

    [Fact]
    public async Task TheRateLimitIsARateLimitedErrorWithRetryAfter()
    {
        await using var emulator = await StartAsync(o => o.RequestsPerMinute = 1);
        using var client = Clients.Sdk(emulator, configure: o => o.Retry.MaxRetries = 0);

        await client.GenerateAsync(new GenerateRequest("first") { Async = true });
        var error = await Assert.ThrowsAsync<HappyHorseRateLimitedException>(() => client.GenerateAsync(new GenerateRequest("second") { Async = true }));

        Assert.Equal(429, error.StatusCode);
        Assert.Equal("too_many_requests", error.ErrorCode);
        Assert.NotNull(error.RetryAfter);
        Assert.True(error.RetryAfter > TimeSpan.Zero);
    }

    [Fact]
    public async Task AnInjectedServerErrorOnASubmitIsAServerErrorWithoutAResend()
    {
        await using var emulator = await StartAsync(o => o.Faults.ServerErrorRate = 1);
        using var client = Clients.Sdk(emulator, configure: o => o.Retry.MaxRetries = 2);

        var error = await Assert.ThrowsAsync<HappyHorseServerErrorException>(() => client.GenerateAsync(new GenerateRequest("A horse")));

        Assert.Equal(500, error.StatusCode);
        Assert.Equal("api_error", error.ErrorCode);

        // A 500 does not prove the task never started, so the submit is not sent again.
        Assert.Single(emulator.Requests);
    }

    [Fact]
    public async Task TheSdkRetriesAnInjected429AndSucceeds()
    {
        // A seed whose first draw injects the 429 and whose second does not: the retry must recover.
        var seed = Enumerable.Range(0, 1000).First(s =>
        {
            var random = new Random(s);
            return random.NextDouble() < 0.5 && random.NextDouble() >= 0.5;
        });
        await using var emulator = await StartAsync(o =>
        {
            o.Faults.TooManyRequestsRate = 0.5;
            o.Faults.Seed = seed;
        });
        using var client = Clients.Sdk(emulator);

        var answer = await client.GenerateAsync(new GenerateRequest("A horse"));

        Assert.Equal(VideoState.Succeeded, Assert.Single(answer.Data).State);
        Assert.Equal(2, emulator.Requests.Count);
    }

    [Fact]
    public async Task ADroppedConnectionIsAnHttpRequestExceptionAndTheSubmitIsNotSentTwice()
    {
        await using var emulator = await StartAsync(o => o.Faults.DropConnectionRate = 1);
        using var client = Clients.Sdk(emulator);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GenerateAsync(new GenerateRequest("A horse")));

        // The server read the request, so a task may have started: retrying a submit could charge twice.
        Assert.Single(emulator.Requests);
    }

    [Fact]
    public async Task TheVideoUrlServesAnMp4()
    {
        await using var emulator = await StartAsync();
        using var client = Clients.Sdk(emulator);
        var answer = await client.GenerateAsync(new GenerateRequest("A horse"));

        using var response = await Clients.GetAsync(new Uri(answer.Data[0].VideoUrl!));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal("video/mp4", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        Assert.InRange(bytes.Length, 10_000, 200_000);
        Assert.Equal("ftyp", Encoding.ASCII.GetString(bytes, 4, 4));
    }
}
