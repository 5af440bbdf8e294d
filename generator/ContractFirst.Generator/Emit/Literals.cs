using System.Globalization;
using System.Text;

namespace ContractFirst.Generator.Emit;

/// <summary>
/// Contract text made safe for C#: line terminators (\r \n U+0085 U+2028 U+2029) would end a
/// <c>///</c> comment or a string literal, control characters and U+FFFE/U+FFFF are not XML, and an
/// unpaired surrogate is neither valid XML nor encodable as UTF-8.
/// </summary>
internal static class Literals
{
    /// <summary>A regular C# string literal of <paramref name="value"/>.</summary>
    public static string String(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\': builder.Append("\\\\"); break;
                case '"': builder.Append("\\\""); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (NeedsEscape(value, i))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>Whether the character at <paramref name="index"/> must not appear as is in generated source.</summary>
    public static bool NeedsEscape(string text, int index)
    {
        var c = text[index];
        if (char.IsHighSurrogate(c))
        {
            return index + 1 >= text.Length || !char.IsLowSurrogate(text[index + 1]);
        }

        if (char.IsLowSurrogate(c))
        {
            return index == 0 || !char.IsHighSurrogate(text[index - 1]);
        }

        return c < ' ' || c is >= '\u007F' and <= '\u009F' or '\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF';
    }

    /// <summary>Appends one character of XML documentation text: line breaks and control characters become a space.</summary>
    public static void AppendDocChar(StringBuilder builder, char c)
    {
        if (c == '\t' || char.IsSurrogate(c))
        {
            // Surrogates are checked as pairs once the text is built (FixSurrogates).
            builder.Append(c);
        }
        else if (c < ' ' || c is >= '\u007F' and <= '\u009F' or '\u2028' or '\u2029')
        {
            builder.Append(' ');
        }
        else if (c is '\uFEFF' or '\uFFFE' or '\uFFFF')
        {
            builder.Append('\uFFFD');
        }
        else
        {
            builder.Append(c);
        }
    }

    /// <summary>The built text with every unpaired surrogate replaced by U+FFFD.</summary>
    public static string FixSurrogates(StringBuilder builder)
    {
        var text = builder.ToString();
        StringBuilder? fixedText = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsSurrogate(text[i]) && NeedsEscape(text, i))
            {
                fixedText ??= new StringBuilder(text);
                fixedText[i] = '\uFFFD';
            }
        }

        return fixedText?.ToString() ?? text;
    }
}
