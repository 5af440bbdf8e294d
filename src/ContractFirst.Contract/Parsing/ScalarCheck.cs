using System.Globalization;
using ContractFirst.Contract.Diagnostics;

namespace ContractFirst.Contract.Parsing;

/// <summary>
/// Text no contract value may hold: an unpaired surrogate (from a <c>"\uD800"</c> escape or a
/// damaged file) is not a Unicode character, can't be written as UTF-8 and would break the
/// generated code's JSON names and XML docs.
/// </summary>
internal static class ScalarCheck
{
    public static void Report(YamlNode scalar, string path, List<Func<DiagnosticInfo>> found)
    {
        var text = scalar.Value ?? string.Empty;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var unpaired = char.IsHighSurrogate(c)
                ? i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])
                : char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(text[i - 1]));
            if (unpaired)
            {
                var codePoint = ((int)c).ToString("X4", CultureInfo.InvariantCulture);
                found.Add(() => DiagnosticInfo.Create(
                    DiagnosticDescriptors.UnpairedSurrogate, YamlTreeReader.Location(path, scalar), scalar.Path, Printable(text), codePoint));
                return;
            }
        }
    }

    /// <summary>The scalar for a message: at most 80 characters, surrogates and control characters shown as code points.</summary>
    public static string Printable(string text)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var c in text.Length > 80 ? text.Substring(0, 80) : text)
        {
            if (char.IsSurrogate(c) || char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return text.Length > 80 ? builder.Append('…').ToString() : builder.ToString();
    }
}
