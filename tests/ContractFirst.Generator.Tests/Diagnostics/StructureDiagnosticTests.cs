using System.Globalization;
using ContractFirst.Generator.Tests.Infrastructure;

namespace ContractFirst.Generator.Tests.Diagnostics;

/// <summary>
/// Diagnostics about the shape of a contract: YAML syntax, keys, node kinds, scalar values and
/// the format version.
/// </summary>
/// <remarks>
/// CFG000 (generator failure) has no test here on purpose: it is the catch-all that turns a bug
/// in the generator into a diagnostic instead of a crashed build, and no contract can trigger it
/// unless the generator has such a bug. <see cref="NeverThrowsTests"/> asserts it never appears.
/// </remarks>
public sealed class StructureDiagnosticTests
{
    /// <summary>
    /// A small valid contract. Every test here and in <see cref="SemanticDiagnosticTests"/> is a
    /// copy of it with one mistake (plus whatever the mistake needs, such as a field to put a bad
    /// bound on), so the one diagnostic expected is the only one.
    /// </summary>
    public const string Valid = """
        contract: 1
        api: { name: Demo, base_url: https://demo.example }
        endpoints:
          things:
            path: /things
            response: Thing
            actions:
              create:
        models:
          Thing:
            fields:
              id: { type: string }
        errors:
          cases:
            - { status: 400, exception: BadRequest }
        """;

    [Fact]
    public void ValidContractHasNoDiagnostics()
    {
        var result = GeneratorRunner.Run(Valid);

        Assert.Null(result.Exception);
        Assert.Empty(result.Diagnostics);
        Assert.NotEmpty(result.GeneratedSources);
    }

    [Fact]
    public void Cfg001UnclosedFlowMapping()
    {
        var diagnostic = DiagnosticAssert.Reports("""
            contract: 1
            api: { name: Demo, base_url: https://demo.example
            endpoints:
              things:
                path: /things
            """,
            // YamlDotNet gives up where the next block key starts; the open '{' is on the line above.
            "CFG001", 3, 1, 3, 1, "");
        Assert.StartsWith("Invalid YAML: ", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Cfg016AnUnquotedCommaEndedAValue()
    {
        var diagnostic = DiagnosticAssert.Reports("""
            contract: 1
            api: { name: Demo, base_url: https://demo.example }
            endpoints:
              things:
                path: /things
                response: Thing
                actions:
                  create:
            models:
              Thing:
                fields:
                  id: { type: string, description: Fast, cheap }
            errors:
              cases:
                - { status: 400, exception: BadRequest }
            """,
            "CFG016", 12, 46, 12, 51, "cheap");
        Assert.Equal(
            "'cheap' became a key of models.Thing.fields.id because a comma ends an unquoted value inside { … }; quote the value of 'description' to keep the comma",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Cfg002MisspeltKey()
    {
        var diagnostic = DiagnosticAssert.Reports("""
            contract: 1
            api: { name: Demo, base_url: https://demo.example }
            endpoints:
              things:
                path: /things
                descripton: Things.
                response: Thing
                actions:
                  create:
            models:
              Thing:
                fields:
                  id: { type: string }
            errors:
              cases:
                - { status: 400, exception: BadRequest }
            """,
            "CFG002", 6, 5, 6, 15, "descripton");
        Assert.StartsWith("Unknown key 'descripton' in endpoints.things; expected one of: path, ", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Cfg003MissingRequiredKey()
    {
        var diagnostic = DiagnosticAssert.Reports("""
            contract: 1
            api: { name: Demo, base_url: https://demo.example }
            endpoints:
              things:
                response: Thing
                actions:
                  create:
            models:
              Thing:
                fields:
                  id: { type: string }
            errors:
              cases:
                - { status: 400, exception: BadRequest }
            """,
            // Reported at the key that owns the incomplete mapping.
            "CFG003", 4, 3, 4, 9, "things");
        Assert.Equal("endpoints.things is missing the required key 'path'", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Cfg004ListWhereAMappingBelongs()
    {
        var diagnostic = DiagnosticAssert.Reports("""
            contract: 1
            api: { name: Demo, base_url: https://demo.example }
            endpoints:
              things:
                path: /things
                response: Thing
                actions:
                  create:
            models:
              Thing:
                fields: [id, name]
            errors:
              cases:
                - { status: 400, exception: BadRequest }
            """,
            // A list is located at its opening bracket.
            "CFG004", 11, 13, 11, 13, "");
        Assert.Equal("models.Thing.fields must be a mapping", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Cfg004ActionsAsAList()
    {
        // The wrong kind is the only report: not also "missing the required key 'actions'".
        var diagnostic = DiagnosticAssert.Reports("""
            contract: 1
            api: { name: Demo, base_url: https://demo.example }
            endpoints:
              things:
                path: /things
                response: Thing
                actions: [create]
            models:
              Thing:
                fields:
                  id: { type: string }
            errors:
              cases:
                - { status: 400, exception: BadRequest }
            """,
            "CFG004", 7, 14, 7, 14, "");
        Assert.Equal("endpoints.things.actions must be a mapping", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Cfg017NonNumericMin()
    {
        var diagnostic = DiagnosticAssert.Reports("""
            contract: 1
            api: { name: Demo, base_url: https://demo.example }
            endpoints:
              things:
                path: /things
                response: Thing
                fields:
                  count: { type: integer, min: three }
                actions:
                  create:
            models:
              Thing:
                fields:
                  id: { type: string }
            errors:
              cases:
                - { status: 400, exception: BadRequest }
            """,
            "CFG017", 8, 36, 8, 41, "three");
        Assert.Equal("endpoints.things.fields.count.min is 'three', which is not a number", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Cfg012UnsupportedContractVersion()
    {
        var diagnostic = DiagnosticAssert.Reports("""
            contract: 3
            api: { name: Demo, base_url: https://demo.example }
            endpoints:
              things:
                path: /things
                response: Thing
                actions:
                  create:
            models:
              Thing:
                fields:
                  id: { type: string }
            errors:
              cases:
                - { status: 400, exception: BadRequest }
            """,
            "CFG012", 1, 11, 1, 12, "3");
        Assert.Contains("'3' is not supported", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }
}
