using ContractFirst.Contract.Diagnostics;

namespace ContractFirst.Contract.Parsing;

// Generated C# names must be unique even when the contract's names differ (image_url and
// image-url both become ImageUrl); a clash is reported at the YAML node that caused it, before
// the compiler would report it against generated code the maintainer never wrote.
internal sealed partial class SpecParser
{
    /// <summary>Members every generated request type has besides its fields.</summary>
    private static readonly HashSet<string> s_requestMembers = new(StringComparer.Ordinal)
    {
        "Action", "Validate", "WriteJson", "Equals", "GetHashCode", "ToString", "GetType",
    };

    /// <summary>Members every generated response model has besides its fields.</summary>
    private static readonly HashSet<string> s_modelMembers = new(StringComparer.Ordinal)
    {
        "ReadJson", "FromJson", "WriteJson", "WriteJsonProperties", "IsFinished", "Equals", "GetHashCode", "ToString", "GetType",
    };

    private static readonly HashSet<string> s_reservedMethods = new(StringComparer.Ordinal)
    {
        "WaitForTaskAsync", "Dispose", "FromEnvironment",
    };

    private readonly Dictionary<string, string> _typeNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _methodNames = new(StringComparer.Ordinal);

    /// <summary>Records a generated type name, reporting it when <paramref name="owner"/> is not the first to generate it.</summary>
    private bool ClaimTypeName(string typeName, YamlNode node, string owner)
    {
        if (_typeNames.TryGetValue(typeName, out var first))
        {
            _context.Report(DiagnosticDescriptors.DuplicateName, node, "generated type", typeName, $": {owner} and {first} both generate it");
            return false;
        }

        if (!ClaimTypeNameIgnoringCase(typeName, node, owner))
        {
            return false;
        }

        _typeNames.Add(typeName, owner);
        _generatedTypes.Add(new(typeName, YamlTreeReader.Location(_context.Path, node)));
        return true;
    }

    private bool ClaimMethodName(string methodName, YamlNode node, string owner)
    {
        if (s_reservedMethods.Contains(methodName))
        {
            _context.Report(DiagnosticDescriptors.DuplicateName, node, "client method", methodName, $": {owner} would hide a built-in client method; set 'method'");
            return false;
        }

        if (_methodNames.TryGetValue(methodName, out var first))
        {
            _context.Report(DiagnosticDescriptors.DuplicateName, node, "client method", methodName, $": {owner} and {first} both generate it; set 'method' on one");
            return false;
        }

        _methodNames.Add(methodName, owner);
        return true;
    }

    /// <summary>Checks the property a field generates against its siblings, its type's name and generated members.</summary>
    private bool ClaimPropertyName(
        Dictionary<string, string> taken, string propertyName, YamlNode node, string owner, string typeName, bool isRequest)
    {
        string? problem = null;
        if (propertyName.Length == 0)
        {
            problem = "; the name has no letters or digits to build a C# property from";
        }
        else if (!CheckCSharpName(propertyName, node, "field name", node.Value!))
        {
            return false;
        }
        else if ((isRequest ? s_requestMembers : s_modelMembers).Contains(propertyName) || IsReservedProperty(propertyName, isRequest) || propertyName == typeName)
        {
            problem = $"; the property '{propertyName}' would clash with a member of the generated type {typeName}";
        }
        else if (taken.TryGetValue(propertyName, out var first))
        {
            problem = $"; '{node.Value}' and '{first}' both become the property '{propertyName}'";
        }

        if (problem is not null)
        {
            _context.Report(DiagnosticDescriptors.DuplicateName, node, "field name", node.Value!, $" in {owner}{problem}");
            return false;
        }

        taken.Add(propertyName, node.Value!);
        return true;
    }
}
