using System.Text.RegularExpressions;

namespace ContractFirst.Runtime.Tests;

public sealed class UrlValidationTests
{
    private static readonly Regex s_pattern = new(UrlRule.Pattern, RegexOptions.CultureInvariant);
    private static readonly Regex s_utf16 = new(UrlRule.WellFormedUtf16Pattern, RegexOptions.CultureInvariant);

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
        "https://xn--bcher-kva.example/",
        "https://ab.example/%20x",
        "http://localhost",
        "http://a",
        "https://0.0.0.0/",
        "https://255.255.255.255:65535/",
        "https://1.2.3.4.example/",
        "https://123.example/",
        "https://example.123a/",
        "https://a-b--c.example/",
        "https://example.com:0",
        "https://example.com:00080/",
        "https://@example.com/",
        "https://u%40x:p%3A@example.com/",
        "https://!$&'()*+,;=:@example.com/",
        "https://example.com/a/b;c=d/e:f@g/~h_i.j-k!$&'()*+,=",
        "https://example.com/?a=b/c?d#e/f?g",
        "https://example.com/%E7%94%BB%E5%83%8F.png",
        "https://example.com#",
        "https://example.com?",
        "https://example.com/",
        "http://[::]:0/",
        "http://[1::]/",
        "http://[1:2:3:4:5:6:7::]/",
        "http://[::2:3:4:5:6:7:8]/",
        "http://[1:2:3:4:5:6:1.2.3.4]/",
        "http://[::1.2.3.4]/",
        "http://[ABCD:ef01::]/",
        "https://" + Label(63) + ".example/",
        "https://" + Label(63) + "." + Label(63) + "." + Label(63) + "." + Label(61) + "/", // 253 characters
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

        // The three that the SDK accepted while the JSON Schema and the emulator refused them.
        "http://./",
        "https://ex~ample.com/",
        "https://" + Label(300) + "/",

        // Hosts.
        "https://a..b/",
        "https://.example.com/",
        "https://example.com./",
        "https://-a.example/",
        "https://a-.example/",
        "https://a_b.example/",
        "https://bücher.example/",
        "https://例え.jp/",
        "https://exa%6dple.com/",
        "https://" + Label(64) + ".example/",
        "https://" + Label(63) + "." + Label(63) + "." + Label(63) + "." + Label(62) + "/", // 254 characters
        "https://1.2.3/",
        "https://1.2.3.4.5/",
        "https://256.1.1.1/",
        "https://01.2.3.4/",
        "https://1.2.3.04/",
        "https://999.999.999.999/",
        "https://1.2.3.4./",
        "https://123/",
        "http://[fe80::1%25eth0]/",
        "http://[v1.fe80::a]/",
        "http://[::01.2.3.4]/",
        "http://[1.2.3.4]/",
        "http://[1:2:3:4:5:6:7:8::]/",
        "http://[1:2:3:4:5:6:7:1.2.3.4]/",
        "http://[1:2:3:4:5:6:7:8]x/",
        "http://[::1]:/",

        // User info, port.
        "https://u ser@example.com/",
        "https://u\"@example.com/",
        "https://u%4@example.com/",
        "https://example.com:123456/",
        "https://example.com:-1/",
        "https://example.com:80:80/",

        // Path, query and fragment.
        "https://example.com/a%",
        "https://example.com/a%4",
        "https://example.com/%zz",
        "https://example.com/#a#b",
        "https://example.com/画像.png",
        "https://example.com/\u00E9",
        "https://example.com/a|b",
        "https://example.com/a^b",
        "https://example.com/{x}",
        "https://example.com/a`b",
        "https://example.com/\"x\"",
        "https://example.com/<x>",
        "https://example.com/[x]",
        "https://example.com/a\tb",
        "https://example.com/\uD800",
        "https://example.com/\uD83D\uDE00",
        "https://example.com/\u007F",
        "https://exam\uD800ple.com/",
    ];

    /// <summary>A DNS label of <paramref name="length"/> characters.</summary>
    private static string Label(int length) => string.Concat(Enumerable.Range(0, length).Select(i => (char)('a' + (i % 26))));

    public static TheoryData<string> HttpUrls => new(Valid);

    public static TheoryData<string?, int> Utf16Cases => new()
    {
        { null, -1 },
        { "", -1 },
        { "plain ascii", -1 },
        { "马在雪中奔跑 😀", -1 },
        { "\uD83D\uDE00\uD83D\uDE00", -1 },
        { "\uD800", 0 },
        { "\uDC00", 0 },
        { "ab\uD800", 2 },
        { "ab\uD800c", 2 },
        { "\uDC00\uD800", 0 },
        { "\uD800\uD800\uDC00", 0 },
        { "\uD83D\uDE00\uDE00", 2 },
        { "😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀\uD83D", 36 },
        { new string('x', 1000) + "\uDFFF", 1000 },
    };

    public static TheoryData<string?> NotHttpUrls => new(Invalid);

    [Theory]
    [MemberData(nameof(HttpUrls))]
    public void AcceptsAbsoluteHttpAndHttpsUrls(string url) => Assert.True(Validate.IsHttpUrl(url));

    [Theory]
    [MemberData(nameof(NotHttpUrls), DisableDiscoveryEnumeration = true)]
    public void RejectsEverythingElse(string? value) => Assert.False(Validate.IsHttpUrl(value));

    [Theory]
    [MemberData(nameof(HttpUrls))]
    public void ThePatternAcceptsTheSameUrls(string url) => Assert.Matches(s_pattern, url);

    [Theory]
    [MemberData(nameof(NotHttpUrls), DisableDiscoveryEnumeration = true)]
    public void ThePatternRefusesTheSameValues(string? value) => Assert.False(value is not null && s_pattern.IsMatch(value), value);

    [Fact]
    public void ThePatternIsPortableEcmaScript()
    {
        // What every JSON Schema validator can read: ASCII only, and none of the classes .NET and ECMA-262 read differently.
        Assert.All(UrlRule.Pattern, c => Assert.InRange(c, ' ', '~'));
        Assert.DoesNotContain(@"\d", UrlRule.Pattern, StringComparison.Ordinal);
        Assert.DoesNotContain(@"\w", UrlRule.Pattern, StringComparison.Ordinal);
        Assert.DoesNotContain(@"\s", UrlRule.Pattern, StringComparison.Ordinal);
        Assert.DoesNotContain(@"\b", UrlRule.Pattern, StringComparison.Ordinal);
        _ = new Regex(UrlRule.Pattern, RegexOptions.ECMAScript);
        _ = new Regex(UrlRule.WellFormedUtf16Pattern, RegexOptions.ECMAScript);
    }

    [Fact]
    public void TheRuleAndThePatternAgreeOnRandomInput()
    {
        // A quick in-process fuzz; the emulator tests run the full cross-check through the schemas and over HTTP.
        var random = new Random(6);
        const string alphabet = "hHtTpPsS:/.@[]%?#-_~0123456789abcdefABCDEFxyz:!$&'()*+,;= \\\t\u00E9\uD800\uDC00";
        string[] starts = ["http://", "https://", "HTTP://", "http:/", "ftp://", "", "https://[", "http://1.2.3.", "https://a."];
        for (var i = 0; i < 20_000; i++)
        {
            var chars = new char[random.Next(0, 30)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = alphabet[random.Next(alphabet.Length)];
            }

            var value = starts[random.Next(starts.Length)] + new string(chars);
            Assert.True(Validate.IsHttpUrl(value) == s_pattern.IsMatch(value), $"Validate.IsHttpUrl and UrlRule.Pattern disagree on \"{value}\"");
        }
    }

    [Theory]
    [MemberData(nameof(Utf16Cases), DisableDiscoveryEnumeration = true)] // xunit would turn lone surrogates into U+FFFD
    public void FindsTheFirstUnpairedSurrogate(string? value, int index)
    {
        Assert.Equal(index, Validate.IndexOfUnpairedSurrogate(value));
        Assert.Equal(index < 0, Validate.IsWellFormedUtf16(value));
        Assert.Equal(index < 0, value is null || s_utf16.IsMatch(value));
    }

    [Fact]
    public void CheckingStringsAllocatesNothing()
    {
        string[] inputs = ["plain", "马在雪中奔跑 😀", new string('x', 300), "bad \uD800 here"];
        var wellFormed = 0;
        foreach (var input in inputs)
        {
            wellFormed += Validate.IsWellFormedUtf16(input) ? 1 : 0; // warm up
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            foreach (var input in inputs)
            {
                wellFormed += Validate.IsWellFormedUtf16(input) ? 1 : 0;
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(1_001 * 3, wellFormed);
    }

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
