using ContractFirst.Callbacks.Tests.Support;

namespace ContractFirst.Callbacks.Tests;

/// <summary>Callback URLs: the template with a fresh token in place of {token}.</summary>
public sealed class CallbackUrlsTests
{
    [Fact]
    public void EachUrlCarriesAFreshValidTokenWhereTheTemplateSays()
    {
        var urls = new CallbackUrls("https://example.com/hooks/{token}/happyhorse", Bodies.Secret);

        var first = urls.Create();
        var second = urls.Create();

        Assert.NotEqual(first, second);
        Assert.Equal("example.com", first.Host);
        Assert.StartsWith("/hooks/", first.AbsolutePath, StringComparison.Ordinal);
        Assert.EndsWith("/happyhorse", first.AbsolutePath, StringComparison.Ordinal);
        Assert.True(Bodies.Secret.IsValid(first.Segments[2].TrimEnd('/')));
    }

    [Theory]
    [InlineData("https://example.com/hooks")]
    [InlineData("https://example.com/{token}/{token}")]
    [InlineData("/callbacks/{token}")]
    [InlineData("ftp://example.com/{token}")]
    public void ATemplateWithoutOneTokenOrNotAnAbsoluteHttpUrlIsRefused(string template) =>
        Assert.Throws<ArgumentException>(() => new CallbackUrls(template, Bodies.Secret));
}
