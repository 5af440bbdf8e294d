using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ContractFirst.Runtime.Tests;

/// <summary>The tolerant, lossless conversion rules of <see cref="JsonRead"/>, one reader at a time.</summary>
public sealed class JsonReadTests
{
    private const string Secret = "sk-live-0123456789";

    [Theory]
    [InlineData("5", 5)]
    [InlineData("-2147483648", int.MinValue)]
    [InlineData("5.0", 5)]
    [InlineData("1552.0", 1552)]
    [InlineData("5e0", 5)]
    [InlineData("1.5e1", 15)]
    [InlineData("5.00000000000000000000000000000000", 5)]
    [InlineData("-0", 0)]
    [InlineData("0.0e-5", 0)]
    [InlineData("\"42\"", 42)]
    [InlineData("\"5.0\"", 5)]
    [InlineData("\" 7 \"", 7)]
    [InlineData("\"\\u0034\\u0032\"", 42)]
    public void AnIntegerIsReadFromAnIntegralNumberOrString(string json, int expected)
    {
        var context = new JsonReadContext();

        Assert.Equal(expected, ReadOne(json, context, (ref Utf8JsonReader r, JsonReadContext c) => JsonRead.Int32(ref r, c, "T.v")));
        Assert.Empty(context.Issues);
    }

    [Theory]
    [InlineData("5.5", "expected an integer but found a fractional number")]
    [InlineData("5.0000000000000000000000001", "expected an integer but found a fractional number")]
    [InlineData("1e-400", "expected an integer but found a fractional number")]
    [InlineData("2147483648", "expected a 32-bit integer but found one out of range")]
    [InlineData("1e400", "expected a 32-bit integer but found one out of range")]
    [InlineData("\"5.5\"", "expected an integer but found a fractional number")]
    [InlineData("\"five\"", "expected an integer but found a string that is not a number")]
    [InlineData("\"\"", "expected an integer but found a string that is not a number")]
    [InlineData("true", "expected an integer but found a boolean")]
    [InlineData("{\"a\":1}", "expected an integer but found an object")]
    [InlineData("[1]", "expected an integer but found an array")]
    public void AnIntegerThatIsNotOneIsAnIssue(string json, string problem)
    {
        var context = new JsonReadContext();

        Assert.Null(ReadOne(json, context, (ref Utf8JsonReader r, JsonReadContext c) => JsonRead.Int32(ref r, c, "T.v")));

        var issue = Assert.Single(context.Issues);
        Assert.Equal(new JsonReadIssue("T.v", problem, json), issue);
    }

    [Theory]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    [InlineData("9007199254740993.0", 9007199254740993L)]
    [InlineData("\"9000000000\"", 9000000000L)]
    [InlineData("9e18", 9000000000000000000L)]
    public void ALongIsReadExactly(string json, long expected) =>
        Assert.Equal(expected, ReadOne(json, new JsonReadContext(strict: true), (ref Utf8JsonReader r, JsonReadContext c) => JsonRead.Int64(ref r, c, "T.v")));

    [Theory]
    [InlineData("9223372036854775808")]
    [InlineData("-9223372036854775809")]
    [InlineData("1e19")]
    [InlineData("\"99999999999999999999\"")]
    public void ALongOutOfRangeIsAnIssue(string json)
    {
        var context = new JsonReadContext();

        Assert.Null(ReadOne(json, context, (ref Utf8JsonReader r, JsonReadContext c) => JsonRead.Int64(ref r, c, "T.v")));

        Assert.Equal("expected a 64-bit integer but found one out of range", Assert.Single(context.Issues).Problem);
    }

    [Theory]
    [InlineData("0.25", 0.25)]
    [InlineData("5", 5d)]
    [InlineData("\"1.5\"", 1.5)]
    [InlineData("\"-2e3\"", -2000d)]
    public void ADoubleIsReadFromANumberOrNumericString(string json, double expected) =>
        Assert.Equal(expected, ReadOne(json, new JsonReadContext(strict: true), (ref Utf8JsonReader r, JsonReadContext c) => JsonRead.Double(ref r, c, "T.v")));

    [Theory]
    [InlineData("1e400", "expected a number but found one too large for a double")]
    [InlineData("\"NaN\"", "expected a finite number")]
    [InlineData("\"Infinity\"", "expected a finite number")]
    [InlineData("\"1e400\"", "expected a finite number")]
    [InlineData("\"abc\"", "expected a number but found a string that is not one")]
    [InlineData("false", "expected a number but found a boolean")]
    [InlineData("[]", "expected a number but found an array")]
    public void ADoubleThatIsNotAFiniteNumberIsAnIssue(string json, string problem)
    {
        var context = new JsonReadContext();

        Assert.Null(ReadOne(json, context, (ref Utf8JsonReader r, JsonReadContext c) => JsonRead.Double(ref r, c, "T.v")));

        Assert.Equal(problem, Assert.Single(context.Issues).Problem);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("\"true\"", true)]
    [InlineData("\"FALSE\"", false)]
    [InlineData("\"True\"", true)]
    public void ABooleanIsReadFromALiteralOrItsString(string json, bool expected) =>
        Assert.Equal(expected, ReadOne(json, new JsonReadContext(strict: true), (ref Utf8JsonReader r, JsonReadContext c) => JsonRead.Boolean(ref r, c, "T.v")));

    [Theory]
    [InlineData("\"yes\"")]
    [InlineData("1")]
    [InlineData("0")]
    [InlineData("{}")]
    public void ABooleanThatIsNotOneIsAnIssue(string json)
    {
        var context = new JsonReadContext();

        Assert.Null(ReadOne(json, context, (ref Utf8JsonReader r, JsonReadContext c) => JsonRead.Boolean(ref r, c, "T.v")));

        Assert.Equal(json, Assert.Single(context.Issues).RawJson);
    }

    [Theory]
    [InlineData("\"s\"", "s")]
    [InlineData("\"a\\\"b\\u00e9\"", "a\"bé")]
    [InlineData("123", "123")]
    [InlineData("1.50", "1.50")]
    [InlineData("-1e3", "-1e3")]
    [InlineData("true", "true")]
    [InlineData("false", "false")]
    public void AStringIsReadFromAStringNumberOrBoolean(string json, string expected) =>
        Assert.Equal(expected, ReadOne(json, new JsonReadContext(strict: true), (ref Utf8JsonReader r, JsonReadContext c) => JsonRead.String(ref r, c, "T.v")));

    [Theory]
    [InlineData("{\"a\":[1,{\"b\":null}],\"c\":\"d\"}", "expected a string but found an object")]
    [InlineData("[\"x\",true,[]]", "expected a string but found an array")]
    public void AnObjectOrArrayForAStringIsAnIssueWithItsJsonText(string json, string problem)
    {
        var context = new JsonReadContext();

        Assert.Null(ReadOne(json, context, (ref Utf8JsonReader r, JsonReadContext c) => JsonRead.String(ref r, c, "T.v")));

        Assert.Equal(new JsonReadIssue("T.v", problem, json), Assert.Single(context.Issues));
    }

    [Theory]
    [InlineData("\"queued\"", "queued")]
    [InlineData("720", "720")]
    public void AnEnumTextIsAStringOrANumbersText(string json, string expected) =>
        Assert.Equal(expected, ReadOne(json, new JsonReadContext(strict: true), (ref Utf8JsonReader r, JsonReadContext c) => JsonRead.EnumText(ref r, c, "T.v")));

    [Fact]
    public void ABooleanForAnEnumIsAnIssue()
    {
        var context = new JsonReadContext();

        Assert.Null(ReadOne("true", context, (ref Utf8JsonReader r, JsonReadContext c) => JsonRead.EnumText(ref r, c, "T.v")));

        Assert.Equal("expected a string but found a boolean", Assert.Single(context.Issues).Problem);
    }

    [Theory]
    [InlineData("1700000000", "2023-11-14T22:13:20.000Z")]
    [InlineData("1700000000.1234", "2023-11-14T22:13:20.123Z")]
    [InlineData("1700000000.1236", "2023-11-14T22:13:20.124Z")]
    [InlineData("-1.5", "1969-12-31T23:59:58.500Z")]
    [InlineData("\"1700000000.5\"", "2023-11-14T22:13:20.500Z")]
    [InlineData("\"2024-05-06T07:08:09Z\"", "2024-05-06T07:08:09.000Z")]
    [InlineData("\"2024-05-06T07:08:09.25+02:00\"", "2024-05-06T05:08:09.250Z")]
    [InlineData("\"2024-05-06T07:08:09\"", "2024-05-06T07:08:09.000Z")]
    [InlineData("\"2024-05-06 07:08:09\"", "2024-05-06T07:08:09.000Z")]
    [InlineData("\"2024-05-06\"", "2024-05-06T00:00:00.000Z")]
    public void ATimeIsReadFromUnixSecondsOrIso8601AsUtc(string json, string expected)
    {
        var time = ReadOne(json, new JsonReadContext(strict: true), (ref Utf8JsonReader r, JsonReadContext c) => JsonRead.UnixSeconds(ref r, c, "T.created_at"));

        Assert.NotNull(time);
        Assert.Equal(TimeSpan.Zero, time.Value.Offset);
        Assert.Equal(expected, time.Value.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("1e20", "expected Unix seconds but found a time outside the range of DateTimeOffset")]
    [InlineData("\"1e20\"", "expected Unix seconds but found a time outside the range of DateTimeOffset")]
    [InlineData("\"yesterday\"", "expected Unix seconds or an ISO-8601 time but found a string that is neither")]
    [InlineData("\"5/6/2024\"", "expected Unix seconds or an ISO-8601 time but found a string that is neither")]
    [InlineData("\"2024-13-45T00:00:00Z\"", "expected Unix seconds or an ISO-8601 time but found a string that is neither")]
    [InlineData("true", "expected Unix seconds but found a boolean")]
    public void ATimeThatIsNotOneIsAnIssue(string json, string problem)
    {
        var context = new JsonReadContext();

        Assert.Null(ReadOne(json, context, (ref Utf8JsonReader r, JsonReadContext c) => JsonRead.UnixSeconds(ref r, c, "T.v")));

        Assert.Equal(problem, Assert.Single(context.Issues).Problem);
    }

    [Fact]
    public void NullReadsAsNullWithoutAnIssueInEitherMode()
    {
        foreach (var context in new[] { new JsonReadContext(), new JsonReadContext(strict: true) })
        {
            var r = At("null");
            Assert.Null(JsonRead.String(ref r, context, "T.v"));
            Assert.Null(JsonRead.EnumText(ref r, context, "T.v"));
            Assert.Null(JsonRead.Int32(ref r, context, "T.v"));
            Assert.Null(JsonRead.Int64(ref r, context, "T.v"));
            Assert.Null(JsonRead.Double(ref r, context, "T.v"));
            Assert.Null(JsonRead.Boolean(ref r, context, "T.v"));
            Assert.Null(JsonRead.UnixSeconds(ref r, context, "T.v"));
            Assert.False(JsonRead.TryStartObject(ref r, context, "T.v"));
            Assert.False(JsonRead.TryStartArray(ref r, context, "T.v"));
            Assert.Empty(context.Issues);
        }
    }

    [Fact]
    public void NullNotAllowedOnlyThrowsWhenStrict()
    {
        var tolerant = new JsonReadContext();
        JsonRead.NullNotAllowed(tolerant, "T.id");
        Assert.Empty(tolerant.Issues);

        var ex = Assert.Throws<JsonException>(() => JsonRead.NullNotAllowed(new JsonReadContext(strict: true), "T.id"));
        Assert.Equal("T.id: null is not allowed here (value: null)", ex.Message);
    }

    [Fact]
    public void StrictModeThrowsOnTheFirstIssueNamingTheFieldTheProblemAndTheValue()
    {
        var ex = Assert.Throws<JsonException>(() =>
            ReadOne("5.5", new JsonReadContext(strict: true), (ref Utf8JsonReader r, JsonReadContext c) => JsonRead.Int32(ref r, c, "T.duration")));

        Assert.Equal("T.duration: expected an integer but found a fractional number (value: 5.5)", ex.Message);
    }

    [Fact]
    public void StrictModeStillConvertsLosslessly() =>
        Assert.Equal(5, ReadOne("\"5\"", new JsonReadContext(strict: true), (ref Utf8JsonReader r, JsonReadContext c) => JsonRead.Int32(ref r, c, "T.v")));

    [Fact]
    public void AValueThatCannotBeReadIsSkippedWholeAndReadingGoesOn()
    {
        var context = new JsonReadContext();
        var r = At("""[ {"a": [1, {"b": "c"}], "d": null}, [[], {}], 7 ]""");

        r.Read();
        Assert.Null(JsonRead.Int32(ref r, context, "T.a"));
        Assert.Equal(JsonTokenType.EndObject, r.TokenType);
        r.Read();
        Assert.False(JsonRead.TryStartObject(ref r, context, "T.b"));
        Assert.Equal(JsonTokenType.EndArray, r.TokenType);
        r.Read();
        Assert.Equal(7, JsonRead.Int32(ref r, context, "T.c"));

        Assert.Equal(
            [new JsonReadIssue("T.a", "expected an integer but found an object", """{"a":[1,{"b":"c"}],"d":null}"""),
             new JsonReadIssue("T.b", "expected an object but found an array", "[[],{}]")],
            context.Issues);
    }

    [Fact]
    public void InvalidUtf8IsReplacedAndReported()
    {
        byte[] json = [(byte)'"', (byte)'i', (byte)'d', (byte)'-', 0xC3, 0x28, 0xFF, (byte)'x', (byte)'"'];
        var context = new JsonReadContext();
        var r = new Utf8JsonReader(json);
        r.Read();

        Assert.Equal("id-\uFFFD(\uFFFDx", JsonRead.String(ref r, context, "T.id"));

        var issue = Assert.Single(context.Issues);
        Assert.Equal("T.id", issue.Path);
        Assert.Contains("invalid UTF-8", issue.Problem, StringComparison.Ordinal);
        Assert.Equal("\"id-\uFFFD(\uFFFDx\"", issue.RawJson);
    }

    [Theory]
    [InlineData("\"a\\ud800b\"", "a\uFFFDb")]
    [InlineData("\"a\\udc00\\n\"", "a\uFFFD\n")]
    [InlineData("\"\\ud83d\\ude00\\ud800\"", "\U0001F600\uFFFD")]
    public void ALoneSurrogateEscapeIsReplacedAndReported(string json, string expected)
    {
        var context = new JsonReadContext();

        Assert.Equal(expected, ReadOne(json, context, (ref Utf8JsonReader r, JsonReadContext c) => JsonRead.String(ref r, c, "T.v")));
        Assert.Single(context.Issues);
    }

    [Fact]
    public void InvalidUtf8ThrowsWhenStrict()
    {
        byte[] json = [(byte)'"', 0xFF, (byte)'"'];

        var ex = Assert.Throws<JsonException>(() =>
        {
            var r = new Utf8JsonReader(json);
            r.Read();
            JsonRead.String(ref r, new JsonReadContext(strict: true), "T.id");
        });
        Assert.StartsWith("T.id: invalid UTF-8", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANameThatCannotBeUnescapedIsNotReadable()
    {
        var r = At("""{"\ud800": 1, "i\u0064": 2}""");
        r.Read();
        Assert.True(r.ValueIsEscaped);
        Assert.False(JsonRead.IsReadableName(ref r));
        r.Read();
        r.Read();
        Assert.True(JsonRead.IsReadableName(ref r));
        Assert.True(r.ValueTextEquals("id"u8));
    }

    [Fact]
    public void StringsAndIssuesAreScrubbedOfTheSecret()
    {
        var context = new JsonReadContext(secret: Secret);
        var r = At($$"""["echo Bearer {{Secret}}", {"header": "Bearer {{Secret}}"}]""");

        r.Read();
        Assert.Equal("echo Bearer [REDACTED]", JsonRead.String(ref r, context, "T.a"));
        r.Read();
        Assert.Null(JsonRead.String(ref r, context, "T.b"));

        Assert.Equal("""{"header":"Bearer [REDACTED]"}""", Assert.Single(context.Issues).RawJson);
        Assert.DoesNotContain(Secret, context.Issues[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ALongValueIsCutAndASecretAtTheCutIsStillScrubbed()
    {
        // The secret straddles the cut ({"k":" is 6 characters): cutting before scrubbing would leave "sk-live-0" behind.
        var padding = new string('a', JsonReadContext.MaxRawJsonLength - 16);
        var json = $$"""{"k":"{{padding}}{{Secret}}{{new string('b', 5000)}}"}""";
        var context = new JsonReadContext(secret: Secret);

        Assert.Null(ReadOne(json, context, (ref Utf8JsonReader r, JsonReadContext c) => JsonRead.Double(ref r, c, "T.v")));

        var raw = Assert.Single(context.Issues).RawJson;
        Assert.Equal(JsonReadContext.MaxRawJsonLength, raw.Length);
        Assert.EndsWith("…", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-", raw, StringComparison.Ordinal);
    }

    [Fact]
    public void AContextWithoutIssuesAllocatesNoList()
    {
        var context = new JsonReadContext();

        Assert.Same(Array.Empty<JsonReadIssue>(), context.Issues);
        Assert.Same(Array.Empty<JsonReadIssue>(), context.IssuesSince(0));
        Assert.Equal(0, context.IssueCount);
    }

    [Fact]
    public void IssuesSinceCopiesTheLaterIssues()
    {
        var context = new JsonReadContext();
        context.Report("T.a", "p", "1");
        var start = context.IssueCount;
        context.Report("T.b", "p", "2");

        Assert.Equal([new JsonReadIssue("T.b", "p", "2")], context.IssuesSince(start));
        Assert.Equal(2, context.Issues.Count);
        Assert.True(context.Strict is false && context.Secret is null);
    }

    [Fact]
    public void ReadingNumbersBooleansAndTimesAllocatesNothing()
    {
        var json = Encoding.UTF8.GetBytes("""[42, 9000000000, 1.5, true, 1700000000.25, {}, []]""");
        var context = new JsonReadContext();
        var sum = ReadAll(json, context); // warm up

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            sum += ReadAll(json, context);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(sum > 0);
        Assert.Empty(context.Issues);
    }

    [Fact]
    public void TheRootMustBeAnObjectInAnyMode()
    {
        var ex = Assert.Throws<JsonException>(() =>
        {
            var reader = At("[]");
            JsonRead.StartObject(ref reader, "T");
        });

        Assert.Equal("T: expected an object but found an array", ex.Message);
    }

    private delegate T? Reader<T>(ref Utf8JsonReader reader, JsonReadContext context);

    /// <summary>Reads <paramref name="json"/> as the first item of an array and checks the reader ends on that value.</summary>
    private static T? ReadOne<T>(string json, JsonReadContext context, Reader<T> read)
    {
        var r = At("[" + json + ", 0]");
        r.Read();
        var value = read(ref r, context);
        Assert.True(r.Read());
        Assert.Equal(JsonTokenType.Number, r.TokenType);
        return value;
    }

    private static double ReadAll(byte[] json, JsonReadContext context)
    {
        var r = new Utf8JsonReader(json);
        r.Read();
        JsonRead.TryStartArray(ref r, context, "p");
        r.Read();
        double sum = JsonRead.Int32(ref r, context, "p")!.Value;
        r.Read();
        sum += JsonRead.Int64(ref r, context, "p")!.Value;
        r.Read();
        sum += JsonRead.Double(ref r, context, "p")!.Value;
        r.Read();
        sum += JsonRead.Boolean(ref r, context, "p")!.Value ? 1 : 0;
        r.Read();
        sum += JsonRead.UnixSeconds(ref r, context, "p")!.Value.Millisecond;
        r.Read();
        JsonRead.TryStartObject(ref r, context, "p");
        r.Skip();
        r.Read();
        JsonRead.TryStartArray(ref r, context, "p");
        return sum;
    }

    private static Utf8JsonReader At(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return reader;
    }
}
