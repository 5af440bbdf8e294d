using System.Text;

namespace ContractFirst.Generator.Emit;

/// <summary>Contract text turned into XML documentation.</summary>
internal static class Docs
{
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '\r': break;
                case '\n': builder.Append(' '); break;
                default: Literals.AppendDocChar(builder, c); break;
            }
        }

        return Literals.FixSurrogates(builder).Trim();
    }

    /// <summary>A description as a sentence, or <paramref name="fallback"/> when the contract has none.</summary>
    public static string Sentence(string? description, string fallback)
    {
        var text = string.IsNullOrWhiteSpace(description) ? fallback : description!.Trim();
        return text.EndsWith(".", StringComparison.Ordinal) || text.EndsWith("?", StringComparison.Ordinal) ? text : text + ".";
    }

    /// <summary>Wraps escaped text in <c>&lt;c&gt;</c>.</summary>
    public static string Code(string text) => "<c>" + Escape(text) + "</c>";
}
