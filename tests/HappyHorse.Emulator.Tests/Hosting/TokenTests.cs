using HappyHorse.Emulator.Tests.Support;

namespace HappyHorse.Emulator.Tests.Hosting;

/// <summary>The token an emulator reports is the one it checks; any token only when asked.</summary>
public sealed class TokenTests
{
    private const string Videos = "/happyhorse/videos";
    private const string Body = """{ "prompt": "a horse", "async": true }""";

    [Fact]
    public async Task WithoutAChosenTokenAFreshOneIsMadeAndEnforced()
    {
        await using var first = await HappyHorseEmulator.StartAsync();
        await using var second = await HappyHorseEmulator.StartAsync();

        Assert.NotEqual(first.Token, second.Token);
        Assert.Equal(200, (await Clients.PostAsync(first, Videos, Body)).Status);
        Assert.Equal((401, "invalid_token"), await StatusAndCodeAsync(first, second.Token));
    }

    [Fact]
    public async Task AnyTokenIsAcceptedOnlyWhenAsked()
    {
        await using var open = await HappyHorseEmulator.StartAsync(new EmulatorOptions { AcceptAnyToken = true });

        Assert.Equal(200, (await Clients.PostAsync(open, Videos, Body, token: "anything")).Status);
        Assert.Equal((401, "no_token"), await StatusAndCodeAsync(open, null));
    }

    [Fact]
    public async Task TheUsageReportNeedsTheToken()
    {
        await using var emulator = await HappyHorseEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };

        Assert.Equal(401, (int)(await http.GetAsync("/_emulator/usage")).StatusCode);
        http.DefaultRequestHeaders.Authorization = new("Bearer", emulator.Token);
        Assert.Contains("\"tasks_created\":0", await http.GetStringAsync("/_emulator/usage"), StringComparison.Ordinal);
    }

    private static async Task<(int, string?)> StatusAndCodeAsync(ContractEmulator emulator, string? token)
    {
        var answer = await Clients.PostAsync(emulator, Videos, Body, token);
        return (answer.Status, answer.ErrorCode);
    }
}
