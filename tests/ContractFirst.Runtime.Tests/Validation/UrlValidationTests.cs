namespace ContractFirst.Runtime.Tests;

public sealed class UrlValidationTests
{
    private static readonly string[] Valid =
    [
        "https://example.com",
        "http://example.com/a/b.mp4?x=1&y=2#frag",
        "HTTPS://EXAMPLE.COM/",
        "https://cdn.example.com:8443/v.mp4",
        "http://127.0.0.1:5000",
        "http://[::1]:8080/x",
        "http://[2001:db8::1]/",
        "http://[::]/",
        "http://[1:2:3:4:5:6:7:8]:443/",
        "http://[::ffff:192.0.2.1]/",
        "http://[fe80::]/",
        "https://user:pw@example.com/",
        "https://example.com?x=1",
        "https://example.com#top",
        "https://bücher.example/",
        "https://a_b.example/%20x",
    ];

    private static readonly string?[] Invalid =
    [
        null,
        "",
        "ftp://x",
        "example.com",
        "/relative/path",
        "https://",
        "https:///path",
        "https://?q",
        "https://:80",
        "https://user@/x",
        "https://a@b@example.com/",
        "https:example.com",
        "http:/example.com",
        "javascript:alert(1)",
        "https://exa mple.com",
        " https://example.com",
        "https://example.com/a b",
        "https://example.com\n",
        "https://example.com/\u0000",
        "https://example.com\u00A0/",
        "https://example.com\\@evil.example/",
        "https://example.com:99999",
        "https://example.com:",
        "https://example.com:8o",
        "https://a:b:c/",
        "https://exa<mple.com",
        "http://[::1",
        "http://[]/",
        "http://[zz::1]/",
        "http://[::1]x/",
        "http://[:]/",
        "http://[:::1]/",
        "http://[1::2::3]/",
        "http://[1:2:3:4:5:6:7:8:9]/",
        "http://[1:2:3:4:5:6:7]/",
        "http://[12345::1]/",
        "http://[1:]/",
        "http://[::1.2.3]/",
        "http://[::256.0.0.1]/",
        "http://[::1.2.3.4:5]/",
        "https://%41.example/x",
    ];

    public static TheoryData<string> HttpUrls => new(Valid);

    public static TheoryData<string?> NotHttpUrls => new(Invalid);

    [Theory]
    [MemberData(nameof(HttpUrls))]
    public void AcceptsAbsoluteHttpAndHttpsUrls(string url) => Assert.True(Validate.IsHttpUrl(url));

    [Theory]
    [MemberData(nameof(NotHttpUrls))]
    public void RejectsEverythingElse(string? value) => Assert.False(Validate.IsHttpUrl(value));

    [Fact]
    public void CheckingUrlsAllocatesNothing()
    {
        string?[] inputs = [.. Valid, .. Invalid];
        var accepted = 0;
        foreach (var input in inputs)
        {
            accepted += Validate.IsHttpUrl(input) ? 1 : 0; // warm up: JIT and static initialisation allocate
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            foreach (var input in inputs)
            {
                accepted += Validate.IsHttpUrl(input) ? 1 : 0;
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(1_001 * Valid.Length, accepted);
    }
}
