using ContractFirst.Contract;
using ContractFirst.Contract.Model;
using HappyHorse.Emulator.Tests.Support;
using HappyHorse.Emulator.Validation;

namespace HappyHorse.Emulator.Tests.Rules;

/// <summary>
/// String lengths are counted in code points at any depth, inside request objects and the items of lists too:
/// a count of UTF-16 units would make an emoji two characters, and a check that stopped at the top level would miss them.
/// </summary>
public sealed class NestedLengthTests
{
    private const string Yaml = """
        contract: 2
        api: { name: Notes, base_url: https://notes.example }
        objects:
          Note:
            fields:
              text: { type: string, max_length: 5, required: true }
              tags: { type: array, items: Tag }
          Tag:
            fields:
              label: { type: string, min_length: 2, required: true }
        endpoints:
          notes:
            path: /notes
            response: Saved
            fields:
              note: { type: Note }
            actions:
              save: { fields: { note: required } }
        models:
          Saved:
            fields:
              id: { type: string }
        errors:
          cases:
            - { status: 400, exception: BadRequest }
        """;

    private static readonly ContractSpec Contract = ContractParser.ParseValid("notes.yaml", Yaml);

    [Theory]
    [InlineData("""{ "note": { "text": "hello", "tags": [{ "label": "ok" }] } }""", null)]
    [InlineData("""{ "note": { "text": "🎵🎵🎵🎵🎵" } }""", null)]
    [InlineData("""{ "note": { "text": "toolong" } }""", "note.text must be between 1 and 5 characters (was 7)")]
    [InlineData("""{ "note": { "text": "hi", "tags": [{ "label": "ok" }, { "label": "x" }] } }""", "note.tags[1].label must be at least 2 characters (was 1)")]
    public void LengthsInsideObjectsAndListsAreCountedInCodePoints(string body, string? expected)
    {
        var endpoint = Contract.Endpoints.Single();

        var valid = new RequestValidator(Contract, endpoint).TryValidate(body, out _, out var error);

        Assert.Equal(expected is null, valid);
        if (expected is not null)
        {
            Assert.Contains(expected, error, StringComparison.Ordinal);
        }
    }
}
