using System.Text;
using HappyHorse.Emulator.Tests.Support;
using HappyHorse.Emulator.Validation;

namespace HappyHorse.Emulator.Tests.Validation;

/// <summary>
/// A body the validator cannot read is refused with one sentence saying why, never with an exception: empty, not JSON,
/// not UTF-8, not an object, a property twice, nested too deep, or a property name that is not well-formed UTF-16 (at
/// any depth, and in a field the action would ignore too, since it cannot be read at all).
/// </summary>
public sealed class BodyReadingTests
{
    private static readonly RequestValidator Videos = new(Contracts.Load("happyhorse.yaml"), Contracts.Load("happyhorse.yaml").Endpoints.Single(e => e.Key == "videos"));

    [Theory]
    [InlineData("", "The body is empty; send a JSON object.")]
    [InlineData(" \r\n\t", "The body is empty; send a JSON object.")]
    [InlineData("""{ "prompt": """, "The body is not valid JSON: ")]
    [InlineData("""{ "prompt": "x", }""", "The body is not valid JSON: ")]
    [InlineData("""{ "prompt": "x" } { }""", "The body is not valid JSON: ")]
    [InlineData("""{ 'prompt': "x" }""", "The body is not valid JSON: ")]
    [InlineData("""{ "prompt": "x" /* a comment */ }""", "The body is not valid JSON: ")]
    [InlineData("""{ "prompt": NaN }""", "The body is not valid JSON: ")]
    [InlineData("[1, 2]", "The body must be a JSON object (was [1, 2]).")]
    [InlineData("\"a fox\"", "The body must be a JSON object (was \"a fox\").")]
    [InlineData("null", "The body must be a JSON object (was null).")]
    [InlineData("""{ "prompt": "x", "prompt": "y" }""", "The body is not valid JSON: an object has the property \"prompt\" twice.")]
    [InlineData("""{ "prompt": "x", "extra": [{ "a": 1, "\u0061": 2 }] }""", "The body is not valid JSON: an object has the property \"a\" twice.")]
    [InlineData("""{ "prompt": "x", "\ud800": 1 }""", JsonBody.PropertyNameNotWellFormed)]
    [InlineData("""{ "prompt": "x", "extra": { "b\udc00": 1 } }""", JsonBody.PropertyNameNotWellFormed)]
    public void AnUnreadableBodyIsOneClearMessage(string body, string expected)
    {
        foreach (var strict in new[] { true, false })
        {
            var outcome = Videos.Validate(Encoding.UTF8.GetBytes(body), strict);

            Assert.Null(outcome.Request);
            Assert.StartsWith(expected, outcome.Error, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE })]
    [InlineData(new byte[] { 0xC3 })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })] // a surrogate encoded as UTF-8, which UTF-8 forbids
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 })] // past U+10FFFF
    public void ABodyThatIsNotUtf8IsRefusedWhereverTheBadBytesAre(byte[] bad)
    {
        foreach (var (before, after) in new[] { ("""{ "prompt": "a """, "\" }"), ("""{ "prompt": "x", "a""", "\": 1 }") })
        {
            byte[] body = [.. Encoding.UTF8.GetBytes(before), .. bad, .. Encoding.UTF8.GetBytes(after)];

            var outcome = Videos.Validate(body, strict: false);

            Assert.Null(outcome.Request);
            Assert.StartsWith("The body is not valid UTF-8", outcome.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ABodyMayNestSixtyFourLevelsAndNoMore()
    {
        // The body itself is the first level; an ignored field carries the rest.
        static string Nested(int levels) => """{ "prompt": "x", "async": true, "extra": """ + new string('[', levels - 1) + new string(']', levels - 1) + " }";

        var deepest = Videos.Validate(Encoding.UTF8.GetBytes(Nested(64)), strict: false);
        var tooDeep = Videos.Validate(Encoding.UTF8.GetBytes(Nested(65)), strict: false);

        Assert.True(deepest.Request is not null, deepest.Error);
        Assert.Equal(["extra"], deepest.IgnoredFields);
        Assert.Equal("The body nests deeper than 64 levels.", tooDeep.Error);
    }

    [Fact]
    public void AByteOrderMarkIsSkipped()
    {
        byte[] body = [0xEF, 0xBB, 0xBF, .. """{ "prompt": "x" }"""u8];

        Assert.NotNull(Videos.Validate(body, strict: true).Request);
    }

    [Fact]
    public void EscapedTextIsReadAsTheTextItEscapes()
    {
        var outcome = Videos.Validate("""{ "\u0070rompt": "a \"fox\" \ud83e\udd8a\n", "ratio": "16\u003a9" }"""u8, strict: true);

        Assert.True(outcome.Request is not null, outcome.Error);
        Assert.Equal("a \"fox\" 🦊\n", outcome.Request.Body["prompt"]!.GetValue<string>());
        Assert.Equal("16:9", outcome.Request.Body["ratio"]!.GetValue<string>());
    }
}
