using System.Buffers;

namespace ContractFirst.Runtime;

/// <summary>
/// Building blocks for generated validators, shaped so that a valid request allocates nothing.
/// </summary>
public static class Validate
{

    /// <summary>Records an error, creating the list on the first one.</summary>
    /// <param name="errors">The list so far; <see langword="null"/> until the first error.</param>
    /// <param name="error">The error to record.</param>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is null.</exception>
    public static void Add(ref List<ValidationError>? errors, ValidationError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        (errors ??= []).Add(error);
    }

    /// <summary>
    /// Checks that a value is an absolute <c>http</c> or <c>https</c> URL with a host, without allocating.
    /// </summary>
    /// <remarks>
    /// The check is by hand rather than with <see cref="Uri"/> because a valid request must validate
    /// without allocating, and because <see cref="Uri"/> quietly accepts input a server will not
    /// (embedded whitespace, backslashes). It rejects whitespace, control characters and backslashes
    /// anywhere; requires an authority whose host is a name, an IPv4 address or a bracketed IPv6
    /// address; and accepts an optional user info (without '@') and a port from 0 to 65535.
    /// </remarks>
    /// <param name="value">The value to check.</param>
    /// <returns><see langword="true"/> when the value is such a URL.</returns>
    public static bool IsHttpUrl(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        var url = value.AsSpan();
        foreach (var c in url)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c == '\\')
            {
                return false;
            }
        }

        int schemeLength;
        if (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            schemeLength = "http://".Length;
        }
        else if (url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            schemeLength = "https://".Length;
        }
        else
        {
            return false;
        }

        var rest = url[schemeLength..];
        var authorityEnd = rest.IndexOfAny('/', '?', '#');
        var authority = authorityEnd < 0 ? rest : rest[..authorityEnd];

        // User info cannot contain '@' (RFC 3986), so a second one means the URL is malformed.
        var at = authority.LastIndexOf('@');
        return authority.IndexOf('@') == at && IsHostAndPort(authority[(at + 1)..]);
    }

    private static bool IsHostAndPort(ReadOnlySpan<char> hostAndPort)
    {
        if (hostAndPort is ['[', ..])
        {
            var close = hostAndPort.IndexOf(']');
            if (close < 0 || !IsIPv6(hostAndPort[1..close]))
            {
                return false;
            }

            var afterHost = hostAndPort[(close + 1)..];
            return afterHost.IsEmpty || (afterHost is [':', ..] && IsPort(afterHost[1..]));
        }

        var colon = hostAndPort.LastIndexOf(':');
        return colon < 0
            ? IsRegisteredName(hostAndPort)
            : IsRegisteredName(hostAndPort[..colon]) && IsPort(hostAndPort[(colon + 1)..]);
    }

    /// <summary>
    /// RFC 4291 text form: eight groups of 1–4 hex digits, or fewer with one <c>::</c> standing for
    /// the missing zero groups, optionally ending in a dotted IPv4 address that counts as two groups.
    /// </summary>
    private static bool IsIPv6(ReadOnlySpan<char> host)
    {
        var groups = 0;
        var compressed = false;
        var i = 0;
        if (host.StartsWith("::"))
        {
            compressed = true;
            i = 2;
        }
        else if (host is [':', ..])
        {
            return false;
        }

        while (i < host.Length)
        {
            var start = i;
            while (i < host.Length && char.IsAsciiHexDigit(host[i]))
            {
                i++;
            }

            if (i < host.Length && host[i] == '.')
            {
                // The embedded IPv4 address must be the last part.
                if (!IsIPv4(host[start..]))
                {
                    return false;
                }

                groups += 2;
                break;
            }

            if (i - start is 0 or > 4)
            {
                return false;
            }

            groups++;
            if (i == host.Length)
            {
                break;
            }

            if (host[i] != ':' || ++i == host.Length)
            {
                return false;
            }

            if (host[i] == ':')
            {
                if (compressed)
                {
                    return false;
                }

                compressed = true;
                i++;
            }
        }

        return compressed ? groups < 8 : groups == 8;
    }

    private static bool IsIPv4(ReadOnlySpan<char> address)
    {
        for (var part = 0; part < 4; part++)
        {
            var dot = address.IndexOf('.');
            var digits = part == 3 ? address : dot < 0 ? default : address[..dot];
            if (digits.IsEmpty || digits.Length > 3 || !AllDigits(digits) || Number(digits) > 255)
            {
                return false;
            }

            address = part == 3 ? default : address[(dot + 1)..];
        }

        return true;
    }

    // Names, IPv4 addresses and internationalised names; anything else cannot be a host. Percent-
    // encoding is legal in RFC 3986 host names but no real host uses it, and System.Uri rejects it.
    private static bool IsRegisteredName(ReadOnlySpan<char> host)
    {
        if (host.IsEmpty)
        {
            return false;
        }

        foreach (var c in host)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' || c > '\x7F'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPort(ReadOnlySpan<char> port) =>
        !port.IsEmpty && port.Length <= 5 && AllDigits(port) && Number(port) <= 65535;

    // A plain loop: the generic span helpers (ContainsAnyExceptInRange) allocate before tiering up.
    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    // int.Parse allocates on some paths; these are at most five ASCII digits, already checked.
    private static int Number(ReadOnlySpan<char> digits)
    {
        var number = 0;
        foreach (var c in digits)
        {
            number = (number * 10) + (c - '0');
        }

        return number;
    }
}
