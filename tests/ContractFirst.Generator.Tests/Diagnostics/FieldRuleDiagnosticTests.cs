using System.Globalization;
using ContractFirst.Contract;
using ContractFirst.Generator.Tests.Infrastructure;

namespace ContractFirst.Generator.Tests.Diagnostics;

/// <summary>
/// Misuse of the format 2 field rules (default, min_length/max_length, pattern, values): each mistake is one
/// diagnostic, at the YAML node to fix, whose message names the place and the value; nothing is generated.
/// Every contract is <see cref="FieldContract"/> around the field (line 8) and the action override (line 12).
/// </summary>
public sealed class FieldRuleDiagnosticTests
{
    [Theory]
    // A default the field's own rules refuse.
    [InlineData("seconds: { type: integer, max: 15, default: 20 }", "CFG042", 51, 53, "endpoints.things.fields.seconds.default is '20', which breaks the field's max: 15")]
    [InlineData("seconds: { type: integer, values: [5, 10], default: 7 }", "CFG042", 59, 60, "endpoints.things.fields.seconds.default is '7', which breaks the field's values: 5, 10")]
    [InlineData(@"ratio: { type: string, pattern: '^\d+:\d+$', default: 16x9 }", "CFG042", 61, 65, @"endpoints.things.fields.ratio.default is '16x9', which breaks the field's pattern: ^\d+:\d+$")]
    // Lengths count code points (three emoji are three characters); messages show surrogates as code units, as every contract diagnostic does.
    [InlineData("mood: { type: string, max_length: 2, default: \"😀😀😀\" }", "CFG042", 53, 61, @"endpoints.things.fields.mood.default is '\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00', which breaks the field's max_length: 2")]
    // Patterns: .NET must compile them, and they must not use what only .NET reads.
    [InlineData("code: { type: string, pattern: '(?i)^[a-z]+$' }", "CFG045", 38, 52, "endpoints.things.fields.code.pattern is '(?i)^[a-z]+$', whose '(?i' is .NET-only syntax that ECMAScript (JSON Schema) rejects or reads differently")]
    // Values: within the bounds, numbers of the field's type, each once, at least one.
    [InlineData("seconds: { type: integer, max: 15, values: [5, 20] }", "CFG046", 54, 56, "endpoints.things.fields.seconds.values lists 20, outside the field's max: 15")]
    [InlineData("seconds: { type: integer, values: [5, 7.5] }", "CFG018", 45, 48, "endpoints.things.fields.seconds.values[1] is '7.5', which is not a whole number")]
    [InlineData("seconds: { type: number, values: [0.5, ten] }", "CFG017", 46, 49, "endpoints.things.fields.seconds.values[1] is 'ten', which is not a number")]
    [InlineData("seconds: { type: integer, values: [5, 5.0] }", "CFG028", 45, 48, "endpoints.things.fields.seconds.values lists '5.0' twice")]
    [InlineData("seconds: { type: integer, values: [] }", "CFG003", 33, 39, "endpoints.things.fields.seconds is missing the required key 'values (at least one)'")]
    // Lengths: whole numbers from 0, the lower no greater than the upper.
    [InlineData("name: { type: string, min_length: 5, max_length: 2 }", "CFG009", 41, 42, "endpoints.things.fields.name: min_length (5) is greater than max_length (2)")]
    [InlineData("name: { type: string, max_length: -1 }", "CFG019", 41, 43, "endpoints.things.fields.name.max_length is -1, outside the allowed range ≥ 0")]
    // A rule on a type it does not apply to.
    [InlineData("x: { type: string, values: [1, 2] }", "CFG011", 26, 32, "'values' does not apply to endpoints.things.fields.x, of type string; it applies to: integer, number")]
    [InlineData("x: { type: url, pattern: '^https' }", "CFG011", 23, 30, "'pattern' does not apply to endpoints.things.fields.x, of type url; it applies to: string")]
    [InlineData("x: { type: integer, min_length: 1 }", "CFG011", 27, 37, "'min_length' does not apply to endpoints.things.fields.x, of type integer; it applies to: string, url")]
    [InlineData("x: { type: array, items: string, max_length: 9 }", "CFG011", 40, 50, "'max_length' does not apply to endpoints.things.fields.x, of type array of string; it applies to: string, url")]
    [InlineData("x: { type: array, items: integer, default: 1 }", "CFG011", 41, 48, "'default' does not apply to endpoints.things.fields.x, of type array of integer; it applies to: string, url, integer, number, boolean, an enum")]
    // A default that is not a value of the field's type.
    [InlineData("x: { type: integer, default: soon }", "CFG017", 36, 40, "endpoints.things.fields.x.default is 'soon', which is not a number")]
    [InlineData("x: { type: integer, default: 2.5 }", "CFG018", 36, 39, "endpoints.things.fields.x.default is '2.5', which is not a whole number")]
    [InlineData("x: { type: boolean, default: yes }", "CFG005", 36, 39, "endpoints.things.fields.x.default is 'yes', which is not one of: true, false")]
    [InlineData("x: { type: url, default: ftp://files.example }", "CFG021", 32, 51, "endpoints.things.fields.x.default is 'ftp://files.example', which is not an absolute http or https URL")]
    [InlineData("x: { type: Color, default: blue }", "CFG027", 34, 38, "endpoints.things.fields.x.default names 'blue', which is not a value of enum 'Color'; its values are: red, green")]
    public void AMistakeInAFieldIsOneDiagnosticAtItsNode(string field, string id, int column, int endColumn, string message) =>
        AssertReports(FieldContract.With(field), id, 8, column, endColumn, field[(column - 7)..(endColumn - 7)], message);

    [Theory]
    // An action's bound that excludes the endpoint's default or one of its values is reported at the bound.
    [InlineData("seconds: { type: integer, max: 15, default: 12 }", "seconds: { max: 10 }", "CFG042", 27, 29, "endpoints.things.fields.seconds.default is '12', which breaks the field's max: 10")]
    [InlineData("seconds: { type: integer, values: [5, 10] }", "seconds: { max: 8 }", "CFG046", 27, 28, "endpoints.things.fields.seconds.values lists 10, outside the field's max: 8")]
    // A default on a field the action requires never applies.
    [InlineData("seconds: { type: integer, default: 5 }", "seconds: required", "CFG043", 20, 28, "endpoints.things.fields.seconds.default is '5', but endpoints.things.actions.create.fields.seconds makes the field required, so the default never applies")]
    [InlineData("seconds: { type: integer }", "seconds: { required: true, default: 5 }", "CFG043", 47, 48, "endpoints.things.actions.create.fields.seconds.default is '5', but endpoints.things.actions.create.fields.seconds.required makes the field required, so the default never applies")]
    public void AMistakeInAnActionOverrideIsOneDiagnosticAtItsNode(string field, string createField, string id, int column, int endColumn, string message) =>
        AssertReports(FieldContract.With(field, createField), id, 12, column, endColumn, createField[(column - 11)..(endColumn - 11)], message);

    [Fact]
    public void Cfg044PatternDotNetCannotCompileGivesItsReason()
    {
        var diagnostic = DiagnosticAssert.Reports(FieldContract.With("code: { type: string, pattern: \"[a-\" }"), "CFG044", 8, 38, 8, 43, "\"[a-\"");

        Assert.StartsWith("endpoints.things.fields.code.pattern is '[a-', which .NET cannot compile as a regular expression: ",
            diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void ADefaultOfTwoEmojiFitsMaxLengthTwo()
    {
        // JSON Schema's maxLength counts code points: an emoji is one character, though it is two UTF-16 units.
        var result = ContractParser.Parse("/spec/demo.yaml", FieldContract.With("mood: { type: string, max_length: 2, default: \"😀😀\" }"));

        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void EveryRuleOnItsTypeIsValidAndOverridesMayNarrowThem()
    {
        var result = ContractParser.Parse("/spec/demo.yaml", FieldContract.With(
            """
            a: { type: string, min_length: 1, max_length: 10, pattern: '^[a-z]+$', default: abc }
            b: { type: url, max_length: 100, default: "https://a.example/x" }
            c: { type: integer, min: 1, max: 10, values: [1, 5, 10], default: 5 }
            d: { type: number, values: [0.5, 1.5], default: 1.5 }
            e: { type: boolean, default: true }
            f: { type: Color, default: green }
            """,
            "c: { values: [1, 5], default: 1 }\na: { max_length: 3, pattern: '^a' }\nb: optional"));

        Assert.Empty(result.Diagnostics);
    }

    private static void AssertReports(string yaml, string id, int line, int column, int endColumn, string covered, string message) =>
        Assert.Equal(message, DiagnosticAssert.Reports(yaml, id, line, column, line, endColumn, covered).GetMessage(CultureInfo.InvariantCulture));
}
