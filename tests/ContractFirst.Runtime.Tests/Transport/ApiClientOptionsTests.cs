namespace ContractFirst.Runtime.Tests;

public sealed class ApiClientOptionsTests
{
    [Fact]
    public void HasTheDocumentedDefaults()
    {
        var options = new ApiClientOptions();

        Assert.Equal(
            (null, null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), TimeProvider.System, null, false),
            (options.Endpoint, options.NetworkTimeout, options.PollingInterval, options.FirstPollDelay, options.TimeProvider, options.UserAgent, options.AllowInsecureTransport));
        Assert.Equal((3, TimeSpan.FromSeconds(0.8), TimeSpan.FromMinutes(1)), (options.Retry.MaxRetries, options.Retry.Delay, options.Retry.MaxDelay));
    }

    [Fact]
    public void DerivedOptionsSetTheirDefaultsBeforeAClientExists()
    {
        var options = new DerivedClientOptions();

        Assert.Equal((TimeSpan.FromSeconds(2), 5), (options.PollingInterval, options.Retry.MaxRetries));
    }

    [Fact]
    public void EverySettingIsFrozenOnceATransportIsCreated()
    {
        var options = new DerivedClientOptions();
        using var transport = new ApiTransport(options, TestApi.Token, new Uri("https://api.example.com"), TestApi.ErrorFormat, TestApi.CreateException);

        Action[] setters =
        [
            () => options.Endpoint = new Uri("https://other.example.com"),
            () => options.NetworkTimeout = TimeSpan.FromSeconds(1),
            () => options.PollingInterval = TimeSpan.FromSeconds(1),
            () => options.FirstPollDelay = TimeSpan.FromSeconds(1),
            () => options.TimeProvider = TimeProvider.System,
            () => options.UserAgent = "x",
            () => options.AllowInsecureTransport = true,
            () => options.Retry.MaxRetries = 1,
            () => options.Retry.Delay = TimeSpan.Zero,
            () => options.Retry.MaxDelay = TimeSpan.Zero,
            () => options.Region = "us",
        ];

        Assert.All(setters, setter => Assert.Throws<InvalidOperationException>(setter));
    }

    [Fact]
    public void RejectsValuesThatCannotWork()
    {
        var options = new ApiClientOptions();

        Assert.Throws<ArgumentException>(() => options.Endpoint = new Uri("/relative", UriKind.Relative));
        Assert.Throws<ArgumentOutOfRangeException>(() => options.NetworkTimeout = TimeSpan.Zero);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.PollingInterval = TimeSpan.Zero);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.Retry.MaxRetries = -1);
        options.NetworkTimeout = Timeout.InfiniteTimeSpan;
    }
}
