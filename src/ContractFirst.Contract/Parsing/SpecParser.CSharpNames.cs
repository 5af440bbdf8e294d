using ContractFirst.Contract.Helpers;
using ContractFirst.Contract.Diagnostics;
using System.Globalization;

namespace ContractFirst.Contract.Parsing;

// Every C# name the contract produces is checked where the contract produces it: that it is an
// identifier at all (not empty, not starting with a digit, not a keyword), and that it does not
// collide with a member the generator itself emits in the same type. The compiler would otherwise
// report the problem against generated code the maintainer never wrote, or not at all.
internal sealed partial class SpecParser
{
    /// <summary>Members every class and struct has from <see cref="object"/>; declaring one again clashes or hides it.</summary>
    private static readonly string[] s_objectMembers =
        ["Equals", "GetHashCode", "ToString", "GetType", "ReferenceEquals", "MemberwiseClone", "Finalize"];

    /// <summary>Members the generator declares on every string enum struct besides its values.</summary>
    private static readonly HashSet<string> s_enumMembers = new(
        ["Value", "IsKnown", "KnownValues", "AllowedValues", "Read", "WriteJson", "JsonText", .. s_objectMembers], StringComparer.Ordinal);

    /// <summary>Members of an action's model enum: the enum members plus the default model.</summary>
    private static readonly HashSet<string> s_actionModelMembers = new([.. s_enumMembers, "Default"], StringComparer.Ordinal);

    private readonly Dictionary<string, string> _typeNamesIgnoringCase = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every type claimed, in claim order, for the check across contracts.</summary>
    private readonly List<GeneratedType> _generatedTypes = [];

    /// <summary>
    /// Whether <paramref name="name"/>, the C# name derived from <paramref name="source"/>, is an
    /// identifier; reports CFG014 at <paramref name="node"/> when it is not.
    /// </summary>
    private bool CheckCSharpName(string name, YamlNode node, string source, string? what = null)
    {
        string? problem = null;
        if (name.Length == 0)
        {
            problem = "is empty: the name has no letters or digits";
        }
        else if (!IsIdentifier(name))
        {
            problem = char.IsDigit(name[0]) || char.IsNumber(name[0])
                ? "starts with a digit; a C# name starts with a letter or '_'"
                : "is not a C# identifier";
        }
        else if (Naming.IsKeyword(name))
        {
            problem = "is a C# keyword";
        }
        else if (name.StartsWith("__", StringComparison.Ordinal))
        {
            problem = "starts with '__', which C# reserves";
        }

        if (problem is null)
        {
            return true;
        }

        _context.Report(DiagnosticDescriptors.InvalidCSharpName, node, what ?? node.Path, ScalarCheck.Printable(source), ScalarCheck.Printable(name), problem);
        return false;
    }

    /// <summary>
    /// Generated files are named after their types, and the compiler compares file names ignoring
    /// case: two types differing only in case would make it drop every file of the contract.
    /// </summary>
    private bool ClaimTypeNameIgnoringCase(string typeName, YamlNode node)
    {
        if (_typeNamesIgnoringCase.TryGetValue(typeName, out var first) && first != typeName)
        {
            _context.Report(DiagnosticDescriptors.TypeNamesDifferInCase, node, node.Path, typeName, _typeNames[first], first);
            return false;
        }

        _typeNamesIgnoringCase[typeName] = typeName;
        return true;
    }

    /// <summary>Checks a type name against the members the generator declares in that type (CS0542).</summary>
    private bool CheckTypeAgainstMembers(string typeName, YamlNode node, IEnumerable<string> members)
    {
        if (!members.Contains(typeName, StringComparer.Ordinal))
        {
            return true;
        }

        _context.Report(DiagnosticDescriptors.MemberNamedLikeType, node, node.Path, node.Value ?? typeName, typeName);
        return false;
    }

    /// <summary>Checks an enum member (or an action's model member) against the enum's generated members and its type.</summary>
    private bool CheckEnumMember(string memberName, YamlNode item, string value, string typeName, bool isActionModels)
    {
        // At the 'name' the contract gave, else at the value the name was derived from.
        var node = item.Kind == YamlNodeKind.Mapping ? item.Pairs.FirstOrDefault(p => p.Key.Value == "name").Value ?? item : item;
        if (!CheckCSharpName(memberName, node, value))
        {
            return false;
        }

        if ((isActionModels ? s_actionModelMembers : s_enumMembers).Contains(memberName))
        {
            _context.Report(DiagnosticDescriptors.NameTakenByGenerator, node, node.Path, node.Value ?? value, memberName, typeName);
            return false;
        }

        if (memberName == typeName)
        {
            _context.Report(DiagnosticDescriptors.MemberNamedLikeType, node, node.Path, node.Value ?? value, memberName);
            return false;
        }

        return true;
    }

    /// <summary>The property an endpoint's model_field becomes: an identifier, and none of a request's own members.</summary>
    private bool CheckModelFieldName(string modelField, YamlNode node)
    {
        var propertyName = Helpers.Naming.ToPascalCase(modelField);
        if (!CheckCSharpName(propertyName, node, modelField))
        {
            return false;
        }

        if (!s_requestMembers.Contains(propertyName) && !s_requestOnlyMembers.Contains(propertyName))
        {
            return true;
        }

        _context.Report(DiagnosticDescriptors.NameTakenByGenerator, node, node.Path, modelField, propertyName, "every request type");
        return false;
    }

    /// <summary>A request's properties against its own type name (CS0542), once the action's type name is known.</summary>
    private void CheckPropertiesAgainstRequestType(
        IEnumerable<Model.FieldSpec> fields, Dictionary<string, FieldDefinition> endpointFields, string requestTypeName, string? modelField, YamlNode actionNode)
    {
        foreach (var field in fields)
        {
            if (field.PropertyName == requestTypeName && endpointFields.TryGetValue(field.JsonName, out var definition))
            {
                _context.Report(DiagnosticDescriptors.MemberNamedLikeType, definition.KeyNode, definition.KeyNode.Path, field.JsonName, field.PropertyName);
            }
        }

        if (modelField is not null && Helpers.Naming.ToPascalCase(modelField) == requestTypeName)
        {
            _context.Report(DiagnosticDescriptors.MemberNamedLikeType, actionNode, actionNode.Path, actionNode.Value!, requestTypeName);
        }
    }

    /// <summary>
    /// Where each type of a contract comes from (the YAML node that claims it), by parsing it again:
    /// needed only to report a clash between contracts, which is rare, so parse results stay free of positions.
    /// </summary>
    public static Dictionary<string, LocationInfo> LocateTypes(ContractInput input, System.Threading.CancellationToken cancellationToken)
    {
        var context = new ParseContext(input.Path, cancellationToken);
        var parser = new SpecParser(context);
        try
        {
            parser.ParseRoot(YamlTreeReader.Read(input.Path, input.Text, context.Diagnostics, cancellationToken), input);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Parse reported it already; the types found so far still have their places.
        }

        var locations = new Dictionary<string, LocationInfo>(StringComparer.Ordinal);
        foreach (var type in parser._generatedTypes)
        {
            locations[type.Name] = type.Location;
        }

        return locations;
    }

    /// <summary>
    /// The namespace and client name a project gives a contract (item metadata, or the project's
    /// RootNamespace) are C# names too; reported at the contract's 'api', which they name.
    /// </summary>
    private void CheckContractOptions(ContractInput input, YamlNode apiNode)
    {
        if (input.Namespace is { } ns)
        {
            foreach (var part in ns.Split('.'))
            {
                if (!CheckCSharpName(part, apiNode, ns, "the namespace (ContractNamespace or RootNamespace)"))
                {
                    break;
                }
            }
        }

        if (input.ClientName is { } clientName)
        {
            CheckCSharpName(clientName, apiNode, clientName, "the client name (ContractClientName)");
        }
    }

    /// <summary>
    /// Whether <paramref name="name"/> is a C# identifier (without '@' or escapes): a letter or '_',
    /// then letters, digits, connectors, combining marks and formatting characters (C# spec §6.4.3).
    /// The parser also runs outside the compiler (ContractFirst.Schema), so it can't ask Roslyn's SyntaxFacts.
    /// </summary>
    private static bool IsIdentifier(string name)
    {
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            var isLetter = category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber;
            var ok = i == 0
                ? isLetter || c == '_'
                : isLetter || category is UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation
                    or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.Format;
            if (!ok)
            {
                return false;
            }
        }

        return name.Length > 0;
    }
}
