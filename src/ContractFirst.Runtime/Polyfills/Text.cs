using System.Text;

namespace ContractFirst.Runtime;

/// <summary>The span and <see cref="StringComparison"/> overloads of string and encoding members that .NET Core added.</summary>
internal static class Text
{
    extension(Encoding encoding)
    {
        public unsafe string GetString(ReadOnlySpan<byte> bytes)
        {
            if (bytes.IsEmpty)
            {
                return string.Empty;
            }

            fixed (byte* first = bytes)
            {
                return encoding.GetString(first, bytes.Length);
            }
        }
    }

    extension(string text)
    {
        public bool StartsWith(char value) => text.Length > 0 && text[0] == value;

        public bool Contains(string value, StringComparison comparison) => text.IndexOf(value, comparison) >= 0;

        public string Replace(string oldValue, string? newValue, StringComparison comparison)
        {
            var builder = new StringBuilder(text.Length);
            var start = 0;
            int found;
            while ((found = text.IndexOf(oldValue, start, comparison)) >= 0)
            {
                builder.Append(text, start, found - start).Append(newValue);
                start = found + oldValue.Length;
            }

            return start == 0 ? text : builder.Append(text, start, text.Length - start).ToString();
        }
    }

    extension(Span<char> span)
    {
        public Span<char> TrimEnd(char trimChar)
        {
            var end = span.Length;
            while (end > 0 && span[end - 1] == trimChar)
            {
                end--;
            }

            return span.Slice(0, end);
        }
    }

    extension(string)
    {
        public static string Create(IFormatProvider? provider, FormattableString text) => text.ToString(provider);

        public static string Concat(ReadOnlySpan<char> first, ReadOnlySpan<char> second) => first.ToString() + second.ToString();
    }
}
