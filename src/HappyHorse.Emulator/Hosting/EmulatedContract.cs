using ContractFirst.Contract;
using ContractFirst.Contract.Model;
using ContractFirst.Schema;
using HappyHorse.Emulator.Endpoints;
using HappyHorse.Emulator.Validation;

namespace HappyHorse.Emulator;

/// <summary>
/// A contract an emulator serves: read and checked once, shareable between emulators. <see cref="HappyHorse"/> is the
/// copy of spec/happyhorse.yaml embedded at build time; <see cref="FromFile"/> reads any contract of the same format.
/// </summary>
public sealed class EmulatedContract
{
    private const string ResourceName = "HappyHorse.Emulator.happyhorse.yaml";

    private static readonly Lazy<EmulatedContract> s_happyHorse = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private EmulatedContract(ContractSchemaSet schemas)
    {
        Document = schemas.Contract;
        Videos = Document.GetEndpoint("videos");
        Tasks = Document.GetEndpoint("tasks");
        VideosValidator = new RequestValidator(Document, Videos);
        TasksValidator = new RequestValidator(Document, Tasks);

        // The codes the emulator answers with are API facts: refuse to start if the contract stopped listing them.
        ApiErrors.EnsureDocumented(Document);
    }

    /// <summary>Gets the HappyHorse Videos API, from the copy of spec/happyhorse.yaml embedded at build time.</summary>
    public static EmulatedContract HappyHorse => s_happyHorse.Value;

    /// <summary>Gets the API's title, for example <c>HappyHorse Videos API</c>.</summary>
    public string Title => Document.Api.Title;

    internal ContractSpec Document { get; }

    internal EndpointSpec Videos { get; }

    internal EndpointSpec Tasks { get; }

    internal RequestValidator VideosValidator { get; }

    internal RequestValidator TasksValidator { get; }

    /// <summary>Reads a contract from a YAML file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The contract.</returns>
    /// <exception cref="ContractException">The contract has errors; its message lists each with file, line and column.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static EmulatedContract FromFile(string path) => FromYaml(Path.GetFileName(path), File.ReadAllText(path));

    /// <summary>Reads a contract from YAML text.</summary>
    /// <param name="fileName">The file name diagnostics name.</param>
    /// <param name="yaml">The contract.</param>
    /// <returns>The contract.</returns>
    /// <exception cref="ContractException">The contract has errors; its message lists each with file, line and column.</exception>
    public static EmulatedContract FromYaml(string fileName, string yaml) =>
        new(ContractSchemaExporter.Export(ContractParser.ParseValid(fileName, yaml)));

    private static EmulatedContract Load()
    {
        using var stream = typeof(EmulatedContract).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded contract {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return FromYaml("happyhorse.yaml", reader.ReadToEnd());
    }
}
