using ContractFirst.Contract.Model;
using HappyHorse.Emulator.Validation;

namespace HappyHorse.Emulator.Serving;

/// <summary>One endpoint as the emulator serves it.</summary>
internal sealed record ServedEndpoint(EndpointSpec Spec, RequestValidator Validator);

/// <summary>
/// How the emulator serves one contract, worked out once: the endpoint behind each path with its validator, how
/// tasks are looked up, the shapes of the answers and the error answers. Submit endpoints start tasks; the lookups
/// answer task records; any other read answers an example of its response model.
/// </summary>
internal sealed class ServedApi
{
    public ServedApi(ContractSpec contract)
    {
        Contract = contract;
        Lookup = TaskLookup.From(contract);
        Shapes = new ResponseShapes(contract, Lookup);
        Errors = new ErrorCatalog(contract.Errors);
        var schemas = ContractFirst.Schema.ContractSchemaExporter.Export(contract); // TEMP
        Endpoints = contract.Endpoints.ToDictionary(e => e.Path, e => new ServedEndpoint(e, new RequestValidator(e, schemas)), StringComparer.Ordinal);
    }

    public ContractSpec Contract { get; }

    /// <summary>Gets the endpoints by path.</summary>
    public IReadOnlyDictionary<string, ServedEndpoint> Endpoints { get; }

    public TaskLookup Lookup { get; }

    public ResponseShapes Shapes { get; }

    public ErrorCatalog Errors { get; }
}
