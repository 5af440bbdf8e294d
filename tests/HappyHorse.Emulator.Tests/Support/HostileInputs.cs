using System.Globalization;
using System.Text;

namespace HappyHorse.Emulator.Tests.Support;

/// <summary>
/// A deterministic generator of hostile but plausible values for url and string fields: URLs built from
/// random parts (schemes, user info, hosts with odd characters and long or empty labels, IPv4 and IPv6
/// variants, ports, percent-encoding, whitespace, non-ASCII and lone surrogates), then mutated; and
/// free text with whitespace, control characters, emoji and unpaired surrogates.
/// </summary>
internal sealed class HostileInputs
{
    private static readonly string[] Schemes =
    [
        "http://", "https://", "http://", "https://", "HTTP://", "HtTpS://", "ftp://", "http:/", "https:", "",
        "https:///", "javascript:", " https://", "http:\\\\", "httpss://", "ws://", "file://",
    ];

    private static readonly string[] UserInfos =
    [
        "user", "user:pw", "u%40x", "a@b", "", "u ser", "ü", "!$&'()*+,;=", "%zz", "%4", "u:p:q", "[::1]", "u#x", "\uD800",
    ];

    private static readonly string[] SpecialHosts =
    [
        ".", "..", "-", "localhost", "a", "例え.jp", "xn--bcher-kva.example", "bücher.example", "ex~ample.com",
        "a_b.example", "exa%6dple.com", "a..b", ".example.com", "example.com.", "123", "1.2.3", "0x7f.0.0.1",
        "*.example.com", "exa mple.com", "example.com\u0000", "EXAMPLE.COM", "a-b--c.example", "-a.example",
        "a-.example", "x.y-", "[::1", "::1]", "", "example.123", "example.1a",
    ];

    private static readonly string[] Octets =
    [
        "0", "1", "9", "10", "99", "100", "199", "249", "250", "255", "256", "999", "01", "00", "", "1000", "-1", "0x1",
    ];

    private static readonly string[] Ports =
    [
        "", "0", "80", "443", "8080", "65535", "65536", "00080", "000080", "123456", "-1", "8o", "99999", "080", " 80", "+80",
    ];

    // Mostly what RFC 3986 allows in a path, query or fragment, with the characters it leaves out mixed in.
    private const string PathAlphabet =
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/abcxyz0123456789";

    private static readonly string[] PathOdd =
    [
        "%20", "%E7%94%BB", "%zz", "%4", "%", "%%", " ", "\t", "\n", "\r", "\\", "|", "^", "\"", "<", ">", "{", "}", "`", "[", "]",
        "#", "?", "画像", "é", "\u00A0", "\u0085", "\u007F", "\u0000", "\u2028", "\uFEFF", "\uD800", "\uDC00", "😀", "\uDBFF\uDFFF", "%00",
    ];

    private static readonly string[] TextParts =
    [
        "A white horse gallops along a beach", "", " ", "\t\n", "\u3000", "\u0085", "\uFEFF", "\u00A0", "马在雪中奔跑", "😀", "\uD800",
        "\uDC00", "\uDBFF\uDFFF", "\uDC00\uD800", "\uD83D", "\uDE00", "quote \" and backslash \\", "\u0000", "\u001F", "<tag>", "\r\n",
        "character1 meets character2", "task-1", "\u2028", "e\u0301", "\uFFFD", "\uFFFF",
    ];

    private readonly Random _random;

    public HostileInputs(int seed) => _random = new Random(seed);

    /// <summary>The next value: about two thirds URL-shaped, one third free text.</summary>
    public string Next() => _random.Next(3) == 0 ? NextText() : NextUrl();

    private string NextUrl()
    {
        var url = new StringBuilder();
        url.Append(Pick(Schemes));
        if (Chance(0.15))
        {
            url.Append(Chance(0.7) ? Pick(UserInfos) : RandomPath(_random.Next(0, 8))).Append('@');
        }

        url.Append(NextHost());
        if (Chance(0.25))
        {
            url.Append(':').Append(Chance(0.7) ? Pick(Ports) : _random.Next(0, 100_000).ToString(CultureInfo.InvariantCulture));
        }

        if (Chance(0.6))
        {
            url.Append('/').Append(RandomPath(_random.Next(0, 20)));
        }

        if (Chance(0.3))
        {
            url.Append('?').Append(RandomPath(_random.Next(0, 20)));
        }

        if (Chance(0.2))
        {
            url.Append('#').Append(RandomPath(_random.Next(0, 10)));
        }

        var text = url.ToString();
        if (Chance(0.1) && text.Length > 0)
        {
            // A last-minute accident: a hostile character somewhere, a stray line feed, a cut.
            var at = _random.Next(text.Length + 1);
            text = _random.Next(3) switch
            {
                0 => text.Insert(at, Pick(PathOdd)),
                1 => text + "\n",
                _ => text[..at],
            };
        }

        return text;
    }

    private string NextHost()
    {
        switch (_random.Next(10))
        {
            case 0:
                return Pick(SpecialHosts);
            case 1:
            case 2:
                var parts = _random.Next(10) switch { 0 => 3, 1 => 5, _ => 4 };
                return string.Join('.', Enumerable.Range(0, parts).Select(_ => Chance(0.8) ? Octets[_random.Next(10)] : Pick(Octets)));
            case 3:
                return NextIPv6();
            default:
                var labels = _random.Next(1, 5);
                return string.Join('.', Enumerable.Range(0, labels).Select(_ => NextLabel()));
        }
    }

    private string NextLabel()
    {
        var length = _random.Next(20) switch
        {
            0 => _random.Next(60, 66),
            1 => 0,
            2 => 300,
            3 => _random.Next(40, 64), // several of these come near the 253-character limit
            _ => _random.Next(1, 12),
        };
        var label = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            label.Append(_random.Next(25) switch
            {
                0 => '-',
                1 => Pick(["_", "~", "%41", "ü", "*", " ", "!", "'", "\uD800"]),
                2 or 3 => (char)('0' + _random.Next(10)),
                _ => (char)('a' + _random.Next(26)),
            });
        }

        return label.ToString();
    }

    private string NextIPv6()
    {
        var groups = Enumerable.Range(0, _random.Next(0, 10))
            .Select(_ => Chance(0.05) ? "g1" : string.Concat(Enumerable.Range(0, _random.Next(1, Chance(0.1) ? 6 : 5)).Select(_ => "0123456789abcdefABCDEF"[_random.Next(22)])))
            .ToList();
        if (Chance(0.6))
        {
            groups.Insert(_random.Next(groups.Count + 1), "");
            if (groups.Count == 1 || Chance(0.3))
            {
                groups.Insert(_random.Next(groups.Count + 1), "");
            }
        }

        var text = string.Join(':', groups);
        if (Chance(0.2))
        {
            text += (text.Length == 0 || text.EndsWith(':') ? "" : ":") + string.Join('.', Enumerable.Range(0, 4).Select(_ => Octets[_random.Next(12)]));
        }

        if (Chance(0.05))
        {
            text += "%25eth0";
        }

        return _random.Next(20) switch
        {
            0 => "[" + text,
            1 => text,
            2 => "[v1." + text + "]",
            _ => "[" + text + "]",
        };
    }

    private string RandomPath(int length)
    {
        var path = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            if (Chance(0.08))
            {
                path.Append(Pick(PathOdd));
            }
            else if (Chance(0.05))
            {
                path.Append('%').Append("0123456789ABCDEFabcdef"[_random.Next(22)]).Append("0123456789ABCDEFabcdef"[_random.Next(22)]);
            }
            else
            {
                path.Append(PathAlphabet[_random.Next(PathAlphabet.Length)]);
            }
        }

        return path.ToString();
    }

    private string NextText()
    {
        var text = new StringBuilder();
        var parts = _random.Next(0, 5);
        for (var i = 0; i < parts; i++)
        {
            text.Append(Pick(TextParts));
        }

        if (Chance(0.02))
        {
            text.Append('x', 5000).Append(Chance(0.5) ? "\uD800" : "end");
        }

        if (Chance(0.1))
        {
            text.Insert(0, "https://cdn.example.com/");
        }

        return text.ToString();
    }

    private bool Chance(double probability) => _random.NextDouble() < probability;

    private string Pick(string[] values) => values[_random.Next(values.Length)];
}
