using System.Diagnostics;
using System.Text;
using ContractFirst.Contract;
using ContractFirst.Contract.Model;
using HappyHorse.Emulator.Validation;

namespace HappyHorse.Emulator.Tests.Validation;

/// <summary>
/// Numbers and patterns at their edges. An integer is a whole number, as JSON Schema has it (<c>3.0</c> and <c>1e2</c>
/// are integers and reach the body as <c>3</c> and <c>100</c>), within 64 bits; a number is finite; a huge value
/// (<c>1e400</c>), a tiny one or a fraction is a clear error naming the value as sent, never an exception. A pattern
/// is searched, not anchored, and a value that makes it run past its timeout is refused.
/// </summary>
public sealed class ValueShapeTests
{
    private const string Yaml = """
        contract: 2
        api: { name: Shapes, base_url: https://shapes.example }
        endpoints:
          shapes:
            path: /shapes
            response: Saved
            fields:
              count: { type: integer }
              level: { type: integer, min: 1, max: 5 }
              ratio: { type: number }
              weight: { type: number, min: 0, max: 1 }
              ids: { type: array, items: integer }
              code: { type: string, pattern: '[0-9]' }
              slow: { type: string, pattern: '^(a|aa)+$' }
            actions:
              save:
                fields: { count: optional, level: optional, ratio: optional, weight: optional, ids: optional, code: optional, slow: optional }
        models:
          Saved:
            fields:
              id: { type: string }
        errors:
          cases:
            - { status: 400, exception: BadRequest }
        """;

    private static readonly ContractSpec Contract = ContractParser.ParseValid("shapes.yaml", Yaml);

    private static readonly RequestValidator Validator = new(Contract, Contract.Endpoints.Single());

    [Theory]
    [InlineData("""{ "count": 3.0 }""", "count", "3")]
    [InlineData("""{ "count": 1e2 }""", "count", "100")]
    [InlineData("""{ "count": 12.50e1 }""", "count", "125")]
    [InlineData("""{ "count": -9223372036854775808 }""", "count", "-9223372036854775808")]
    [InlineData("""{ "level": 5.000 }""", "level", "5")]
    [InlineData("""{ "ids": [1.0, 2E0] }""", "ids", "[1,2]")]
    [InlineData("""{ "ratio": 1e300 }""", "ratio", "1e300")]
    [InlineData("""{ "ratio": 1e-400 }""", "ratio", "1e-400")]
    [InlineData("""{ "weight": 0.5 }""", "weight", "0.5")]
    [InlineData("""{ "code": "abc1def" }""", "code", "\"abc1def\"")]
    public void AValidNumberOrTextReachesTheBodyAsTheServiceReadsIt(string body, string field, string json)
    {
        var outcome = Validator.Validate(Encoding.UTF8.GetBytes(body), strict: true);

        Assert.True(outcome.Request is not null, outcome.Error);
        Assert.Equal(json, outcome.Request.Body[field]!.ToJsonString());
    }

    [Fact]
    public void AnIntegerSentWithAFractionOfZeroCanBeReadAsAnyIntegerType()
    {
        var body = Validator.Validate("""{ "count": 3.0, "level": 4e0 }"""u8, strict: true).Request!.Body;

        Assert.Equal(3, body["count"]!.GetValue<int>());
        Assert.Equal(4L, body["level"]!.GetValue<long>());
        Assert.Equal(4m, body["level"]!.GetValue<decimal>());
    }

    [Theory]
    [InlineData("""{ "count": 5.5 }""", "count must be an integer (was 5.5)")]
    [InlineData("""{ "count": 1e-400 }""", "count must be an integer (was 1e-400)")]
    [InlineData("""{ "count": "5" }""", "count must be an integer (was \"5\")")]
    [InlineData("""{ "count": null }""", "count must be an integer (was null)")]
    [InlineData("""{ "count": 1e400 }""", "count must be an integer between -9223372036854775808 and 9223372036854775807 (was 1e400)")]
    [InlineData("""{ "count": 9223372036854775808 }""", "count must be an integer between -9223372036854775808 and 9223372036854775807 (was 9223372036854775808)")]
    [InlineData("""{ "level": 1e400 }""", "level must be between 1 and 5 (was 1e400)")]
    [InlineData("""{ "level": -1e400 }""", "level must be between 1 and 5 (was -1e400)")]
    [InlineData("""{ "level": 5.0000000000000000000000000000001 }""", "level must be an integer (was 5.0000000000000000000000000000001)")]
    [InlineData("""{ "level": 0 }""", "level must be between 1 and 5 (was 0)")]
    [InlineData("""{ "ratio": 1e400 }""", "ratio must be a finite number (was 1e400)")]
    [InlineData("""{ "ratio": -1e400 }""", "ratio must be a finite number (was -1e400)")]
    [InlineData("""{ "ratio": true }""", "ratio must be a number (was true)")]
    [InlineData("""{ "weight": 1e400 }""", "weight must be between 0 and 1 (was 1e400)")]
    [InlineData("""{ "weight": 1.0000001 }""", "weight must be between 0 and 1 (was 1.0000001)")]
    [InlineData("""{ "ids": 1 }""", "ids must be an array (was 1)")]
    [InlineData("""{ "ids": [1, 2.5, "x", 1e400] }""", "ids[1] must be an integer (was 2.5); ids[2] must be an integer (was \"x\"); ids[3] must be an integer between -9223372036854775808 and 9223372036854775807 (was 1e400)")]
    [InlineData("""{ "code": "abc" }""", "code must match [0-9] (was \"abc\")")]
    [InlineData("""{ "code": 7 }""", "code must be a string (was 7)")]
    public void AValueOutsideItsTypeOrBoundsIsNamedAsSent(string body, string problems)
    {
        var outcome = Validator.Validate(Encoding.UTF8.GetBytes(body), strict: true);

        Assert.Null(outcome.Request);
        Assert.Equal($"Invalid save request: {problems}.", outcome.Error);
    }

    [Fact]
    public void AValueThatMakesAPatternRunPastItsTimeoutIsRefused()
    {
        var clock = Stopwatch.StartNew();

        var outcome = Validator.Validate(Encoding.UTF8.GetBytes($$"""{ "slow": "{{new string('a', 40)}}!" }"""), strict: true);

        Assert.StartsWith("Invalid save request: slow must match ^(a|aa)+$", outcome.Error, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        Assert.NotNull(Validator.Validate("""{ "slow": "aaaa" }"""u8, strict: true).Request);
    }
}
