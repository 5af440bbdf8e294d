using ContractFirst.Contract;
using ContractFirst.Contract.Model;
using HappyHorse.Emulator.Tests.Support;
using HappyHorse.Emulator.Validation;

namespace HappyHorse.Emulator.Tests.Rules;

/// <summary>
/// The emulator enforces rules between fields, as the SDK's validators and the exported schemas do
/// (tests/ContractFirst.Generator.Tests/Contracts/rules.yaml): a rule a body breaks is refused and named.
/// </summary>
public sealed class RuleValidationTests
{
    private static readonly ContractSpec Contract = ContractParser.Load(Repo.PathOf("tests", "ContractFirst.Generator.Tests", "Contracts", "rules.yaml"));

    [Theory]
    [InlineData("""{ "action": "extend", "video_id": "v-1" }""", null)]
    [InlineData("""{ "action": "extend", "video_id": "v-1", "video_url": "https://example.com/v.mp4" }""", "the request breaks the rule: Exactly one of video_id, video_url")]
    [InlineData("""{ "action": "extend" }""", "the request breaks the rule: Exactly one of video_id, video_url")]
    [InlineData("""{ "action": "generate", "prompt": "p", "model": "v1", "duration": 5 }""", null)]
    [InlineData("""{ "action": "generate", "prompt": "p", "model": "v1", "duration": 10 }""", "the request breaks the rule: When model is v1")]
    [InlineData("""{ "action": "generate", "end_image_url": "https://example.com/b.png", "prompt": "p" }""", "the request breaks the rule: An end frame needs a start frame")]
    [InlineData("""{ "action": "song", "custom": true }""", "the request breaks the rule: When custom is true")]
    [InlineData("""{ "action": "song", "sections": [{ "start": 0, "end": 5, "length": 5 }] }""", "the request breaks the rule: A section ends at a time or lasts a length, not both")]
    public void ABodyThatBreaksARuleIsRefusedWithTheRule(string body, string? expected)
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
