using ContractFirst.Contract;
using ContractFirst.Contract.Model;
using HappyHorse.Emulator.Serving;

namespace HappyHorse.Emulator;

/// <summary>
/// A contract an emulator serves: read and checked once, shareable between emulators. <see cref="HappyHorse"/> is the
/// copy of spec/happyhorse.yaml embedded at build time; <see cref="FromFile"/> reads any contract of the same format.
/// </summary>
public sealed class EmulatedContract
{
    private const string ResourceName = "HappyHorse.Emulator.happyhorse.yaml";

    private static readonly Lazy<EmulatedContract> s_happyHorse = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private EmulatedContract(ContractSpec contract)
    {
        Api = new ServedApi(contract);
    }

    /// <summary>Gets the HappyHorse Videos API, from the copy of spec/happyhorse.yaml embedded at build time.</summary>
    public static EmulatedContract HappyHorse => s_happyHorse.Value;

    /// <summary>Gets the API's title, for example <c>HappyHorse Videos API</c>.</summary>
    public string Title => Api.Contract.Api.Title;

    /// <summary>Gets the paths of the contract's endpoints, for example <c>/happyhorse/videos</c>.</summary>
    public IReadOnlyList<string> Paths => [.. Api.Contract.Endpoints.Select(e => e.Path)];

    internal ServedApi Api { get; }

    /// <summary>Reads a contract from a YAML file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The contract.</returns>
    /// <exception cref="ContractException">The contract has errors; its message lists each with file, line and column.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static EmulatedContract FromFile(string path) => new(ContractParser.Load(path));

    /// <summary>Reads a contract from YAML text.</summary>
    /// <param name="fileName">The file name diagnostics name.</param>
    /// <param name="yaml">The contract.</param>
    /// <returns>The contract.</returns>
    /// <exception cref="ContractException">The contract has errors; its message lists each with file, line and column.</exception>
    public static EmulatedContract FromYaml(string fileName, string yaml) => new(ContractParser.ParseValid(fileName, yaml));

    private static EmulatedContract Load()
    {
        using var stream = typeof(EmulatedContract).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded contract {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return FromYaml("happyhorse.yaml", reader.ReadToEnd());
    }
}
