using System.Text;

namespace ContractFirst.Generator.Emit;

/// <summary>A <see cref="StringBuilder"/> that tracks indentation and always writes <c>\n</c> line endings.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;
    private bool _gapPending;
    private bool _atBlockStart = true;

    /// <summary>Gets how many characters are written so far: a caller compares it to see whether a step wrote anything.</summary>
    public int Length => _builder.Length;

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0 && _gapPending && !_atBlockStart)
        {
            _builder.Append('\n');
        }

        _gapPending = false;
        _atBlockStart = text.Length == 0 || text.EndsWith("{", StringComparison.Ordinal);
        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * 4);
            _builder.Append(text);
        }

        _builder.Append('\n');
        return this;
    }

    /// <summary>
    /// Asks for one blank line before the next line, unless that line opens the file or follows a
    /// brace or another blank line; lets emitters separate optional blocks without doubling gaps.
    /// </summary>
    public SourceWriter Gap()
    {
        _gapPending = true;
        return this;
    }

    /// <summary>
    /// Writes each line of a multi-line block at the current indentation, each as <see cref="Line"/>
    /// would (so gaps behave the same). Braces inside the block do not change the indentation: a
    /// block whose body code emits line by line is opened with <see cref="Open"/>.
    /// </summary>
    public SourceWriter Lines(string block)
    {
        foreach (var line in block.Replace("\r\n", "\n").Split('\n'))
        {
            Line(line);
        }

        return this;
    }

    public SourceWriter Open(string header)
    {
        Line(header);
        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        // A gap asked for at the end of a block is dropped: no blank line before a closing brace.
        _gapPending = false;
        _indent--;
        Line("}" + suffix);
        return this;
    }

    /// <summary>A <c>summary</c> doc comment, with optional <c>remarks</c>; text is XML-escaped.</summary>
    public SourceWriter Summary(string summary, string? remarks = null)
    {
        Line("/// <summary>" + Docs.Escape(summary) + "</summary>");
        if (!string.IsNullOrWhiteSpace(remarks))
        {
            Line("/// <remarks>" + Docs.Escape(remarks!) + "</remarks>");
        }

        return this;
    }

    /// <summary>A raw doc line whose XML the caller already built.</summary>
    public SourceWriter Doc(string xml) => Line("/// " + xml);

    public override string ToString() => _builder.ToString();
}
