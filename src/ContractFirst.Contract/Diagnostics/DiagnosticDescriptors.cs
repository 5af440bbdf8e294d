namespace ContractFirst.Contract.Diagnostics;

/// <summary>
/// Every diagnostic the parser and the generator report, as plain data. Ids are stable: never reuse or renumber one.
/// The catalogue with examples lives in generator/README.md; the generator builds its Roslyn descriptors from these.
/// </summary>
public static class DiagnosticDescriptors
{
    /// <summary>CFG000: the generator failed unexpectedly; a bug, reported instead of crashing the build.</summary>
    public static readonly ContractDiagnosticDescriptor InternalError = Error(
        "CFG000", "Contract generator failure", "The contract generator failed while {0}: {1}", "A bug in the generator, reported instead of crashing the build. The contract may be fine; please report it with the contract that triggers it.");

    /// <summary>CFG001: the file is not well-formed YAML.</summary>
    public static readonly ContractDiagnosticDescriptor InvalidYaml = Error(
        "CFG001", "Invalid YAML", "Invalid YAML: {0}", "The file is not YAML the reader can parse. Check the indentation (spaces, not tabs) and the brackets and quotes around the reported position.");

    /// <summary>CFG002: a key the contract format does not define.</summary>
    public static readonly ContractDiagnosticDescriptor UnknownKey = Error(
        "CFG002", "Unknown key", "Unknown key '{0}' in {1}; expected one of: {2}", "The key is not part of the contract format in this section. Check its spelling against the keys listed; spec/README.md documents every key.");

    /// <summary>CFG003: a required key is absent.</summary>
    public static readonly ContractDiagnosticDescriptor MissingKey = Error(
        "CFG003", "Missing required key", "{0} is missing the required key '{1}'", "A key this section needs is absent. Add it; spec/README.md says what each section requires.");

    /// <summary>CFG004: a mapping, list or scalar where another kind of node is required.</summary>
    public static readonly ContractDiagnosticDescriptor WrongNodeKind = Error(
        "CFG004", "Wrong kind of YAML node", "{0} must be a {1}", "The value has the wrong YAML shape: a list where a mapping is needed, a scalar where a list is needed, and so on.");

    /// <summary>CFG005: a scalar that does not parse as what its key requires.</summary>
    public static readonly ContractDiagnosticDescriptor InvalidValue = Error(
        "CFG005", "Invalid value", "Invalid value '{0}' for {1}: {2}", "The value does not parse as what its key requires (a number, a boolean, a URL, one of a fixed set). The message names the key and what is expected.");

    /// <summary>CFG006: a field type that is neither built in nor a defined enum or model.</summary>
    public static readonly ContractDiagnosticDescriptor UnknownType = Error(
        "CFG006", "Unknown type", "Unknown type '{0}' for {1}; expected {2}", "A field's type is neither built in (string, url, integer, number, boolean, timestamp, array) nor an enum or model the contract defines.");

    /// <summary>CFG007: a reference to a field, action, model or enum value that is not defined.</summary>
    public static readonly ContractDiagnosticDescriptor UnknownReference = Error(
        "CFG007", "Unknown reference", "{0} refers to '{1}', which is not {2}", "The contract refers to something it does not define: a field, an action, a model, an enum value or a path. Check the spelling or define it.");

    /// <summary>CFG008: an action's default model is not one of its models.</summary>
    public static readonly ContractDiagnosticDescriptor DefaultModelNotInAction = Error(
        "CFG008", "Default model outside its action", "default_model '{0}' of action '{1}' is not one of its models: {2}", "An action's default_model must be one of the models the action lists.");

    /// <summary>CFG009: a lower bound above its upper bound.</summary>
    public static readonly ContractDiagnosticDescriptor MinAboveMax = Error(
        "CFG009", "Minimum above maximum", "{0}: {1} ({2}) is greater than {3} ({4})", "A lower bound (min, min_items) is greater than the matching upper bound (max, max_items).");

    /// <summary>CFG010: two things with the same name where names must be unique.</summary>
    public static readonly ContractDiagnosticDescriptor DuplicateName = Error(
        "CFG010", "Duplicate name", "Duplicate {0} '{1}'{2}", "Two things would get the same name where names must be unique, including a name the generator itself uses for a member of the same type. Rename one (a name: key sets the C# name).");

    /// <summary>CFG011: a constraint or key that does not apply where it is used.</summary>
    public static readonly ContractDiagnosticDescriptor NotApplicable = Error(
        "CFG011", "Key does not apply here", "'{0}' does not apply to {1}: {2}", "The key or constraint is valid in the format but not where it is used, for example min on a string field or resend_safe on a case without codes.");

    /// <summary>CFG012: a contract format version this generator does not read.</summary>
    public static readonly ContractDiagnosticDescriptor UnsupportedVersion = Error(
        "CFG012", "Unsupported contract version", "Contract format version '{0}' is not supported; this generator reads version 1", "The contract declares a format version this generator does not read.");

    /// <summary>CFG013: YAML nested deeper than a contract ever needs; reading stops there instead of recursing.</summary>
    public static readonly ContractDiagnosticDescriptor NestedTooDeep = Error(
        "CFG013", "YAML nested too deeply", "The YAML is nested more than {0} levels deep here; a contract needs far fewer", "The YAML is nested deeper than any contract needs; reading stops there so that a broken file cannot exhaust the compiler's stack.");

    /// <summary>CFG014: a contract name that cannot become the C# identifier the generator derives from it.</summary>
    public static readonly ContractDiagnosticDescriptor InvalidCSharpName = Error(
        "CFG014", "Name unusable in C#", "{0} '{1}' gives the C# name '{2}', which {3}", "The C# name derived from a contract name is not a valid identifier (a keyword, a leading digit, empty). Give the value a name: key, or rename it.");

    /// <summary>CFG015: two contracts in one project generating the same type in the same namespace.</summary>
    public static readonly ContractDiagnosticDescriptor TypeInOtherContract = Error(
        "CFG015", "Type generated by two contracts", "The type '{0}' is generated into namespace '{1}' by this contract and by {2}; give each contract its own ContractNamespace", "Two contracts in one project generate a type with the same name into the same namespace. Give each contract its own ContractNamespace item metadata.");

    /// <summary>CFG016: an unquoted comma in a <c>{ … }</c> mapping ended a value, and the rest became a key of its own.</summary>
    public static readonly ContractDiagnosticDescriptor CommaEndedValue = Error(
        "CFG016", "A comma ended an unquoted value", "'{0}' became a key of {1} because a comma ends an unquoted value inside {{ … }}; quote the value of '{2}' to keep the comma", "Inside a { … } flow mapping, an unquoted comma ends the value, so the words after it became a key. Quote the value to keep the comma.");

    /// <summary>Every descriptor, by id.</summary>
    public static readonly IReadOnlyList<ContractDiagnosticDescriptor> All =
    [
        InternalError, InvalidYaml, UnknownKey, MissingKey, WrongNodeKind, InvalidValue, UnknownType,
        UnknownReference, DefaultModelNotInAction, MinAboveMax, DuplicateName, NotApplicable, UnsupportedVersion,
        NestedTooDeep, InvalidCSharpName, TypeInOtherContract, CommaEndedValue,
    ];

    private static readonly Dictionary<string, ContractDiagnosticDescriptor> s_byId = All.ToDictionary(d => d.Id);

    /// <summary>Gets the descriptor with <paramref name="id"/>.</summary>
    /// <param name="id">A diagnostic id, for example <c>CFG002</c>.</param>
    /// <returns>The descriptor.</returns>
    /// <exception cref="KeyNotFoundException">No diagnostic has that id.</exception>
    public static ContractDiagnosticDescriptor ById(string id) => s_byId[id];

    private static ContractDiagnosticDescriptor Error(string id, string title, string message, string description) =>
        new(id, title, message, ContractDiagnosticSeverity.Error) { Description = description };
}
