using System.Buffers;
using System.Text.RegularExpressions;

namespace ContractFirst.Runtime;

/// <summary>
/// Building blocks for generated validators, shaped so that a valid request allocates nothing.
/// </summary>
public static class Validate
{
    // RFC 3986 character classes of the URL rule, searched vectorised for the first character outside them.
    private const string Unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
    private const string SubDelims = "!$&'()*+,;=";
    private static readonly AsciiSet UserInfoChars = new(Unreserved + SubDelims + ":");
    private static readonly AsciiSet PathChars = new(Unreserved + SubDelims + ":@/?");
    private static readonly CharRange Surrogates = new('\uD800', '\uDFFF');

    /// <summary>
    /// Gets how long one check of a value against a contract pattern may run (one second). A value that takes
    /// longer counts as not matching, so a hostile value cannot hang validation on a slow pattern.
    /// </summary>
    public static TimeSpan PatternTimeout { get; } = TimeSpan.FromSeconds(1);

    /// <summary>Records an error, creating the list on the first one.</summary>
    /// <param name="errors">The list so far; <see langword="null"/> until the first error.</param>
    /// <param name="error">The error to record.</param>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is null.</exception>
    public static void Add(ref List<ValidationError>? errors, ValidationError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        // Room for a typical invalid request's errors at once, so the list does not grow on the way.
        (errors ??= new List<ValidationError>(8)).Add(error);
    }

    /// <summary>
    /// Records the errors of a nested object under its place in the request, so each names its full
    /// path (<c>camera_control.config.zoom</c>, <c>image_list[2].image_url</c>). Only called when the
    /// nested object is invalid: a valid request builds no path.
    /// </summary>
    /// <param name="errors">The list so far; <see langword="null"/> until the first error.</param>
    /// <param name="path">Where the nested object is: its field name, or the array item (<c>image_list[2]</c>).</param>
    /// <param name="nested">The nested object's own result, its errors named relative to it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="nested"/> is null.</exception>
    public static void AddWithin(ref List<ValidationError>? errors, string path, ValidationResult nested)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(nested);
        foreach (var error in nested.Errors)
        {
            Add(ref errors, error.Within(path));
        }
    }

    /// <summary>
    /// Checks that a value is an absolute <c>http</c> or <c>https</c> URL by the contract's one URL rule
    /// (<see cref="UrlRule"/>), without allocating.
    /// </summary>
    /// <remarks>
    /// The check is by hand rather than with <see cref="Uri"/> or a <see cref="System.Text.RegularExpressions.Regex"/>
    /// because a valid request must validate without allocating, and because <see cref="Uri"/> quietly accepts
    /// input a server will not (embedded whitespace, backslashes). It accepts exactly what
    /// <see cref="UrlRule.Pattern"/> matches; tests hold the two to each other.
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
        var schemeLength = SchemeLength(url);
        if (schemeLength == 0)
        {
            return false;
        }

        var rest = url[schemeLength..];
        if (IsPlainUrlAfterScheme(rest))
        {
            return true;
        }

        // The authority runs to the first '/', '?' or '#'; user info to its first '@' and cannot contain another
        // (RFC 3986). One scalar pass finds both: an authority is a few dozen characters, shorter than a vectorised
        // search pays for.
        var authorityEnd = -1;
        var at = -1;
        for (var i = 0; i < rest.Length; i++)
        {
            var c = rest[i];
            if (c is '/' or '?' or '#')
            {
                authorityEnd = i;
                break;
            }

            if (c == '@' && at < 0)
            {
                at = i;
            }
        }

        var authority = authorityEnd < 0 ? rest : rest[..authorityEnd];
        var hostAndPort = authority;
        if (at >= 0)
        {
            if (!IsUserInfo(authority[..at]))
            {
                return false;
            }

            hostAndPort = authority[(at + 1)..];
        }

        return IsHostAndPort(hostAndPort) && (authorityEnd < 0 || IsPathQueryFragment(rest[authorityEnd..]));
    }

    /// <summary>
    /// The common URL in one pass, accept-only: a DNS host name, an optional port, and a path and query of plain RFC 3986
    /// characters (no <c>%</c>, no fragment). Anything else (user info, an IP address, escapes, a broken label) returns
    /// false and the full check decides, so this can only accept what the full check accepts.
    /// </summary>
    private static bool IsPlainUrlAfterScheme(ReadOnlySpan<char> rest)
    {
        var labelStart = 0;
        var allDigits = true;
        var i = 0;
        for (; i < rest.Length; i++)
        {
            var c = rest[i];
            if (c is '.' or ':' or '/' or '?')
            {
                // A label ends: 1-63 characters, no hyphen at either end.
                var length = i - labelStart;
                if (length is 0 or > 63 || rest[labelStart] == '-' || rest[i - 1] == '-')
                {
                    return false;
                }

                if (c != '.')
                {
                    break;
                }

                labelStart = i + 1;
                allDigits = true;
            }
            else if (char.IsAsciiDigit(c))
            {
                continue;
            }
            else if (char.IsAsciiLetter(c) || c == '-')
            {
                allDigits = false;
            }
            else
            {
                return false;
            }
        }

        // The last label, when the host ran to the end; the host a name (its last label not all digits: that would be an
        // IPv4 address) of at most 253 characters.
        var last = i - labelStart;
        if (last is 0 or > 63 || rest[labelStart] == '-' || rest[i - 1] == '-' || allDigits || i > 253)
        {
            return false;
        }

        if (i < rest.Length && rest[i] == ':')
        {
            var portStart = ++i;
            while (i < rest.Length && char.IsAsciiDigit(rest[i]))
            {
                i++;
            }

            if (!IsPort(rest[portStart..i]) || (i < rest.Length && rest[i] is not ('/' or '?')))
            {
                return false;
            }
        }

        return PathChars.IndexOfAnyExcept(rest[i..]) < 0;
    }

    /// <summary>The length of a leading <c>http://</c> or <c>https://</c>, in any case; 0 for any other start.</summary>
    private static int SchemeLength(ReadOnlySpan<char> url)
    {
        // Compared by hand: two case-insensitive StartsWith calls cost more than the whole host check.
        if (url.Length < 8 || (url[0] | 0x20) != 'h' || (url[1] | 0x20) != 't' || (url[2] | 0x20) != 't' || (url[3] | 0x20) != 'p')
        {
            return 0;
        }

        var colon = (url[4] | 0x20) == 's' ? 5 : 4;
        return url[colon] == ':' && url[colon + 1] == '/' && url[colon + 2] == '/' ? colon + 3 : 0;
    }

    /// <summary>
    /// Finds the first unpaired UTF-16 surrogate in a value, without allocating: a high surrogate not
    /// immediately followed by a low one, or a low surrogate not immediately after a high one.
    /// </summary>
    /// <param name="value">The value to check.</param>
    /// <returns>The index of the first unpaired surrogate, or -1 when the value is well-formed UTF-16 (or null).</returns>
    public static int IndexOfUnpairedSurrogate(string? value)
    {
        if (value is null)
        {
            return -1;
        }

        // Most text has no surrogate at all: a vectorised search finds the first one (or none), and only text
        // that has one is walked pair by pair.
        var text = value.AsSpan();
        var i = Surrogates.IndexOfAny(text);
        if (i < 0)
        {
            return -1;
        }

        while (i < text.Length)
        {
            var c = text[i];
            if (!char.IsSurrogate(c))
            {
                i++;
            }
            else if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return i;
                }

                i += 2;
            }
            else
            {
                // A low surrogate that does not follow a high one.
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Counts the characters of a value as JSON Schema's <c>minLength</c> and <c>maxLength</c> do: Unicode code
    /// points, so a surrogate pair (an emoji, say) is one character. An unpaired surrogate counts as one. Allocates nothing.
    /// </summary>
    /// <param name="value">The value to count.</param>
    /// <returns>The number of code points; 0 for null.</returns>
    public static int CodePointCount(string? value)
    {
        if (value is null)
        {
            return 0;
        }

        var count = value.Length;
        for (var i = 0; i < value.Length - 1; i++)
        {
            if (char.IsHighSurrogate(value[i]) && char.IsLowSurrogate(value[i + 1]))
            {
                count--;
                i++;
            }
        }

        return count;
    }

    /// <summary>
    /// Builds the regular expression a generated validator checks a contract pattern with: culture-invariant,
    /// searched (not anchored) as JSON Schema's <c>pattern</c> is, and limited to <see cref="PatternTimeout"/> per check.
    /// </summary>
    /// <remarks>
    /// Built at run time, on first use, rather than by the regex source generator (<c>[GeneratedRegex]</c>): a source
    /// generator never sees what another generator emits (dotnet/roslyn#75762), so a <c>[GeneratedRegex]</c> method in
    /// generated code would never be implemented. The interpreter needs no dynamic code, so it also runs under Native AOT.
    /// </remarks>
    /// <param name="pattern">The contract's pattern, which the contract parser has already compiled once.</param>
    /// <returns>The regular expression.</returns>
    /// <exception cref="ArgumentException"><paramref name="pattern"/> is not a valid regular expression.</exception>
    public static Regex Pattern(string pattern) => new(pattern, RegexOptions.CultureInvariant, PatternTimeout);

    /// <summary>
    /// Checks a value against a contract pattern built by <see cref="Pattern(string)"/>. A check that runs past the
    /// pattern's timeout counts as no match. Allocates nothing once the expression has run once.
    /// </summary>
    /// <param name="pattern">The pattern.</param>
    /// <param name="value">The value to check.</param>
    /// <returns><see langword="true"/> when the pattern matches somewhere in the value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pattern"/> or <paramref name="value"/> is null.</exception>
    public static bool IsMatch(Regex pattern, string value)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        try
        {
            return pattern.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>
    /// Checks that a value is well-formed UTF-16 (no unpaired surrogate), so that it has a UTF-8 form and
    /// is sent as it is; the same rule as <see cref="UrlRule.WellFormedUtf16Pattern"/>. Allocates nothing.
    /// </summary>
    /// <param name="value">The value to check.</param>
    /// <returns><see langword="true"/> when the value has no unpaired surrogate (null counts as well-formed).</returns>
    public static bool IsWellFormedUtf16(string? value) => IndexOfUnpairedSurrogate(value) < 0;

    // User info: unreserved, sub-delims, ':' and '%' with two hex digits.
    private static bool IsUserInfo(ReadOnlySpan<char> userInfo)
    {
        while (true)
        {
            var i = UserInfoChars.IndexOfAnyExcept(userInfo);
            if (i < 0)
            {
                return true;
            }

            if (userInfo[i] != '%' || !IsEncoded(userInfo, i))
            {
                return false;
            }

            userInfo = userInfo[(i + 3)..];
        }
    }

    // After the authority: '/' path, '?' query, '#' fragment; RFC 3986 characters, '%' with two hex digits,
    // and one '#' at most.
    private static bool IsPathQueryFragment(ReadOnlySpan<char> rest)
    {
        var fragment = false;
        while (true)
        {
            var i = PathChars.IndexOfAnyExcept(rest);
            if (i < 0)
            {
                return true;
            }

            if (rest[i] == '%')
            {
                if (!IsEncoded(rest, i))
                {
                    return false;
                }

                rest = rest[(i + 3)..];
            }
            else if (rest[i] == '#' && !fragment)
            {
                fragment = true;
                rest = rest[(i + 1)..];
            }
            else
            {
                return false;
            }
        }
    }

    private static bool IsEncoded(ReadOnlySpan<char> text, int percent) =>
        percent + 2 < text.Length && char.IsAsciiHexDigit(text[percent + 1]) && char.IsAsciiHexDigit(text[percent + 2]);

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

        // A host has no ':', so the first one starts the port (a scalar search: hosts are short). An IPv4 address ends
        // in a digit; a name mostly does not, and then one pass over it decides.
        var colon = 0;
        while (colon < hostAndPort.Length && hostAndPort[colon] != ':')
        {
            colon++;
        }

        var host = hostAndPort[..colon];
        var isHost = host is [.., >= '0' and <= '9'] ? IsIPv4(host) || IsDnsName(host) : IsDnsName(host);
        return isHost && (colon == hostAndPort.Length || IsPort(hostAndPort[(colon + 1)..]));
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

    // Four decimal numbers 0-255 without leading zeros (RFC 3986 dec-octet), separated by dots.
    private static bool IsIPv4(ReadOnlySpan<char> address)
    {
        for (var part = 0; part < 4; part++)
        {
            var dot = address.IndexOf('.');
            var digits = part == 3 ? address : dot < 0 ? default : address[..dot];
            if (digits.IsEmpty || digits.Length > 3 || !AllDigits(digits) || (digits.Length > 1 && digits[0] == '0') || Number(digits) > 255)
            {
                return false;
            }

            address = part == 3 ? default : address[(dot + 1)..];
        }

        return true;
    }

    // Labels of 1-63 letters, digits and hyphens, not starting or ending with a hyphen; 253 characters in
    // all; the last label not all digits (that would be an IPv4 address, or nothing). One pass: host names are short,
    // and a vectorised search per label cost more than the loop.
    private static bool IsDnsName(ReadOnlySpan<char> host)
    {
        if (host.IsEmpty || host.Length > 253)
        {
            return false;
        }

        var labelStart = 0;
        var allDigits = true;
        for (var i = 0; ; i++)
        {
            if (i == host.Length || host[i] == '.')
            {
                var length = i - labelStart;
                if (length is 0 or > 63 || host[labelStart] == '-' || host[i - 1] == '-')
                {
                    return false;
                }

                if (i == host.Length)
                {
                    return !allDigits;
                }

                labelStart = i + 1;
                allDigits = true;
            }
            else if (!char.IsAsciiDigit(host[i]))
            {
                allDigits = false;
                if (!char.IsAsciiLetter(host[i]) && host[i] != '-')
                {
                    return false;
                }
            }
        }
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
