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

    /// <summary>CFG005: a value outside the fixed set its key allows.</summary>
    public static readonly ContractDiagnosticDescriptor NotAllowedValue = Error(
        "CFG005", "Value not allowed", "{0} is '{1}', which is not one of: {2}", "The key takes one of a fixed set of values, listed in the message.");

    /// <summary>CFG006: a field type that is neither built in nor a defined enum or model.</summary>
    public static readonly ContractDiagnosticDescriptor UnknownType = Error(
        "CFG006", "Unknown type", "Unknown type '{0}' for {1}; expected {2}", "A field's type is neither built in (string, url, integer, number, boolean, timestamp, array) nor an enum or model the contract defines.");

    /// <summary>CFG007: a name that should be a field and is not one.</summary>
    public static readonly ContractDiagnosticDescriptor UnknownField = Error(
        "CFG007", "Unknown field", "{0} names '{1}', which is not a field of {2}", "The contract names a field its owner does not define, or a field of the wrong type for the key (the message says which fields qualify). Check the spelling or define the field.");

    /// <summary>CFG008: an action's default model is not one of its models.</summary>
    public static readonly ContractDiagnosticDescriptor DefaultModelNotInAction = Error(
        "CFG008", "Default model outside its action", "default_model '{0}' of action '{1}' is not one of its models: {2}", "An action's default_model must be one of the models the action lists.");

    /// <summary>CFG009: a lower bound above its upper bound.</summary>
    public static readonly ContractDiagnosticDescriptor MinAboveMax = Error(
        "CFG009", "Minimum above maximum", "{0}: {1} ({2}) is greater than {3} ({4})", "A lower bound (min, min_items, min_length) is greater than the matching upper bound (max, max_items, max_length).");

    /// <summary>CFG010: a mapping key written twice.</summary>
    public static readonly ContractDiagnosticDescriptor DuplicateKey = Error(
        "CFG010", "Key written twice", "{0} is written twice; the first is at line {2}", "A mapping has the same key twice; YAML keeps only one of them. Remove or rename one.");

    /// <summary>CFG011: a constraint that does not apply to the type of its field.</summary>
    public static readonly ContractDiagnosticDescriptor KeyNotForType = Error(
        "CFG011", "Key does not apply to this type", "'{1}' does not apply to {0}, of type {2}; it applies to: {3}", "The key is valid in the format but not for this field's type, for example min on a string field, items on a scalar, pattern on a number or default on an array.");

    /// <summary>CFG012: a contract format version this generator does not read.</summary>
    public static readonly ContractDiagnosticDescriptor UnsupportedVersion = Error(
        "CFG012", "Unsupported contract version", "Contract format version '{0}' is not supported; this generator reads versions 1 and 2", "The contract declares a format version this generator does not read.");

    /// <summary>CFG013: YAML nested deeper than a contract ever needs; reading stops there instead of recursing.</summary>
    public static readonly ContractDiagnosticDescriptor NestedTooDeep = Error(
        "CFG013", "YAML nested too deeply", "The YAML is nested more than {0} levels deep here; a contract needs far fewer", "The YAML is nested deeper than any contract needs; reading stops there so that a broken file cannot exhaust the compiler's stack.");

    /// <summary>CFG014: a contract name that cannot become the C# identifier the generator derives from it.</summary>
    public static readonly ContractDiagnosticDescriptor InvalidCSharpName = Error(
        "CFG014", "Name unusable in C#", "{0} ('{1}') gives the C# name '{2}', which {3}", "The C# name derived from a contract name is not a valid identifier (a keyword, a leading digit, empty). Give the value a name: key, or rename it.");

    /// <summary>CFG015: two contracts in one project generating the same type in the same namespace.</summary>
    public static readonly ContractDiagnosticDescriptor TypeInOtherContract = Error(
        "CFG015", "Type generated by two contracts", "The type '{0}' is generated into namespace '{1}' by this contract and by {2}; give each contract its own ContractNamespace", "Two contracts in one project generate a type with the same name into the same namespace. Give each contract its own ContractNamespace item metadata.");

    /// <summary>CFG016: an unquoted comma in a <c>{ … }</c> mapping ended a value, and the rest became a key of its own.</summary>
    public static readonly ContractDiagnosticDescriptor CommaEndedValue = Error(
        "CFG016", "A comma ended an unquoted value", "'{0}' became a key of {1} because a comma ends an unquoted value inside {{ … }}; quote the value of '{2}' to keep the comma", "Inside a { … } flow mapping, an unquoted comma ends the value, so the words after it became a key. Quote the value to keep the comma.");

    /// <summary>CFG017: a value that must be a number.</summary>
    public static readonly ContractDiagnosticDescriptor NotANumber = Error(
        "CFG017", "Not a number", "{0} is '{1}', which is not a number", "The key takes a number, written with '.' as the decimal point.");

    /// <summary>CFG018: a value that must be a whole number.</summary>
    public static readonly ContractDiagnosticDescriptor NotAWholeNumber = Error(
        "CFG018", "Not a whole number", "{0} is '{1}', which is not a whole number", "The key takes a whole number (for an integer field's bounds, values and default, too), without a decimal point.");

    /// <summary>CFG019: a number outside the range its key allows.</summary>
    public static readonly ContractDiagnosticDescriptor OutOfRange = Error(
        "CFG019", "Value out of range", "{0} is {1}, outside the allowed range {2}", "The number is of the right kind but outside what the key allows, for example a negative delay or an HTTP status that is not an error.");

    /// <summary>CFG020: an endpoint path that does not start with '/'.</summary>
    public static readonly ContractDiagnosticDescriptor PathNotRooted = Error(
        "CFG020", "Endpoint path not rooted", "{0} is '{1}', which does not start with '/'", "An endpoint's path is joined to api.base_url and must start with '/'.");

    /// <summary>CFG021: a base URL that is not an absolute http or https URL.</summary>
    public static readonly ContractDiagnosticDescriptor NotAnHttpUrl = Error(
        "CFG021", "Not an absolute http(s) URL", "{0} is '{1}', which is not an absolute http or https URL", "The service's address must be an absolute URL with the http or https scheme.");

    /// <summary>CFG022: a name given for a C# type that is not a PascalCase identifier.</summary>
    public static readonly ContractDiagnosticDescriptor NotPascalCase = Error(
        "CFG022", "Not a PascalCase identifier", "{0} is '{1}', which is not a PascalCase C# identifier", "The value becomes a C# type name as written: a capital letter, then letters, digits or '_'.");

    /// <summary>CFG023: a scalar holding an unpaired surrogate, which is not a Unicode character.</summary>
    public static readonly ContractDiagnosticDescriptor UnpairedSurrogate = Error(
        "CFG023", "Unpaired surrogate", "{0} is '{1}', which holds the unpaired surrogate U+{2}, not a Unicode character", "A \\uD800-style escape or a damaged file left half of a UTF-16 pair. It cannot be written as UTF-8 and would break the generated JSON names and XML docs.");

    /// <summary>CFG024: a name that should be a model and is not one.</summary>
    public static readonly ContractDiagnosticDescriptor UnknownModel = Error(
        "CFG024", "Unknown model", "{0} names '{1}', which is not a model defined under 'models'", "A response or record names a model the contract does not define. Check the spelling or add it under 'models'.");

    /// <summary>CFG025: a name that should be an action and is not one.</summary>
    public static readonly ContractDiagnosticDescriptor UnknownAction = Error(
        "CFG025", "Unknown action", "{0} names '{1}', which is not an action of {2}", "The contract names an action that is not defined where the key looks for it. Polling names its lookup as endpoint.action, for example tasks.retrieve.");

    /// <summary>CFG026: a name that should be an endpoint and is not one.</summary>
    public static readonly ContractDiagnosticDescriptor UnknownEndpoint = Error(
        "CFG026", "Unknown endpoint", "{0} names '{1}', which is not an endpoint; the endpoints are: {2}", "The billing section, or the polling action (written endpoint.action, for example tasks.retrieve), names an endpoint the contract does not define.");

    /// <summary>CFG027: a name that should be a value of an enum and is not one.</summary>
    public static readonly ContractDiagnosticDescriptor UnknownEnumValue = Error(
        "CFG027", "Unknown enum value", "{0} names '{1}', which is not a value of {2}; its values are: {3}", "A rate, an assumed value, a task-state rule or a field's default names a value its enum (or its list of rates) does not have.");

    /// <summary>CFG028: a value listed twice where each may appear once.</summary>
    public static readonly ContractDiagnosticDescriptor DuplicateEntry = Error(
        "CFG028", "Listed twice", "{0} lists '{1}' twice", "An enum value, an action model, a shared field, a number of a field's values, an error code or a catch-all error case appears twice. Remove one.");

    /// <summary>CFG029: two contract names that become one C# name.</summary>
    public static readonly ContractDiagnosticDescriptor SameCSharpName = Error(
        "CFG029", "Two names give one C# name", "{0} ('{1}') gives the C# {2} '{3}', as {4} does", "Two contract names become the same C# name (image_url and image-url both become ImageUrl; two actions the same method). Rename one, or give it a name: (or method:) key.");

    /// <summary>CFG030: a contract name that becomes a member the generator itself declares.</summary>
    public static readonly ContractDiagnosticDescriptor NameTakenByGenerator = Error(
        "CFG030", "Name taken by a generated member", "{0} ('{1}') gives the C# name '{2}', which the generator already declares on {3}", "Every generated type has members of its own (an enum's Value, IsKnown and Equals; a request's Validate; a model's FromJson; the client's WaitForTaskAsync). Give the value a name: (or method:) key.");

    /// <summary>CFG031: a member that would be named like the type that declares it.</summary>
    public static readonly ContractDiagnosticDescriptor MemberNamedLikeType = Error(
        "CFG031", "Member named like its type", "{0} ('{1}') gives the member '{2}' of the type of the same name, which C# does not allow", "C# forbids a member named like its enclosing type (CS0542). Rename the value or the type.");

    /// <summary>CFG032: two generated type names that differ only in case.</summary>
    public static readonly ContractDiagnosticDescriptor TypeNamesDifferInCase = Error(
        "CFG032", "Type names differ only in case", "{0} generates the type '{1}' and {2} generates '{3}'; names that differ only in case give the same file name", "Generated files are named after their types and file names are compared ignoring case, so the compiler would drop both. Rename one.");

    /// <summary>CFG033: a key that only applies together with another key.</summary>
    public static readonly ContractDiagnosticDescriptor KeyNeedsKey = Error(
        "CFG033", "Key needs another key", "'{1}' at {0} needs '{2}'", "The key only means something together with another: resend_safe needs the case's codes (a case without codes matches any body, even a proxy's page), default_model needs the action's models, models need the endpoint's model_field.");

    /// <summary>CFG034: a mapping that must hold exactly one of several keys.</summary>
    public static readonly ContractDiagnosticDescriptor ExactlyOneKey = Error(
        "CFG034", "Exactly one of these keys", "{0} must have exactly one of: {1}; it has: {2}", "A task-state rule tests its field one way: is, any, all or present.");

    /// <summary>CFG035: a task-state rule whose check and path disagree about arrays.</summary>
    public static readonly ContractDiagnosticDescriptor RuleArrayCount = Error(
        "CFG035", "Rule check and arrays disagree", "'{1}' at {0} needs {2} array marked '[]' on its path; '{3}' has {4}", "'any' and 'all' test the items of exactly one array, written name[] on the path; 'is' and 'present' test a single value and may not cross an array.");

    /// <summary>CFG036: a task-state rule path that marks an array wrongly.</summary>
    public static readonly ContractDiagnosticDescriptor RulePathBroken = Error(
        "CFG036", "Array step written wrongly", "{0} is '{1}', whose step '{2}' must be written '{3}'", "A rule's path marks every array it walks through as name[], and nothing else.");

    /// <summary>CFG037: a polling lookup action of the wrong shape.</summary>
    public static readonly ContractDiagnosticDescriptor LookupActionShape = Error(
        "CFG037", "Lookup action of the wrong shape", "{0} names '{1}', whose required fields are: {2}; a task lookup needs exactly one, a string holding the task id", "The polling action is called with the task id alone, so it must have exactly one required field, a string.");

    /// <summary>CFG038: a polling task id that no submit response holds.</summary>
    public static readonly ContractDiagnosticDescriptor TaskIdNotInSubmitResponse = Error(
        "CFG038", "Task id not in a submit response", "{0} names '{1}', which is not a string field of any submit response: {2}", "The task id is read from a submit response, so one of the submit endpoints' response models must have it as a string field.");

    /// <summary>CFG039: a field listed in an action although the endpoint already shares it with every action.</summary>
    public static readonly ContractDiagnosticDescriptor FieldAlreadyShared = Error(
        "CFG039", "Field already shared", "{0} lists '{1}', which the endpoint already shares with every action", "A field in the endpoint's shared list belongs to every action already; remove it from the action, or from shared to override it per action.");

    /// <summary>CFG040: a task-state rule path that goes on past a field that is not a model.</summary>
    public static readonly ContractDiagnosticDescriptor RulePathPastValue = Error(
        "CFG040", "Rule path continues past a value", "{0} is '{1}', which continues past '{2}', of type {3}; only models have fields", "A rule's path walks the record's fields into nested models; a field of any other type ends the path.");

    /// <summary>CFG041: two contracts of the same file name generating the same file; a backstop behind CFG015.</summary>
    public static readonly ContractDiagnosticDescriptor GeneratedFileTaken = Error(
        "CFG041", "Generated file generated twice", "The generated file '{0}' is also generated by another contract with the same file name", "Generated files are named after the contract's file name, namespace and type, so two contracts with one file name on one namespace would write the same file. Give each its own ContractNamespace, or rename one.");

    /// <summary>CFG042: a field's default that its own rules (bounds, values, length, pattern) refuse.</summary>
    public static readonly ContractDiagnosticDescriptor DefaultBreaksRule = Error(
        "CFG042", "Default breaks the field's rules", "{0} is '{1}', which breaks the field's {2}: {3}", "The service applies the default when a request leaves the field out, so it must be a value the field accepts: within min and max, one of values, within min_length and max_length, matching pattern. Fix the default or the rule.");

    /// <summary>CFG043: a default on a field that the action requires, so it is always sent and the default never applies.</summary>
    public static readonly ContractDiagnosticDescriptor DefaultOnRequiredField = Error(
        "CFG043", "Default on a required field", "{0} is '{1}', but {2} makes the field required, so the default never applies", "A default says what the service does when a request leaves the field out; a required field is never left out. Remove the default, or give it only to the actions that take the field as optional (in their field overrides).");

    /// <summary>CFG044: a pattern that .NET's regular expression engine cannot compile.</summary>
    public static readonly ContractDiagnosticDescriptor PatternDoesNotCompile = Error(
        "CFG044", "Pattern does not compile", "{0} is '{1}', which .NET cannot compile as a regular expression: {2}", "The generated validators check pattern with .NET's Regex, so it must compile there. Write it in the syntax ECMAScript (JSON Schema) and .NET share.");

    /// <summary>CFG045: a pattern using syntax that only .NET reads, which JSON Schema (ECMAScript) tools reject or read differently.</summary>
    public static readonly ContractDiagnosticDescriptor PatternNotPortable = Error(
        "CFG045", "Pattern is not ECMAScript", "{0} is '{1}', whose '{2}' is .NET-only syntax that ECMAScript (JSON Schema) rejects or reads differently", "The exported JSON Schemas state pattern for tools in any language, and JSON Schema patterns are ECMAScript. Inline options, atomic groups, comments, conditionals, \\A \\Z \\z \\G, \\p{…} and class subtraction are .NET's own; spec/README.md lists what to write instead.");

    /// <summary>CFG046: a number of a field's values outside the field's own min or max.</summary>
    public static readonly ContractDiagnosticDescriptor ValueOutsideBounds = Error(
        "CFG046", "Listed value outside min/max", "{0} lists {1}, outside the field's {2}: {3}", "Every number in values must be one the field's min and max allow; a request could never send it. Remove the number or widen the bound.");
    /// <summary>CFG050: an endpoint without a discriminator (format 2) that has more than one action.</summary>
    public static readonly ContractDiagnosticDescriptor SeveralActionsWithoutDiscriminator = Error(
        "CFG050", "Several actions without a discriminator", "{0} has no discriminator, so it is a single operation, but it has {1} actions: {2}", "In format 2 an endpoint without a discriminator sends none, so it has exactly one action. Add a discriminator (for example discriminator: action) to choose between several, or keep one action.");

    /// <summary>CFG051: an endpoint's default model is not one of the endpoint's models.</summary>
    public static readonly ContractDiagnosticDescriptor DefaultModelNotInEndpoint = Error(
        "CFG051", "Default model outside the endpoint's models", "{0} is '{1}', which is not one of the endpoint's models: {2}", "An endpoint's default_model must be one of the models the endpoint lists.");

    /// <summary>CFG052: an action narrows the endpoint's models to an id the endpoint does not list.</summary>
    public static readonly ContractDiagnosticDescriptor NarrowedModelNotInEndpoint = Error(
        "CFG052", "Narrowed model not in the endpoint's models", "{0} is '{1}', which is not one of the endpoint's models: {2}", "When the endpoint lists its models, an action's models narrow them: each must be one of the endpoint's ids. Add the model to the endpoint's list, or fix the id.");

    /// <summary>CFG053: an action that narrows the endpoint's models declares a model (name, description) instead of naming its id.</summary>
    public static readonly ContractDiagnosticDescriptor NarrowedModelDeclared = Error(
        "CFG053", "Narrowing list declares a model", "{0} is a mapping; an action narrows the endpoint's models by id alone, and their names and descriptions belong in {1}", "When the endpoint lists its models, they form one type shared by every action, so each model is declared once, in the endpoint's list. An action lists the ids it accepts as plain strings.");

    /// <summary>CFG054: a format 2 key in a version 1 contract.</summary>
    public static readonly ContractDiagnosticDescriptor KeyNeedsFormat2 = Error(
        "CFG054", "Key needs contract format 2", "'{1}' at {0} is a format 2 key, and this contract is 'contract: 1'", "The key is new in format 2 and a version 1 file cannot use it. Migrate the file to contract: 2 as spec/README.md (Format versions) says: write the defaults version 1 implied (discriminator: action, each action's default_model).");

    /// <summary>CFG055: an action narrows the endpoint's models to a set without the endpoint's default, and sets no default of its own.</summary>
    public static readonly ContractDiagnosticDescriptor NarrowingLeavesOutDefault = Error(
        "CFG055", "Narrowed models leave out the default", "{0} narrows the models to {1}, which leave out the endpoint's default_model '{2}'", "The action would inherit a default model it does not accept. Give the action a default_model of its own from its list, or keep the endpoint's default in the list.");

    /// <summary>CFG060: a rule between fields of no shape, or of several.</summary>
    public static readonly ContractDiagnosticDescriptor RuleShape = Error(
        "CFG060", "Rule of no shape or several", "{0} must have exactly one of: {1}; it has: {2}", "A rule is one of: exactly_one_of, at_least_one_of, a field with requires or forbids, or when with then. Split a rule that mixes them.");

    /// <summary>CFG061: a one-of rule over fewer than two fields.</summary>
    public static readonly ContractDiagnosticDescriptor RuleNeedsTwoFields = Error(
        "CFG061", "One-of rule with one field", "{0} lists {1}; a rule between fields needs at least two", "exactly_one_of and at_least_one_of choose among fields; with one field, make the field required or optional instead.");

    /// <summary>CFG062: a one-of rule naming a field the request always has.</summary>
    public static readonly ContractDiagnosticDescriptor RuleOnRequiredField = Error(
        "CFG062", "One-of rule with a required field", "{0} names '{1}', which the action requires, so the rule always holds or can never hold", "A required field is always set: in exactly_one_of the others could never be, in at_least_one_of the rule says nothing. Make the field optional, or drop the rule.");

    /// <summary>CFG063: an endpoint's rule that names fields no single action has.</summary>
    public static readonly ContractDiagnosticDescriptor RuleFitsNoAction = Error(
        "CFG063", "Endpoint rule fits no action", "{0} names {1}, which no action of the endpoint has all of", "An endpoint's rule applies to every action that has every field it names; this one applies to none. Move it to the action, or fix the field names.");

    /// <summary>CFG070: a price counts its quantity from a field of a type that cannot hold it.</summary>
    public static readonly ContractDiagnosticDescriptor QuantityFieldType = Error(
        "CFG070", "Quantity field of the wrong type", "{0} names '{1}', of type {2}; a price per {3} counts from a field of type: {4}", "A price per second reads the seconds from an integer or number field; a price per item reads the count from an integer field. Name a field of that type, or change the unit.");

    /// <summary>CFG071: a billing section with both prices and the keys of a version 1 billing.</summary>
    public static readonly ContractDiagnosticDescriptor BillingBothForms = Error(
        "CFG071", "Billing written in both forms", "{0} lists prices and also has '{1}', a key of the version 1 single price; each price of the list takes: {2}", "A billing section is either a list of prices (format 2) or one per-second price written with endpoint, rate_field, rates, duration_field, assume and input_plus_output (version 1). Move the price into the prices list, written as spec/README.md (billing) shows.");

    /// <summary>CFG072: a key of a price that its unit does not use.</summary>
    public static readonly ContractDiagnosticDescriptor KeyNotForUnit = Error(
        "CFG072", "Key does not apply to this unit", "'{1}' at {0} does not apply to a price per {2}; it applies to: {3}", "quantity names the field a price per second or per item counts; a price per request counts one and has none. input_plus_output is for prices per second. Remove the key or change the unit.");

    /// <summary>CFG073: a rate keyed by a field that is neither an enum field nor the endpoint's model field.</summary>
    public static readonly ContractDiagnosticDescriptor RateKeyFieldType = Error(
        "CFG073", "Rate keyed by a field that is not an enum or the model", "{0} keys a rate by '{1}', of type {2}; rates are chosen by the model field or by fields of an enum type", "A rate table lists the values that choose each rate, so each field of its keys must have a fixed set of values: the endpoint's model field, or a field whose type is an enum (not a list of one).");

    /// <summary>CFG074: a rate's key or an assumption names a model that no priced action accepts.</summary>
    public static readonly ContractDiagnosticDescriptor UnknownPricedModel = Error(
        "CFG074", "Unknown model in a price", "{0} is '{1}', which is not a model of the actions priced ({2}); their models are: {3}", "A rate's key or an assumed value for the model field must be a model id that one of the price's actions accepts.");

    /// <summary>CFG075: an action with two prices.</summary>
    public static readonly ContractDiagnosticDescriptor ActionPricedTwice = Error(
        "CFG075", "Action priced twice", "{0} prices action '{1}' of endpoint '{2}', which {3} prices already", "Each action has at most one price; a price without actions covers every action of its endpoint. List the actions of each price so that none is in two.");

    /// <summary>CFG076: a rate that earlier rates always match first.</summary>
    public static readonly ContractDiagnosticDescriptor RateShadowed = Error(
        "CFG076", "Rate never chosen", "{0} ({1}) is never chosen: every request it matches is matched first by {2}", "The first rate whose key matches a request applies, so a rate whose requests all match earlier rates never applies. Move it before them, make its key more specific, or remove it.");

    /// <summary>CFG077: a rate whose key no request of the priced actions can have.</summary>
    public static readonly ContractDiagnosticDescriptor RateMatchesNoRequest = Error(
        "CFG077", "Rate matches no request", "{0} ({1}) matches no request of the actions priced: {2}", "No priced action can send every value of the rate's key together: a field it names is on none of those actions and assumed to be another value, or the values belong to different actions. Fix the key, or price the action that sends them.");

    /// <summary>CFG078: requests that no rate matches, in a table without a fallback.</summary>
    public static readonly ContractDiagnosticDescriptor NoRateForRequest = Error(
        "CFG078", "Requests without a rate", "{0} has no rate for {1} requests with {2}", "Every request of a priced action must match a rate. Add a rate for those values, assume a value for a field the request may leave unset (a field with no default that no assumption covers is 'not set', and only rates that leave it out match), or end the list with a fallback rate: one with no key.");

    /// <summary>CFG079: an assumption that contradicts the default the contract gives the field.</summary>
    public static readonly ContractDiagnosticDescriptor AssumptionAgainstDefault = Error(
        "CFG079", "Assumption contradicts the field's default", "{0} is '{1}', but {2} is '{3}', the value the service applies when a request leaves the field out", "A field's default is what the service does when a request leaves the field out, and estimates assume it without being told. An assumption of another value contradicts the contract; remove it (or fix the default).");

    /// <summary>CFG080: a generated type named like a .NET type of a namespace most files import.</summary>
    public static readonly ContractDiagnosticDescriptor ShadowsDotNetType = Error(
        "CFG080", "Type named like a common .NET type", "{0} ('{1}') generates the type '{2}', the name of {3}", "Code that imports the SDK's namespace and the .NET one (implicit usings import System, System.IO, System.Net.Http, System.Threading and System.Threading.Tasks) could name neither type without qualifying it (CS0104). Rename it: model and enum names are not sent on the wire.");

    /// <summary>Every descriptor, by id.</summary>
    public static readonly IReadOnlyList<ContractDiagnosticDescriptor> All =
    [
        InternalError, InvalidYaml, UnknownKey, MissingKey, WrongNodeKind, NotAllowedValue, UnknownType,
        UnknownField, DefaultModelNotInAction, MinAboveMax, DuplicateKey, KeyNotForType, UnsupportedVersion,
        NestedTooDeep, InvalidCSharpName, TypeInOtherContract, CommaEndedValue, NotANumber, NotAWholeNumber,
        OutOfRange, PathNotRooted, NotAnHttpUrl, NotPascalCase, UnpairedSurrogate, UnknownModel, UnknownAction,
        UnknownEndpoint, UnknownEnumValue, DuplicateEntry, SameCSharpName, NameTakenByGenerator, MemberNamedLikeType,
        TypeNamesDifferInCase, KeyNeedsKey, ExactlyOneKey, RuleArrayCount, RulePathBroken, LookupActionShape,
        TaskIdNotInSubmitResponse, FieldAlreadyShared, RulePathPastValue, GeneratedFileTaken, DefaultBreaksRule,
        DefaultOnRequiredField, PatternDoesNotCompile, PatternNotPortable, ValueOutsideBounds,
        SeveralActionsWithoutDiscriminator, DefaultModelNotInEndpoint, NarrowedModelNotInEndpoint, NarrowedModelDeclared, KeyNeedsFormat2,
        NarrowingLeavesOutDefault, RuleShape, RuleNeedsTwoFields, RuleOnRequiredField, RuleFitsNoAction,
        QuantityFieldType, BillingBothForms, KeyNotForUnit, RateKeyFieldType, UnknownPricedModel,
        ActionPricedTwice, RateShadowed, RateMatchesNoRequest, NoRateForRequest, AssumptionAgainstDefault,
        ShadowsDotNetType,
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
