namespace ContractFirst.Contract.Diagnostics;

/// <summary>
/// Every diagnostic the parser and the generator report, as plain data. Ids are stable: never reuse or renumber one.
/// The catalogue with examples lives in generator/README.md; the generator builds its Roslyn descriptors from these.
/// </summary>
public static class DiagnosticDescriptors
{
    /// <summary>CFG000: the generator failed unexpectedly; a bug, reported instead of crashing the build.</summary>
    public static readonly ContractDiagnosticDescriptor InternalError = Error(
        "CFG000", "Contract generator failure", "The contract generator failed while {0}: {1}");

    /// <summary>CFG001: the file is not well-formed YAML.</summary>
    public static readonly ContractDiagnosticDescriptor InvalidYaml = Error(
        "CFG001", "Invalid YAML", "Invalid YAML: {0}");

    /// <summary>CFG002: a key the contract format does not define.</summary>
    public static readonly ContractDiagnosticDescriptor UnknownKey = Error(
        "CFG002", "Unknown key", "Unknown key '{0}' in {1}; expected one of: {2}");

    /// <summary>CFG003: a required key is absent.</summary>
    public static readonly ContractDiagnosticDescriptor MissingKey = Error(
        "CFG003", "Missing required key", "{0} is missing the required key '{1}'");

    /// <summary>CFG004: a mapping, list or scalar where another kind of node is required.</summary>
    public static readonly ContractDiagnosticDescriptor WrongNodeKind = Error(
        "CFG004", "Wrong kind of YAML node", "{0} must be a {1}");

    /// <summary>CFG005: a scalar that does not parse as what its key requires.</summary>
    public static readonly ContractDiagnosticDescriptor InvalidValue = Error(
        "CFG005", "Invalid value", "Invalid value '{0}' for {1}: {2}");

    /// <summary>CFG006: a field type that is neither built in nor a defined enum or model.</summary>
    public static readonly ContractDiagnosticDescriptor UnknownType = Error(
        "CFG006", "Unknown type", "Unknown type '{0}' for {1}; expected {2}");

    /// <summary>CFG007: a reference to a field, action, model or enum value that is not defined.</summary>
    public static readonly ContractDiagnosticDescriptor UnknownReference = Error(
        "CFG007", "Unknown reference", "{0} refers to '{1}', which is not {2}");

    /// <summary>CFG008: an action's default model is not one of its models.</summary>
    public static readonly ContractDiagnosticDescriptor DefaultModelNotInAction = Error(
        "CFG008", "Default model outside its action", "default_model '{0}' of action '{1}' is not one of its models: {2}");

    /// <summary>CFG009: a lower bound above its upper bound.</summary>
    public static readonly ContractDiagnosticDescriptor MinAboveMax = Error(
        "CFG009", "Minimum above maximum", "{0}: {1} ({2}) is greater than {3} ({4})");

    /// <summary>CFG010: two things with the same name where names must be unique.</summary>
    public static readonly ContractDiagnosticDescriptor DuplicateName = Error(
        "CFG010", "Duplicate name", "Duplicate {0} '{1}'{2}");

    /// <summary>CFG011: a constraint or key that does not apply where it is used.</summary>
    public static readonly ContractDiagnosticDescriptor NotApplicable = Error(
        "CFG011", "Key does not apply here", "'{0}' does not apply to {1}: {2}");

    /// <summary>CFG012: a contract format version this generator does not read.</summary>
    public static readonly ContractDiagnosticDescriptor UnsupportedVersion = Error(
        "CFG012", "Unsupported contract version", "Contract format version '{0}' is not supported; this generator reads version 1");

    /// <summary>Every descriptor, by id.</summary>
    public static readonly IReadOnlyList<ContractDiagnosticDescriptor> All =
    [
        InternalError, InvalidYaml, UnknownKey, MissingKey, WrongNodeKind, InvalidValue, UnknownType,
        UnknownReference, DefaultModelNotInAction, MinAboveMax, DuplicateName, NotApplicable, UnsupportedVersion,
    ];

    private static readonly Dictionary<string, ContractDiagnosticDescriptor> s_byId = All.ToDictionary(d => d.Id);

    /// <summary>Gets the descriptor with <paramref name="id"/>.</summary>
    /// <param name="id">A diagnostic id, for example <c>CFG002</c>.</param>
    /// <returns>The descriptor.</returns>
    /// <exception cref="KeyNotFoundException">No diagnostic has that id.</exception>
    public static ContractDiagnosticDescriptor ById(string id) => s_byId[id];

    private static ContractDiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, ContractDiagnosticSeverity.Error);
}
