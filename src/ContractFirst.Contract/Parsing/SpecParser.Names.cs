using ContractFirst.Contract.Helpers;
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
        "Action", "Validate", "WriteJson", "JsonText", "Equals", "GetHashCode", "ToString", "GetType",
    };

    /// <summary>Members every generated response model has besides its fields.</summary>
    private static readonly HashSet<string> s_modelMembers = new(StringComparer.Ordinal)
    {
        "ReadJson", "FromJson", "WriteJson", "WriteJsonProperties", "JsonText", "IsFinished", "Equals", "GetHashCode", "ToString", "GetType",
    };

    /// <summary>Members of a response model besides its fields, including the task-state members of the polled record.</summary>
    private static readonly HashSet<string> s_modelOnlyMembers = new(StringComparer.Ordinal)
    {
        "ReadIssues", "HasSucceeded", "HasFailed", "FailureReason", "MemberwiseClone", "ReferenceEquals", "Finalize",
    };

    /// <summary>Members of a request besides its fields, including what its client method's parameters need.</summary>
    private static readonly HashSet<string> s_requestOnlyMembers = new(StringComparer.Ordinal)
    {
        "MemberwiseClone", "ReferenceEquals", "Finalize",

        // The client's convenience method takes every field as a parameter, then cancellationToken.
        "CancellationToken",
    };

    // Combined here, after their parts: static initializers run in text order only within one file.
    /// <summary>Every member of a request besides its fields: a field's property may take none of these names.</summary>
    private static readonly HashSet<string> s_allRequestMembers = new([.. s_requestMembers, .. s_requestOnlyMembers], StringComparer.Ordinal);

    /// <summary>Every member of a response model besides its fields.</summary>
    private static readonly HashSet<string> s_allModelMembers = new([.. s_modelMembers, .. s_modelOnlyMembers], StringComparer.Ordinal);

    /// <summary>Every member of a request object besides its fields.</summary>
    private static readonly HashSet<string> s_requestObjectMembers = new(["Validate", "WriteJson", "JsonText", "MemberwiseClone", "ReferenceEquals", "Finalize", "Equals", "GetHashCode", "ToString", "GetType"], StringComparer.Ordinal);

    private static readonly HashSet<string> s_reservedMethods = new(StringComparer.Ordinal)
    {
        "WaitForTaskAsync", "Dispose", "FromEnvironment",
    };

    /// <summary>Each generated type and method name, with the YAML path of what claimed it first.</summary>
    private readonly Dictionary<string, string> _typeNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _methodNames = new(StringComparer.Ordinal);

    /// <summary>Records a generated type name, reporting it when <paramref name="node"/> is not the first to generate it.</summary>
    private bool ClaimTypeName(string typeName, YamlNode node)
    {
        if (_typeNames.TryGetValue(typeName, out var first))
        {
            _context.Report(DiagnosticDescriptors.SameCSharpName, node, node.Path, node.Value ?? typeName, "type", typeName, first);
            return false;
        }

        if (!ClaimTypeNameIgnoringCase(typeName, node))
        {
            return false;
        }

        if (CommonDotNetTypes.FullName(typeName) is { } dotNetType)
        {
            _context.Report(DiagnosticDescriptors.ShadowsDotNetType, node, node.Path, node.Value ?? typeName, typeName, dotNetType);
            return false;
        }

        _typeNames.Add(typeName, node.Path);
        _generatedTypes.Add(new(typeName, YamlTreeReader.Location(_context.Path, node)));
        return true;
    }

    private bool ClaimMethodName(string methodName, YamlNode node)
    {
        if (s_reservedMethods.Contains(methodName))
        {
            _context.Report(DiagnosticDescriptors.NameTakenByGenerator, node, node.Path, node.Value!, methodName, "the client");
            return false;
        }

        if (_methodNames.TryGetValue(methodName, out var first))
        {
            _context.Report(DiagnosticDescriptors.SameCSharpName, node, node.Path, node.Value!, "method", methodName, first);
            return false;
        }

        _methodNames.Add(methodName, node.Path);
        return true;
    }

    /// <summary>Checks the property a field generates against its siblings, its type's name and generated members.</summary>
    private bool ClaimPropertyName(Dictionary<string, string> taken, string propertyName, YamlNode node, string typeName, HashSet<string> generatedMembers)
    {
        if (!CheckCSharpName(propertyName, node, node.Value!))
        {
            return false;
        }

        if (generatedMembers.Contains(propertyName))
        {
            _context.Report(DiagnosticDescriptors.NameTakenByGenerator, node, node.Path, node.Value!, propertyName, typeName);
            return false;
        }

        if (propertyName == typeName)
        {
            _context.Report(DiagnosticDescriptors.MemberNamedLikeType, node, node.Path, node.Value!, propertyName);
            return false;
        }

        if (taken.TryGetValue(propertyName, out var first))
        {
            _context.Report(DiagnosticDescriptors.SameCSharpName, node, node.Path, node.Value!, "property", propertyName, "'" + first + "'");
            return false;
        }

        taken.Add(propertyName, node.Value!);
        return true;
    }
}
