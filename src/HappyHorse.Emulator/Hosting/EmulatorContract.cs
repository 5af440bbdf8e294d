using ContractFirst.Contract;
using ContractFirst.Contract.Model;
using ContractFirst.Schema;
using HappyHorse.Emulator.Endpoints;
using HappyHorse.Emulator.Validation;

namespace HappyHorse.Emulator.Hosting;

/// <summary>
/// The contract the emulator implements, read once per process from the copy of spec/happyhorse.yaml
/// embedded at build time. Schemas are exported from it on the spot (the same code that writes the
/// committed spec/schemas files, which a test keeps equal), so nothing here can drift from the YAML.
/// </summary>
internal sealed class EmulatorContract
{
    private const string ResourceName = "HappyHorse.Emulator.happyhorse.yaml";

    private static readonly Lazy<EmulatorContract> s_instance = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private EmulatorContract(ContractSchemaSet schemas)
    {
        Document = schemas.Contract;
        Videos = Document.GetEndpoint("videos");
        Tasks = Document.GetEndpoint("tasks");
        VideosValidator = new RequestValidator(Videos, schemas);
        TasksValidator = new RequestValidator(Tasks, schemas);

        // The codes the emulator answers with are API facts: refuse to start if the contract stopped listing them.
        ApiErrors.EnsureDocumented(Document);
    }

    public static EmulatorContract Instance => s_instance.Value;

    public ContractSpec Document { get; }

    public EndpointSpec Videos { get; }

    public EndpointSpec Tasks { get; }

    public RequestValidator VideosValidator { get; }

    public RequestValidator TasksValidator { get; }

    /// <summary>Reads another contract of the same shape (endpoints videos and tasks, the same errors), priced by its own billing section, for tests.</summary>
    /// <param name="fileName">The file name diagnostics name.</param>
    /// <param name="yaml">The contract.</param>
    /// <returns>The contract, with its schemas exported.</returns>
    /// <exception cref="ContractException">The contract has errors.</exception>
    public static EmulatorContract FromYaml(string fileName, string yaml) =>
        new(ContractSchemaExporter.Export(ContractParser.ParseValid(fileName, yaml)));

    private static EmulatorContract Load()
    {
        using var stream = typeof(EmulatorContract).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded contract {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return FromYaml("happyhorse.yaml", reader.ReadToEnd());
    }
}
