namespace ContractFirst.Runtime;

/// <summary>
/// The one definition of an acceptable <c>url</c> field value and of a well-formed string. The
/// generated validators (<see cref="Validate.IsHttpUrl"/>, <see cref="Validate.IndexOfUnpairedSurrogate"/>),
/// the exported JSON Schemas (<see cref="Pattern"/>, <see cref="WellFormedUtf16Pattern"/>) and
/// everything that validates with those schemas apply exactly this rule.
/// </summary>
/// <remarks>
/// <para>A <c>url</c> value is an absolute <c>http</c> or <c>https</c> URL in the syntax of RFC 3986,
/// restricted to what a web service can fetch:</para>
/// <list type="bullet">
/// <item><description><b>Scheme</b>: <c>http</c> or <c>https</c> in any letter case, then <c>://</c>.</description></item>
/// <item><description><b>User info</b> (optional): RFC 3986 user info followed by <c>@</c>: letters, digits,
/// <c>-._~!$&amp;'()*+,;=:</c> and percent-encoded octets (<c>%</c> and two hex digits); never a second <c>@</c>.</description></item>
/// <item><description><b>Host</b>, one of:
/// a DNS name of dot-separated labels, each 1–63 ASCII letters, digits or hyphens that neither starts nor
/// ends with a hyphen, 253 characters at most in all, no empty label and no trailing dot, and whose last
/// label is not all digits (such a host is an IPv4 address or nothing);
/// an IPv4 address as a dotted quad of decimal numbers 0–255 without leading zeros;
/// or an IPv6 address in brackets, in the RFC 4291 text forms (eight groups of 1–4 hex digits, or fewer
/// with one <c>::</c>, optionally ending in a dotted IPv4 address), without a zone id.
/// Internationalised names must be given in their ASCII (punycode, <c>xn--</c>) form.</description></item>
/// <item><description><b>Port</b> (optional): <c>:</c> and 1–5 digits with a value from 0 to 65535.</description></item>
/// <item><description><b>Path, query and fragment</b> (optional, starting with <c>/</c>, <c>?</c> or <c>#</c>):
/// letters, digits, <c>-._~!$&amp;'()*+,;=:@/?</c> and percent-encoded octets, with at most one <c>#</c>
/// (which starts the fragment).</description></item>
/// </list>
/// <para>Everything else is refused, in particular whitespace, control characters, backslashes, a <c>%</c>
/// not followed by two hex digits, characters RFC 3986 leaves out (<c>"&lt;&gt;[]{}|^`</c> outside an IPv6 host)
/// and any non-ASCII character: percent-encode it (UTF-8) instead, as browsers do before they send a URL.</para>
/// </remarks>
public static class UrlRule
{
    private const string Octet = "(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])";
    private const string IPv4 = "(?:" + Octet + @"\.){3}" + Octet;
    private const string H16 = "[0-9A-Fa-f]{1,4}";
    private const string Ls32 = "(?:" + H16 + ":" + H16 + "|" + IPv4 + ")";
    private const string IPv6 =
        "(?:(?:" + H16 + ":){6}" + Ls32
        + "|::(?:" + H16 + ":){5}" + Ls32
        + "|(?:" + H16 + ")?::(?:" + H16 + ":){4}" + Ls32
        + "|(?:(?:" + H16 + ":){0,1}" + H16 + ")?::(?:" + H16 + ":){3}" + Ls32
        + "|(?:(?:" + H16 + ":){0,2}" + H16 + ")?::(?:" + H16 + ":){2}" + Ls32
        + "|(?:(?:" + H16 + ":){0,3}" + H16 + ")?::" + H16 + ":" + Ls32
        + "|(?:(?:" + H16 + ":){0,4}" + H16 + ")?::" + Ls32
        + "|(?:(?:" + H16 + ":){0,5}" + H16 + ")?::" + H16
        + "|(?:(?:" + H16 + ":){0,6}" + H16 + ")?::)";

    private const string Label = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private const string HostEnd = "(?:[:/?#]|$)";

    // The lookaheads bound the whole name to 253 characters and keep an all-digit last label out.
    private const string DnsName = "(?=[A-Za-z0-9.-]{1,253}" + HostEnd + ")(?:" + Label + @"\.)*(?![0-9]+" + HostEnd + ")" + Label;
    private const string Port = "(?:[0-9]{1,4}|[0-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])";
    private const string Encoded = "%[0-9A-Fa-f]{2}";
    private const string UserInfo = "(?:[A-Za-z0-9._~!$&'()*+,;=:-]|" + Encoded + ")*@";
    private const string PathChar = "(?:[A-Za-z0-9._~!$&'()*+,;=:@/-]|" + Encoded + ")";
    private const string QueryChar = "(?:[A-Za-z0-9._~!$&'()*+,;=:@/?-]|" + Encoded + ")";

    /// <summary>
    /// The rule for <c>url</c> values as a regular expression (see the remarks on <see cref="UrlRule"/>), written
    /// so that ECMA-262 (without flags) and .NET read it the same way: ASCII classes only, no <c>\d</c>,
    /// <c>\w</c> or <c>\s</c>, and <c>$(?!\n)</c> because .NET's <c>$</c> also matches before a final line feed.
    /// The exported JSON Schemas use it as the <c>pattern</c> of every <c>url</c> field.
    /// </summary>
    public const string Pattern =
        "^[Hh][Tt][Tt][Pp][Ss]?://(?:" + UserInfo + ")?"
        + "(?:" + DnsName + "|" + IPv4 + @"|\[" + IPv6 + @"\])"
        + "(?::" + Port + ")?"
        + "(?:/" + PathChar + "*)?"
        + @"(?:\?" + QueryChar + "*)?"
        + "(?:#" + QueryChar + @"*)?$(?!\n)";

    /// <summary>
    /// Well-formed UTF-16 as a regular expression: every high surrogate (U+D800–U+DBFF) is immediately
    /// followed by a low one (U+DC00–U+DFFF) and every low surrogate immediately follows a high one. A string
    /// with an unpaired surrogate has no UTF-8 form, so it cannot be sent as it is: JSON writers replace
    /// the surrogate with U+FFFD or fail. ECMA-262 (without the <c>u</c> flag) and .NET read it the same way.
    /// </summary>
    public const string WellFormedUtf16Pattern = @"^(?:[^\uD800-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF])*$";

    /// <summary>
    /// Checks a value against the rule, without allocating; the same as <see cref="Validate.IsHttpUrl"/>.
    /// </summary>
    /// <param name="value">The value to check.</param>
    /// <returns><see langword="true"/> when the value matches <see cref="Pattern"/>.</returns>
    public static bool IsMatch(string? value) => Validate.IsHttpUrl(value);
}
