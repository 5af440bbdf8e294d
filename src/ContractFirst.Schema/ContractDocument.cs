using System.Collections.ObjectModel;
using ContractFirst.Generator.Model;
using ContractFirst.Generator.Parsing;

namespace ContractFirst.Schema;

/// <summary>
/// A parsed contract: the facts tools need (endpoints, actions, models, errors, billing), read with the
/// generator's own parser so tools and the generated SDK can never disagree about what the YAML says.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ContractDocument
{
    private ContractDocument(ContractSpec spec, string sourcePath)
    {
        Spec = spec;
        SourcePath = sourcePath;
        ApiName = spec.Api.Name;
        Title = spec.Api.Title;
        BaseUrl = spec.Api.BaseUrl;
        Endpoints = spec.Endpoints.Select(e => new ContractEndpoint(e, spec)).ToArray();
        ModelNames = spec.Models.Select(m => m.Name).ToArray();
        ErrorCases = spec.Errors.Cases.Select(c => new ContractErrorCase(c)).ToArray();
        ErrorBody = new ContractErrorBody(spec.Errors.CodePath, spec.Errors.MessagePath, spec.Errors.TraceIdPath);
        Billing = spec.Billing is null ? null : new ContractBilling(spec.Billing);
    }

    /// <summary>Gets the path the contract was read from (used in diagnostics).</summary>
    public string SourcePath { get; }

    /// <summary>Gets the API's PascalCase name.</summary>
    public string ApiName { get; }

    /// <summary>Gets the API's human-readable title.</summary>
    public string Title { get; }

    /// <summary>Gets the service's base URL, without a trailing slash.</summary>
    public string BaseUrl { get; }

    /// <summary>Gets the endpoints in contract order.</summary>
    public IReadOnlyList<ContractEndpoint> Endpoints { get; }

    /// <summary>Gets the names of the response models in contract order.</summary>
    public IReadOnlyList<string> ModelNames { get; }

    /// <summary>Gets the documented error cases in contract order.</summary>
    public IReadOnlyList<ContractErrorCase> ErrorCases { get; }

    /// <summary>Gets where error bodies keep their code, message and trace id.</summary>
    public ContractErrorBody ErrorBody { get; }

    /// <summary>Gets the billing rates, or <see langword="null"/> when the contract has none.</summary>
    public ContractBilling? Billing { get; }

    internal ContractSpec Spec { get; }

    /// <summary>Reads and parses a contract file.</summary>
    /// <param name="path">The YAML file.</param>
    /// <returns>The contract.</returns>
    /// <exception cref="ContractException">The contract has errors; the exception lists them with line and column.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ContractDocument Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Parse(path, File.ReadAllText(path));
    }

    /// <summary>Parses a contract from its text.</summary>
    /// <param name="path">The file name to report in diagnostics.</param>
    /// <param name="yaml">The YAML text.</param>
    /// <returns>The contract.</returns>
    /// <exception cref="ContractException">The contract has errors; the exception lists them with line and column.</exception>
    public static ContractDocument Parse(string path, string yaml)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(yaml);
        var result = SpecParser.Parse(new ContractInput(path, yaml, null, null), CancellationToken.None);
        if (result.Spec is null || result.Diagnostics.Count > 0)
        {
            var diagnostics = result.Diagnostics.Select(ContractDiagnostic.From).ToArray();
            throw new ContractException(path, diagnostics.Length > 0
                ? diagnostics
                : [new ContractDiagnostic("CFG000", "The contract could not be read.", path, 1, 1)]);
        }

        return new ContractDocument(result.Spec, path);
    }

    /// <summary>Gets an endpoint by its contract key.</summary>
    /// <param name="key">The key, for example <c>videos</c>.</param>
    /// <returns>The endpoint.</returns>
    /// <exception cref="KeyNotFoundException">The contract has no such endpoint.</exception>
    public ContractEndpoint GetEndpoint(string key) =>
        Endpoints.FirstOrDefault(e => e.Key == key) ?? throw new KeyNotFoundException($"The contract has no endpoint '{key}'.");
}

/// <summary>One POST endpoint whose operations are selected by a discriminator field.</summary>
public sealed class ContractEndpoint
{
    internal ContractEndpoint(EndpointSpec spec, ContractSpec contract)
    {
        Key = spec.Key;
        Path = spec.Path;
        Description = spec.Description;
        IsSubmit = spec.Kind == EndpointKind.Submit;
        TimeoutSeconds = spec.TimeoutSeconds;
        Discriminator = spec.Discriminator;
        DefaultAction = spec.DefaultAction;
        ModelField = spec.ModelField;
        Actions = spec.Actions.Select(a => new ContractAction(spec.Key, a, contract)).ToArray();
    }

    /// <summary>Gets the contract's key of the endpoint, for example <c>videos</c>.</summary>
    public string Key { get; }

    /// <summary>Gets the request path, starting with <c>/</c>.</summary>
    public string Path { get; }

    /// <summary>Gets the description, if any.</summary>
    public string? Description { get; }

    /// <summary>Gets a value indicating whether calls start billable work (<c>kind: submit</c>).</summary>
    public bool IsSubmit { get; }

    /// <summary>Gets the per-attempt timeout the contract sets.</summary>
    public int TimeoutSeconds { get; }

    /// <summary>Gets the JSON field that selects the action, for example <c>action</c>.</summary>
    public string Discriminator { get; }

    /// <summary>Gets the action the service assumes when the discriminator is absent, or <see langword="null"/>.</summary>
    public string? DefaultAction { get; }

    /// <summary>Gets the JSON field that carries the model id, or <see langword="null"/> when actions have no models.</summary>
    public string? ModelField { get; }

    /// <summary>Gets the actions in contract order.</summary>
    public IReadOnlyList<ContractAction> Actions { get; }

    /// <summary>Finds an action by its discriminator value.</summary>
    /// <param name="value">The discriminator value.</param>
    /// <returns>The action, or <see langword="null"/>.</returns>
    public ContractAction? FindAction(string? value) => Actions.FirstOrDefault(a => a.Value == value);

    /// <summary>Finds the action whose model list holds <paramref name="model"/>.</summary>
    /// <param name="model">A model id.</param>
    /// <returns>The action, or <see langword="null"/> when no action lists the model.</returns>
    public ContractAction? FindActionOfModel(string? model) => Actions.FirstOrDefault(a => a.Models.Contains(model ?? ""));
}

/// <summary>One operation of an endpoint.</summary>
public sealed class ContractAction
{
    internal ContractAction(string endpointKey, ActionSpec spec, ContractSpec contract)
    {
        EndpointKey = endpointKey;
        Value = spec.Value;
        Description = spec.Description;
        Models = spec.Models.Select(m => m.Id).ToArray();
        DefaultModel = spec.DefaultModel;
        Response = spec.Response;
        Fields = spec.Fields.Select(f => new ContractField(f, contract)).ToArray();
    }

    /// <summary>Gets the key of the endpoint the action belongs to.</summary>
    public string EndpointKey { get; }

    /// <summary>Gets the discriminator value, for example <c>image_to_video</c>.</summary>
    public string Value { get; }

    /// <summary>Gets the description, if any.</summary>
    public string? Description { get; }

    /// <summary>Gets the model ids the action accepts, in contract order; empty when the endpoint has no model field.</summary>
    public IReadOnlyList<string> Models { get; }

    /// <summary>Gets the model assumed when a request names none, or <see langword="null"/>.</summary>
    public string? DefaultModel { get; }

    /// <summary>Gets the name of the response model.</summary>
    public string Response { get; }

    /// <summary>Gets the request fields in JSON order (the action's own, then the shared ones); the discriminator and model are not listed.</summary>
    public IReadOnlyList<ContractField> Fields { get; }
}

/// <summary>One request field of an action, with its constraints resolved for that action.</summary>
public sealed class ContractField
{
    internal ContractField(FieldSpec spec, ContractSpec contract)
    {
        JsonName = spec.JsonName;
        Type = spec.Type.IsArray ? "array" : TypeName(spec.Type);
        ItemType = spec.Type.IsArray ? TypeName(spec.Type) : null;
        Required = spec.Required;
        Min = spec.Min;
        Max = spec.Max;
        MinItems = spec.MinItems;
        MaxItems = spec.MaxItems;
        Description = spec.Description;
        var enumSpec = spec.Type.Kind == FieldKind.Enum ? contract.Enums.FirstOrDefault(e => e.Name == spec.Type.Name) : null;
        AllowedValues = enumSpec is null ? [] : enumSpec.Values.Select(v => v.Value).ToArray();
    }

    /// <summary>Gets the JSON name.</summary>
    public string JsonName { get; }

    /// <summary>Gets the type as the contract writes it: <c>string</c>, <c>url</c>, <c>integer</c>, <c>number</c>, <c>boolean</c>, <c>array</c> or an enum name.</summary>
    public string Type { get; }

    /// <summary>Gets the element type of an array, or <see langword="null"/>.</summary>
    public string? ItemType { get; }

    /// <summary>Gets a value indicating whether the action requires the field.</summary>
    public bool Required { get; }

    /// <summary>Gets the inclusive lower bound of a number, or <see langword="null"/>.</summary>
    public decimal? Min { get; }

    /// <summary>Gets the inclusive upper bound of a number, or <see langword="null"/>.</summary>
    public decimal? Max { get; }

    /// <summary>Gets the inclusive lower bound of an array's length, or <see langword="null"/>.</summary>
    public int? MinItems { get; }

    /// <summary>Gets the inclusive upper bound of an array's length, or <see langword="null"/>.</summary>
    public int? MaxItems { get; }

    /// <summary>Gets the description, if any.</summary>
    public string? Description { get; }

    /// <summary>Gets the JSON strings an enum field (or an array of enums) accepts; empty for other types.</summary>
    public IReadOnlyList<string> AllowedValues { get; }

    private static string TypeName(TypeRef type) => type.Kind switch
    {
        FieldKind.Enum or FieldKind.Model => type.Name!,
        _ => type.Kind.ToString().ToLowerInvariant(),
    };
}

/// <summary>One documented error: a status and the codes seen with it.</summary>
public sealed class ContractErrorCase
{
    internal ContractErrorCase(ErrorCaseSpec spec)
    {
        Status = spec.Status;
        Codes = spec.Codes.ToArray();
        ExceptionName = spec.ExceptionName;
        Retryable = spec.Retryable;
        Description = spec.Description;
    }

    /// <summary>Gets the HTTP status.</summary>
    public int Status { get; }

    /// <summary>Gets the error codes of this case; empty means any code of the status that no other case lists.</summary>
    public IReadOnlyList<string> Codes { get; }

    /// <summary>Gets the stem of the exception type the SDK throws, for example <c>RateLimited</c>.</summary>
    public string ExceptionName { get; }

    /// <summary>Gets a value indicating whether the server provably started nothing billable, so a retry is safe.</summary>
    public bool Retryable { get; }

    /// <summary>Gets the description, if any.</summary>
    public string? Description { get; }
}

/// <summary>Where an error body keeps its parts, as dotted JSON paths.</summary>
/// <param name="CodePath">The path of the error code, for example <c>error.code</c>.</param>
/// <param name="MessagePath">The path of the message, for example <c>error.message</c>.</param>
/// <param name="TraceIdPath">The path of the trace id, for example <c>trace_id</c>.</param>
public sealed record ContractErrorBody(string CodePath, string MessagePath, string TraceIdPath);

/// <summary>Per-second rates keyed by one enum field's value.</summary>
public sealed class ContractBilling
{
    internal ContractBilling(BillingSpec spec)
    {
        EndpointKey = spec.EndpointKey;
        Currency = spec.Currency;
        Description = spec.Description;
        RateField = spec.RateField;
        Rates = new ReadOnlyDictionary<string, decimal>(spec.Rates.ToDictionary(r => r.Value, r => r.PerSecond, StringComparer.Ordinal));
        DurationField = spec.DurationField;
        AssumedRateValue = spec.AssumedRateValue ?? spec.Rates[0].Value;
        AssumedDuration = spec.AssumedDuration;
        InputPlusOutputActions = spec.InputPlusOutputActions.ToArray();
    }

    /// <summary>Gets the key of the billed endpoint.</summary>
    public string EndpointKey { get; }

    /// <summary>Gets the ISO 4217 currency code.</summary>
    public string Currency { get; }

    /// <summary>Gets the description, if any.</summary>
    public string? Description { get; }

    /// <summary>Gets the JSON field whose value selects the rate.</summary>
    public string RateField { get; }

    /// <summary>Gets the price per second by rate-field value.</summary>
    public IReadOnlyDictionary<string, decimal> Rates { get; }

    /// <summary>Gets the JSON field holding the output seconds, or <see langword="null"/>.</summary>
    public string? DurationField { get; }

    /// <summary>Gets the rate-field value assumed when a request leaves it unset (the first rate when the contract assumes none).</summary>
    public string AssumedRateValue { get; }

    /// <summary>Gets the seconds assumed when a request leaves the duration unset, or <see langword="null"/>.</summary>
    public int? AssumedDuration { get; }

    /// <summary>Gets the actions billed on input plus output duration.</summary>
    public IReadOnlyList<string> InputPlusOutputActions { get; }
}
