namespace ContractFirst.Contract.Diagnostics;

/// <summary>A range of characters in a contract's text: a 0-based start index and a length.</summary>
/// <param name="Start">The 0-based index of the first character.</param>
/// <param name="Length">The number of characters.</param>
public readonly record struct TextSpan(int Start, int Length)
{
    /// <summary>Gets the index just after the last character.</summary>
    public int End => Start + Length;

    /// <summary>Creates a span from its start and end indexes.</summary>
    /// <param name="start">The 0-based start.</param>
    /// <param name="end">The end, not included; at least <paramref name="start"/>.</param>
    /// <returns>The span.</returns>
    public static TextSpan FromBounds(int start, int end) => new(start, end - start);
}

/// <summary>A position in a contract's text as a 0-based line and a 0-based character on that line.</summary>
/// <param name="Line">The 0-based line.</param>
/// <param name="Character">The 0-based character on the line.</param>
public readonly record struct LinePosition(int Line, int Character) : IComparable<LinePosition>
{
    /// <inheritdoc/>
    public int CompareTo(LinePosition other) => Line != other.Line ? Line.CompareTo(other.Line) : Character.CompareTo(other.Character);

    /// <summary>Compares two positions.</summary>
    /// <param name="left">The first position.</param>
    /// <param name="right">The second position.</param>
    /// <returns>Whether <paramref name="left"/> comes before <paramref name="right"/>.</returns>
    public static bool operator <(LinePosition left, LinePosition right) => left.CompareTo(right) < 0;

    /// <summary>Compares two positions.</summary>
    /// <param name="left">The first position.</param>
    /// <param name="right">The second position.</param>
    /// <returns>Whether <paramref name="left"/> comes after <paramref name="right"/>.</returns>
    public static bool operator >(LinePosition left, LinePosition right) => left.CompareTo(right) > 0;

    /// <summary>Compares two positions.</summary>
    /// <param name="left">The first position.</param>
    /// <param name="right">The second position.</param>
    /// <returns>Whether <paramref name="left"/> is not after <paramref name="right"/>.</returns>
    public static bool operator <=(LinePosition left, LinePosition right) => left.CompareTo(right) <= 0;

    /// <summary>Compares two positions.</summary>
    /// <param name="left">The first position.</param>
    /// <param name="right">The second position.</param>
    /// <returns>Whether <paramref name="left"/> is not before <paramref name="right"/>.</returns>
    public static bool operator >=(LinePosition left, LinePosition right) => left.CompareTo(right) >= 0;

    /// <summary>Finds the line and character of <paramref name="index"/> in <paramref name="text"/>, breaking lines as Roslyn does
    /// (<c>\r\n</c>, <c>\r</c>, <c>\n</c>, U+0085, U+2028, U+2029).</summary>
    /// <param name="text">The whole text.</param>
    /// <param name="index">A 0-based index, at most the text's length.</param>
    /// <returns>The position.</returns>
    internal static LinePosition Of(string text, int index)
    {
        var line = 0;
        var lineStart = 0;
        for (var i = 0; i < index && i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                if (i + 1 >= index)
                {
                    break;
                }

                i++;
            }
            else if (c is not ('\r' or '\n' or '\u0085' or '\u2028' or '\u2029'))
            {
                continue;
            }

            line++;
            lineStart = i + 1;
        }

        return new(line, index - lineStart);
    }
}

/// <summary>A range in a contract's text as line positions.</summary>
/// <param name="Start">The first position.</param>
/// <param name="End">The position just after the range.</param>
public readonly record struct LinePositionSpan(LinePosition Start, LinePosition End)
{
    /// <summary>Finds the line positions of <paramref name="span"/> in <paramref name="text"/>.</summary>
    /// <param name="text">The whole text.</param>
    /// <param name="span">A span inside it.</param>
    /// <returns>The line span.</returns>
    internal static LinePositionSpan Of(string text, TextSpan span) => new(LinePosition.Of(text, span.Start), LinePosition.Of(text, span.End));
}
