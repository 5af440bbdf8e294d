using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using HappyHorse.Emulator.Tests.Support;

namespace HappyHorse.Emulator.Tests.Callbacks;

/// <summary>
/// Callbacks as a receiver sees them: signed with the secret so it can tell the emulator from anyone else, tried again
/// with backoff while it fails, and delivered twice on demand with the same delivery id, so it can prove it is idempotent.
/// </summary>
public sealed class CallbackDeliveryTests
{
    private const string Videos = "/happyhorse/videos";

    [Fact]
    public async Task AReceiverThatFailsGetsTheCallbackAgainWithTheSameDeliveryIdUntilItAccepts()
    {
        await using var receiver = await CallbackReceiver.StartAsync(500, 503);
        var options = new EmulatorOptions { TaskDuration = TimeSpan.Zero };
        options.Callbacks.FirstRetryDelay = TimeSpan.FromMilliseconds(50);
        await using var emulator = await HappyHorseEmulator.StartAsync(options);

        var submitted = await Clients.PostAsync(emulator, Videos, $$"""{ "prompt": "a horse", "callback_url": "{{receiver.Url}}" }""");
        Assert.Equal(200, submitted.Status);

        var attempts = new[] { await receiver.NextAsync(), await receiver.NextAsync(), await receiver.NextAsync() };
        Assert.Equal([500, 503, 200], attempts.Select(a => a.AnsweredWith));
        Assert.Equal(["1", "2", "3"], attempts.Select(a => a.Headers["x-emulator-attempt"]));
        Assert.Single(attempts.Select(a => a.Headers["x-emulator-delivery"]).Distinct());
        Assert.All(attempts, a => Assert.Equal(attempts[0].Body, a.Body));
        Assert.Equal(submitted.Body!["task_id"]!.GetValue<string>(), JsonNode.Parse(attempts[0].Body)!["task_id"]!.GetValue<string>());
        Assert.False(await receiver.AnyMoreWithinAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task WithOneAttemptAFailedDeliveryIsNotTriedAgain()
    {
        await using var receiver = await CallbackReceiver.StartAsync(500);
        var options = new EmulatorOptions { TaskDuration = TimeSpan.Zero };
        options.Callbacks.MaxAttempts = 1;
        await using var emulator = await HappyHorseEmulator.StartAsync(options);

        await Clients.PostAsync(emulator, Videos, $$"""{ "prompt": "a horse", "callback_url": "{{receiver.Url}}" }""");

        Assert.Equal(500, (await receiver.NextAsync()).AnsweredWith);
        Assert.False(await receiver.AnyMoreWithinAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task ACallbackIsSignedWithTheSecretOverTheTimestampAndTheBody()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        var options = new EmulatorOptions { TaskDuration = TimeSpan.Zero };
        options.Callbacks.Secret = "whsec-test";
        await using var emulator = await HappyHorseEmulator.StartAsync(options);

        await Clients.PostAsync(emulator, Videos, $$"""{ "prompt": "a horse", "callback_url": "{{receiver.Url}}" }""");
        var callback = await receiver.NextAsync();

        // What a receiver computes on its side: HMAC-SHA256 of "<timestamp>.<body>" under the shared secret.
        var timestamp = callback.Headers["x-emulator-timestamp"];
        var expected = "sha256=" + Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes("whsec-test"), Encoding.UTF8.GetBytes(timestamp + "." + callback.Body))).ToLowerInvariant();
        Assert.Equal(expected, callback.Headers["x-emulator-signature"]);
        Assert.InRange(long.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds());
    }

    [Fact]
    public async Task WithoutASecretACallbackCarriesNoSignature()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var emulator = await HappyHorseEmulator.StartAsync(new EmulatorOptions { TaskDuration = TimeSpan.Zero });

        await Clients.PostAsync(emulator, Videos, $$"""{ "prompt": "a horse", "callback_url": "{{receiver.Url}}" }""");

        Assert.DoesNotContain("x-emulator-signature", (await receiver.NextAsync()).Headers.Keys);
    }

    [Fact]
    public async Task OnDemandACallbackIsDeliveredTwiceWithTheSameDeliveryId()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        var options = new EmulatorOptions { TaskDuration = TimeSpan.Zero };
        options.Callbacks.DuplicateRate = 1;
        await using var emulator = await HappyHorseEmulator.StartAsync(options);

        await Clients.PostAsync(emulator, Videos, $$"""{ "prompt": "a horse", "callback_url": "{{receiver.Url}}" }""");
        var first = await receiver.NextAsync();
        var second = await receiver.NextAsync();

        Assert.Equal(first.Headers["x-emulator-delivery"], second.Headers["x-emulator-delivery"]);
        Assert.Equal(first.Body, second.Body);
        Assert.Equal(["1", "2"], new[] { first, second }.Select(c => c.Headers["x-emulator-attempt"]));
    }
}
