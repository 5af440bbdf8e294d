namespace HappyHorse.Tests.Infrastructure;

/// <summary>Clients pointed at a loopback server, with zero retry delays and tiny polling waits.</summary>
internal static class TestClients
{
    /// <summary>A token distinctive enough to search for in exception texts.</summary>
    public const string Token = "hh-test-token-7f3a9c";

    public static HappyHorseClientOptions FastOptions(Uri endpoint, int maxRetries = 2) => new()
    {
        Endpoint = endpoint,
        FirstPollDelay = TimeSpan.Zero,
        PollingInterval = TimeSpan.FromMilliseconds(1),
        MaxPollingInterval = TimeSpan.FromMilliseconds(10),
        Retry = { MaxRetries = maxRetries, Delay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero },
    };

    public static HappyHorseClient Create(LoopbackServer server, int maxRetries = 2) =>
        new(Token, FastOptions(server.BaseAddress, maxRetries));
}
