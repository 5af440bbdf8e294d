using System.Net;
using HappyHorse.Emulator;
using Microsoft.Extensions.Time.Testing;

namespace ContractFirst.Siblings.Tests;

/// <summary>
/// The emulator serving contracts it was not written for: each sibling API's own compiled SDK submits, waits and
/// downloads against an emulator started from nothing but that API's YAML, as a sibling team would try its contract
/// before the service exists.
/// </summary>
public sealed class EmulatorServingTests
{
    private static readonly HttpClient s_http = new();

    private static EmulatedContract Contract(string file) =>
        EmulatedContract.FromFile(Path.Combine(SchemaAgreementTests.RepoRoot(), "tests", "ContractFirst.Generator.Tests", "Contracts", file));

    private static Task<ContractEmulator> StartAsync(string file, Action<EmulatorOptions>? configure = null)
    {
        var options = new EmulatorOptions { Contract = Contract(file), TaskDuration = TimeSpan.FromMilliseconds(50) };
        options.Callbacks.MaxAttempts = 1;
        configure?.Invoke(options);
        return ContractEmulator.StartAsync(options);
    }

    [Fact]
    public async Task SunosSdkMakesASongAndDownloadsARealMp3()
    {
        await using var emulator = await StartAsync("suno.yaml");
        using var client = new global::Siblings.Suno.SunoClient(emulator.Token, new global::Siblings.Suno.SunoClientOptions { Endpoint = emulator.BaseAddress });

        // Without callback_url the call holds until the songs are done, as the service does.
        var answer = await client.GenerateAsync(new global::Siblings.Suno.GenerateRequest { Prompt = "a song about snow", Title = "Snow" });

        Assert.True(answer.Success);
        var song = Assert.Single(answer.Data);
        Assert.Equal(global::Siblings.Suno.SongState.Succeeded, song.State);
        Assert.Equal("a song about snow", song.Prompt);
        Assert.Equal("chirp-v4", song.Model);
        var mp3 = await s_http.GetByteArrayAsync(song.AudioUrl);
        Assert.Equal([0xFF, 0xFB], mp3[..2]);
        Assert.Empty(answer.ReadIssues);
    }

    [Fact]
    public async Task SunosSdkWaitsOnItsTasksEndpointThroughTheSongsStates()
    {
        // The emulator's clock decides when the task ends, so "still pending" holds however slow the machine is.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var emulator = await StartAsync("suno.yaml", o => (o.TimeProvider, o.TaskDuration) = (clock, TimeSpan.FromMinutes(2)));
        using var client = new global::Siblings.Suno.SunoClient(emulator.Token, new global::Siblings.Suno.SunoClientOptions
        {
            Endpoint = emulator.BaseAddress,
            FirstPollDelay = TimeSpan.FromMilliseconds(10),
            PollingInterval = TimeSpan.FromMilliseconds(10),
        });

        var submitted = await client.GenerateAsync(new global::Siblings.Suno.GenerateRequest { Prompt = "a song about rain", CallbackUrl = "http://127.0.0.1:9/hook" });
        Assert.NotNull(submitted.TaskId);
        Assert.Empty(submitted.Data);

        var pending = await client.GetTaskAsync(submitted.TaskId!);
        Assert.False(pending.IsFinished);
        Assert.Null(pending.FinishedAt);
        Assert.Equal(global::Siblings.Suno.SongState.Pending, Assert.Single(pending.Response!.Data).State);

        clock.Advance(TimeSpan.FromMinutes(2));
        var record = await client.WaitForTaskAsync(submitted);
        Assert.Equal(submitted.TaskId, record.Id);
        Assert.Equal("a song about rain", record.Request!.Prompt);
        Assert.Equal(global::Siblings.Suno.SongState.Succeeded, Assert.Single(record.Response!.Data).State);
        Assert.NotNull(record.FinishedAt);

        var batch = await client.GetTasksAsync([submitted.TaskId!, "no-such-task"]);
        Assert.Equal((1, 1), (batch.Items.Count, batch.Count));
    }

    [Fact]
    public async Task AFailedSunoTaskReadsAsFailedToItsSdk()
    {
        await using var emulator = await StartAsync("suno.yaml", o => o.TaskFailureRate = 1);
        using var client = new global::Siblings.Suno.SunoClient(emulator.Token, new global::Siblings.Suno.SunoClientOptions
        {
            Endpoint = emulator.BaseAddress,
            FirstPollDelay = TimeSpan.FromMilliseconds(10),
            PollingInterval = TimeSpan.FromMilliseconds(10),
        });

        var submitted = await client.GenerateAsync(new global::Siblings.Suno.GenerateRequest { Prompt = "a song", CallbackUrl = "http://127.0.0.1:9/hook" });
        var failed = await Assert.ThrowsAsync<global::Siblings.Suno.SunoTaskFailedException>(() => client.WaitForTaskAsync(submitted));

        Assert.Equal(false, failed.Record.Response!.Success);
        Assert.Equal("api_error", failed.Record.Response.Error!.Code);
        Assert.Equal(global::Siblings.Suno.SongState.Error, Assert.Single(failed.Record.Response.Data).State);
    }

    [Fact]
    public async Task SeedreamsSdkWaitsForAnImageWhoseSuccessIsAFlag()
    {
        await using var emulator = await StartAsync("seedream.yaml");
        using var client = new global::Siblings.Seedream.SeedreamClient(emulator.Token, new global::Siblings.Seedream.SeedreamClientOptions
        {
            Endpoint = emulator.BaseAddress,
            FirstPollDelay = TimeSpan.FromMilliseconds(10),
            PollingInterval = TimeSpan.FromMilliseconds(10),
        });

        var answer = await client.GenerateAsync(new global::Siblings.Seedream.GenerateRequest("a lighthouse at dusk"));
        var image = Assert.Single(answer.Data);
        Assert.True(answer.Success);
        var png = await s_http.GetByteArrayAsync(image.ImageUrl);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);

        // Pending, success (a flag both rules test) is left out, so the SDK does not read the task as ended.
        await using var slow = await StartAsync("seedream.yaml", o => o.TaskDuration = TimeSpan.FromHours(1));
        using var slowClient = new global::Siblings.Seedream.SeedreamClient(slow.Token, new global::Siblings.Seedream.SeedreamClientOptions { Endpoint = slow.BaseAddress });
        var submitted = await PostAsync(slow, "/seedream/images", """{ "prompt": "a lighthouse", "callback_url": "http://127.0.0.1:9/hook" }""");
        var taskId = System.Text.Json.Nodes.JsonNode.Parse(submitted)!["task_id"]!.GetValue<string>();
        var record = await slowClient.GetTaskAsync(taskId);
        Assert.False(record.IsFinished);
        Assert.Null(record.Response!.Success);
    }

    [Fact]
    public async Task KlingsSdkGetsAVideoFromAContractWithoutATasksEndpoint()
    {
        await using var emulator = await StartAsync("kling.yaml");
        using var client = new global::Siblings.Kling.KlingClient(emulator.Token, new global::Siblings.Kling.KlingClientOptions { Endpoint = emulator.BaseAddress });

        var answer = await client.Text2videoAsync(new global::Siblings.Kling.Text2videoRequest("a fox in the snow"));

        Assert.Equal((true, "succeeded"), (answer.Success, answer.State));
        Assert.NotNull(answer.TaskId);
        using var video = await s_http.GetAsync(answer.VideoUrl);
        Assert.Equal(("video/mp4", HttpStatusCode.OK), (video.Content.Headers.ContentType?.MediaType, video.StatusCode));
    }

    [Fact]
    public async Task AnUnknownPathGetsTheContractsOwnCode()
    {
        await using var emulator = await StartAsync("suno.yaml");

        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.BaseAddress, "/suno/lyrics")) { Content = new StringContent("{}") };
        message.Headers.Authorization = new("Bearer", emulator.Token);
        using var answer = await s_http.SendAsync(message);

        // suno.yaml lists 404 no_api: the service's word for a path it does not serve.
        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Contains("\"no_api\"", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABrokenContractIsRefusedWithItsLineAndColumn()
    {
        var error = Assert.ThrowsAny<Exception>(() => EmulatedContract.FromYaml("broken.yaml", "contract: 2\napi:\n  name: X\nendpoints: 7\n"));

        Assert.Contains("broken.yaml(", error.Message, StringComparison.Ordinal);
    }

    private static async Task<string> PostAsync(ContractEmulator emulator, string path, string json)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.BaseAddress, path)) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        message.Headers.Authorization = new("Bearer", emulator.Token);
        using var answer = await s_http.SendAsync(message);
        var text = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.IsSuccessStatusCode, text);
        return text;
    }
}
