namespace ContractFirst.Runtime.Tests;

public sealed class ApiTransportSecurityTests
{
    [Theory]
    [InlineData("https://api.example.com")]
    [InlineData("http://127.0.0.1:8080")]
    [InlineData("http://127.1.2.3")]
    [InlineData("http://localhost:5000")]
    [InlineData("http://[::1]:5000")]
    public void AllowsHttpsAndLoopbackHttp(string endpoint)
    {
        using var transport = TestApi.Transport(new ApiClientOptions { Endpoint = new Uri(endpoint) });

        Assert.Equal(new Uri(endpoint), transport.Endpoint);
    }

    [Theory]
    [InlineData("http://api.example.com")]
    [InlineData("http://10.0.0.1")]
    [InlineData("http://localhost.example.com")]
    [InlineData("ftp://127.0.0.1")]
    public void RefusesToSendTheTokenInClearTextToARemoteHost(string endpoint)
    {
        var ex = Assert.Throws<ArgumentException>(() => TestApi.Transport(new ApiClientOptions { Endpoint = new Uri(endpoint) }));

        Assert.Contains("HTTPS", ex.Message, StringComparison.Ordinal);
        TestApi.AssertNoToken(ex);
    }

    [Fact]
    public void RefusesAnInsecureDefaultEndpointToo() =>
        Assert.Throws<ArgumentException>(() => new ApiTransport(
            new ApiClientOptions(), TestApi.Token, new Uri("http://api.example.com"), TestApi.ErrorFormat, TestApi.CreateException));

    [Fact]
    public void AllowInsecureTransportOptsIntoPlainHttp()
    {
        using var transport = TestApi.Transport(new ApiClientOptions { Endpoint = new Uri("http://api.example.com"), AllowInsecureTransport = true });

        Assert.Equal("http", transport.Endpoint.Scheme);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("sk-abc def")]
    [InlineData("sk-abc\r\nX-Injected: 1")]
    public void RejectsTokensThatCannotBeSentSafely(string token)
    {
        var ex = Assert.Throws<ArgumentException>(() => new ApiTransport(
            new ApiClientOptions(), token, new Uri("https://api.example.com"), TestApi.ErrorFormat, TestApi.CreateException));

        Assert.Equal("token", ex.ParamName);
        if (token.Trim().Length > 0)
        {
            Assert.DoesNotContain(token, ex.Message, StringComparison.Ordinal);
        }
    }
}
