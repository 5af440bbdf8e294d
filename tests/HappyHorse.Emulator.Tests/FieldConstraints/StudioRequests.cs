using ContractFirst.Contract;
using ContractFirst.Contract.Model;
using ContractFirst.Schema;
using HappyHorse.Emulator.Tests.Support;
using HappyHorse.Emulator.Validation;
using Studio;

namespace HappyHorse.Emulator.Tests.FieldConstraints;

/// <summary>
/// The Studio contract (tests/ContractFirst.Generator.Tests/Contracts/field-constraints.yaml), generated into this
/// project as namespace <c>Studio</c>: its parsed model, its exported schemas, and sample requests.
/// </summary>
internal static class StudioRequests
{
    public static ContractSpec Contract { get; } = ContractParser.Load(Repo.PathOf("tests", "ContractFirst.Generator.Tests", "Contracts", "field-constraints.yaml"));

    public static ContractSchemaSet Schemas { get; } = ContractSchemaExporter.Export(Contract);

    public static EndpointSpec Images => Contract.GetEndpoint("images");

    /// <summary>The emulator's validation of the images endpoint, built from the contract as the emulator builds it.</summary>
    public static RequestValidator Validator { get; } = new(Contract, Images);

    /// <summary>Every field set, each to a valid value at or near a limit (emoji count once toward a length).</summary>
    public static CreateRequest FullCreate() => new("a horse on a beach 😀")
    {
        NegativePrompt = string.Concat(Enumerable.Repeat("😀", 200)),
        AspectRatio = "16:9",
        Tag = "AB12",
        Steps = 100,
        Duration = 10,
        Strength = 0.25,
        Guidance = 7.5,
        MaxBytes = 4294967296,
        Upscale = true,
        Style = Style.Sketch,
        CallbackUrl = "https://hooks.example.com/studio",
    };

    public static PreviewRequest FullPreview() => new(new string('p', 200), "ZZ99")
    {
        NegativePrompt = new string('n', 50),
        Steps = 20,
        Duration = 5,
        Style = Style.Value3d,
        CallbackUrl = "https://hooks.example.com/studio",
    };
}
