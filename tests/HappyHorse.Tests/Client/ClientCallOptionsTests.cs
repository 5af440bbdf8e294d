using System.ClientModel;
using System.Diagnostics;
using System.Text.Json;
using HappyHorse.Emulator;

namespace HappyHorse.Tests.Client;

/// <summary>A rotatable key, the raw response of a successful call, and per-call headers, timeouts and cancellation, on the emulator.</summary>
public class ClientCallOptionsTests
{
    [Fact]
    public async Task UpdatingTheCredentialRotatesTheKeyForTheNextRequest()
    {
        await using var emulator = await HappyHorseEmulator.StartAsync(new EmulatorOptions { Token = "key-two" });
        var credential = new ApiKeyCredential("key-one");
        using var client = new HappyHorseClient(credential, Options(emulator));

        var refused = await Assert.ThrowsAnyAsync<HappyHorseException>(() => client.GenerateAsync(new GenerateRequest("a horse") { Async = true }));
        Assert.Equal(401, refused.StatusCode);

        credential.Update("key-two");
        var accepted = await client.GenerateAsync(new GenerateRequest("a horse") { Async = true });

        Assert.False(string.IsNullOrEmpty(accepted.TaskId));
    }

    [Fact]
    public async Task TheResultOverloadReturnsTheRawResponseOfASuccessfulCall()
    {
        await using var emulator = await HappyHorseEmulator.StartAsync();
        using var client = new HappyHorseClient(emulator.Token, Options(emulator));

        var result = await client.GenerateAsync(new GenerateRequest("a horse") { Async = true }, new CallOptions());
        var raw = result.GetRawResponse();

        Assert.Equal(200, raw.Status);
        Assert.True(raw.Headers.TryGetValue("x-trace-id", out var traceId));
        Assert.False(string.IsNullOrEmpty(traceId));
        Assert.True(raw.Headers.TryGetValue("Content-Type", out var contentType));
        Assert.StartsWith("application/json", contentType);
        using var body = JsonDocument.Parse(raw.Content);
        Assert.Equal(result.Value.TaskId, body.RootElement.GetProperty("task_id").GetString());
    }

    [Fact]
    public async Task PerCallHeadersGoOnTheWire()
    {
        await using var emulator = await HappyHorseEmulator.StartAsync();
        using var client = new HappyHorseClient(emulator.Token, Options(emulator));

        await client.GenerateAsync(new GenerateRequest("a horse") { Async = true }, new CallOptions().AddHeader("x-tenant", "blue").SetHeader("User-Agent", "my-app/2"));

        var sent = Assert.Single(emulator.Requests);
        Assert.Equal("blue", sent.Headers["x-tenant"]);
        Assert.Equal("my-app/2", sent.Headers["User-Agent"]);
    }

    [Theory]
    [InlineData("Authorization")]
    [InlineData("content-type")]
    [InlineData("Content-Length")]
    [InlineData("Host")]
    [InlineData(ClientRequestId.HeaderName)]
    public void HeadersTheClientOwnsCannotBeSetPerCall(string name)
    {
        var options = new CallOptions();

        var error = Assert.Throws<ArgumentException>(() => options.SetHeader(name, "x"));

        Assert.Contains($"'{name}'", error.Message);
        Assert.Equal("name", error.ParamName);
    }

    [Fact]
    public async Task APerCallNetworkTimeoutBoundsEachAttempt()
    {
        var settings = new EmulatorOptions();
        settings.Faults.SlowRate = 1;
        settings.Faults.SlowDelay = TimeSpan.FromSeconds(10);
        await using var emulator = await HappyHorseEmulator.StartAsync(settings);
        using var client = new HappyHorseClient(emulator.Token, Options(emulator, retries: 0));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAsync<TimeoutException>(() =>
            client.GetTaskAsync(new GetTaskRequest("task-1"), new CallOptions { NetworkTimeout = TimeSpan.FromMilliseconds(300) }));

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task ThePerCallTokenCancelsTheCall()
    {
        var settings = new EmulatorOptions();
        settings.Faults.SlowRate = 1;
        settings.Faults.SlowDelay = TimeSpan.FromSeconds(10);
        await using var emulator = await HappyHorseEmulator.StartAsync(settings);
        using var client = new HappyHorseClient(emulator.Token, Options(emulator));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetTaskAsync(new GetTaskRequest("task-1"), null, cancel.Token));

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void ABlankKeyIsRefusedWithoutQuotingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => new HappyHorseClient(new ApiKeyCredential("two words")));

        Assert.DoesNotContain("two words", error.Message);
    }

    private static HappyHorseClientOptions Options(ContractEmulator emulator, int retries = 2)
    {
        var options = new HappyHorseClientOptions { Endpoint = emulator.BaseAddress };
        options.Retry.MaxRetries = retries;
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        return options;
    }
}
