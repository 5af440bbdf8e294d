using System.Text.RegularExpressions;

namespace ContractFirst.Contract.Parsing;

/// <summary>
/// What a field's <c>pattern</c> must be: a regular expression .NET compiles (the generated validators and the
/// emulator run it there) written without .NET-only syntax (the exported JSON Schemas state it, and JSON Schema
/// patterns are ECMAScript).
/// </summary>
internal static class PatternRule
{
    /// <summary>How long checking a default against its pattern may take while parsing.</summary>
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(1);

    /// <summary>Compiles <paramref name="pattern"/> as the generated validators do; null and .NET's reason when it does not compile.</summary>
    public static Regex? Compile(string pattern, out string? error)
    {
        try
        {
            error = null;
            return new Regex(pattern, RegexOptions.CultureInvariant, s_timeout);
        }
        catch (ArgumentException ex)
        {
            error = ex.Message.TrimEnd('.');
            return null;
        }
    }

    /// <summary>Whether <paramref name="text"/> matches; a check that runs past the timeout counts as no match, as in the validators.</summary>
    public static bool Matches(Regex regex, string text)
    {
        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>
    /// Finds the first construct of <paramref name="pattern"/> (already compiled by .NET) that ECMAScript rejects or
    /// reads differently: inline options <c>(?i)</c>, atomic groups <c>(?&gt;</c>, comments <c>(?#</c>, conditionals
    /// <c>(?(</c>, quoted or balancing group names, the anchors <c>\A \Z \z \G</c>, the escapes <c>\a \e</c>,
    /// <c>\p{…}</c> (ECMAScript reads it only with the <c>u</c> flag, which JSON Schema does not promise), class
    /// subtraction <c>[a-z-[aeiou]]</c> and <c>[]…]</c> (.NET: a class holding ']'; ECMAScript: a class matching nothing).
    /// </summary>
    /// <returns>The construct as written, or null when the pattern is portable.</returns>
    public static string? FindNonPortable(string pattern)
    {
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            var next = i + 1 < pattern.Length ? pattern[i + 1] : '\0';
            if (c == '\\')
            {
                if (next is 'A' or 'Z' or 'z' or 'G' or 'a' or 'e' or 'p' or 'P' || (next == 'k' && At(pattern, i + 2) == '\''))
                {
                    return pattern.Substring(i, next == 'k' ? 3 : 2);
                }

                i++;
            }
            else if (inClass)
            {
                if (c == ']')
                {
                    inClass = false;
                }
                else if (c == '-' && next == '[')
                {
                    return "-[";
                }
            }
            else if (c == '[')
            {
                inClass = true;
                var first = next == '^' ? i + 2 : i + 1;
                if (At(pattern, first) == ']')
                {
                    return pattern.Substring(i, first - i + 1);
                }

                // The first ']' of a class closes it in ECMAScript; .NET would read it as a member.
                i = first - 1;
            }
            else if (c == '(' && next == '?' && GroupPrefix(pattern, i + 2) is { } prefix)
            {
                return prefix;
            }
        }

        return null;
    }

    /// <summary>The opening of a <c>(?…</c> group that ECMAScript lacks, or null for <c>(?: (?= (?! (?&lt;= (?&lt;! (?&lt;name&gt;</c>.</summary>
    private static string? GroupPrefix(string pattern, int start)
    {
        var c = At(pattern, start);
        if (c is ':' or '=' or '!')
        {
            return null;
        }

        if (c == '<')
        {
            var after = At(pattern, start + 1);
            if (after is '=' or '!')
            {
                return null;
            }

            // (?<name>: ECMAScript 2018 named groups; names are identifiers, so (?<a-b> and (?<-b> (balancing) are .NET's.
            var end = start + 1;
            while (end < pattern.Length && (char.IsLetterOrDigit(pattern[end]) || pattern[end] is '_' or '$'))
            {
                end++;
            }

            if (end > start + 1 && !char.IsDigit(pattern[start + 1]) && At(pattern, end) == '>')
            {
                return null;
            }

            return pattern.Substring(start - 2, Math.Min(end + 1, pattern.Length) - (start - 2));
        }

        return "(?" + (c == '\0' ? "" : c.ToString());
    }

    private static char At(string text, int index) => index < text.Length ? text[index] : '\0';
}
