using System.Text;

namespace ContractFirst.Contract.Helpers;

/// <summary>Turns contract names (snake_case, model ids, enum strings) into C# identifiers.</summary>
internal static class Naming
{
    /// <summary>C#'s reserved keywords (contextual ones such as <c>value</c> or <c>record</c> are valid names).</summary>
    private static readonly HashSet<string> s_keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit",
        "extern", "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int",
        "interface", "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out",
        "override", "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed",
        "short", "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try",
        "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>
    /// The exception type of an error case's <paramref name="stem"/> (or of the failed task, stem <c>TaskFailed</c>):
    /// prefixed with the API's name, as the family's base <c>{Api}Exception</c> is, so that no case shadows a .NET
    /// exception of the same name (an <c>Authentication</c> case would otherwise hide
    /// System.Security.Authentication.AuthenticationException in every file that imports both namespaces).
    /// </summary>
    public static string ExceptionType(string apiName, string stem) => apiName + stem + "Exception";

    /// <summary>Whether <paramref name="name"/> is a reserved C# keyword.</summary>
    public static bool IsKeyword(string name) => s_keywords.Contains(name);

    /// <summary><c>image_to_video</c> → <c>ImageToVideo</c>; <c>happyhorse-1.1</c> → <c>Happyhorse1_1</c>.</summary>
    public static string ToPascalCase(string name)
    {
        var builder = new StringBuilder(name.Length);
        var upperNext = true;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
                upperNext = false;
            }
            else
            {
                // A dot between digits is a version number: keep it visible as '_'.
                if (c == '.' && i > 0 && i + 1 < name.Length && char.IsDigit(name[i - 1]) && char.IsDigit(name[i + 1]))
                {
                    builder.Append('_');
                }

                upperNext = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>A member name for a wire value: PascalCase, prefixed with <c>Value</c> when it would start with a digit.</summary>
    public static string ToMemberName(string value)
    {
        var name = ToPascalCase(value);
        return name.Length == 0 ? "Empty" : char.IsDigit(name[0]) ? "Value" + name : name;
    }

    public static string ToCamelCase(string pascalName) =>
        pascalName.Length == 0 ? pascalName : char.ToLowerInvariant(pascalName[0]) + pascalName.Substring(1);

    /// <summary>A parameter or local name, escaped with <c>@</c> when it is a C# keyword.</summary>
    public static string ToParameterName(string pascalName)
    {
        var name = ToCamelCase(pascalName);
        return s_keywords.Contains(name) ? "@" + name : name;
    }

    /// <summary>Whether <paramref name="name"/> is a PascalCase C# identifier (letters, digits, underscores).</summary>
    public static bool IsPascalIdentifier(string name) =>
        name.Length > 0 && char.IsUpper(name[0]) && name.All(c => c == '_' || (c < 128 && char.IsLetterOrDigit(c)));
}
