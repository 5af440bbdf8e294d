using System.Buffers;

namespace ContractFirst.Runtime;

/// <summary>
/// Building blocks for generated validators, shaped so that a valid request allocates nothing.
/// </summary>
public static class Validate
{
    private static readonly SearchValues<char> IPv6Characters = SearchValues.Create("0123456789abcdefABCDEF:.");

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

    private static bool IsIPv6(ReadOnlySpan<char> host) =>
        host.Contains(':') && !host.ContainsAnyExcept(IPv6Characters);

    // Names, IPv4 addresses, percent-encoding and internationalised names; anything else cannot be a host.
    private static bool IsRegisteredName(ReadOnlySpan<char> host)
    {
        if (host.IsEmpty)
        {
            return false;
        }

        foreach (var c in host)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or '%' || c > '\x7F'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPort(ReadOnlySpan<char> port)
    {
        if (port.IsEmpty || port.Length > 5)
        {
            return false;
        }

        var number = 0;
        foreach (var c in port)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            number = (number * 10) + (c - '0');
        }

        return number <= 65535;
    }
}
