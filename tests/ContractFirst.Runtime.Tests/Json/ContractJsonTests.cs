using System.Text;
using System.Text.Json;

namespace ContractFirst.Runtime.Tests;

public sealed class ContractJsonTests
{
    [Fact]
    public void WritesCompactJsonWithRatiosAndUrlsReadable()
    {
        var json = ContractJson.ToJsonString(new TestRequest("16:9 shot of https://example.com/a.png?x=1", 5));

        Assert.Equal("""{"prompt":"16:9 shot of https://example.com/a.png?x=1","duration":5}""", json);
    }

    [Fact]
    public void WritesPromptsAsTypedAndEscapesOnlyWhatJsonRequires()
    {
        var json = ContractJson.ToJsonString(new TestRequest("白马 a+b<c & 'd' \"e\"\n", 5));

        Assert.Equal("""{"prompt":"白马 a+b<c & 'd' \"e\"\n","duration":5}""", json);
    }

    [Fact]
    public void BytesAndStringAreTheSameJson()
    {
        var request = new TestRequest("a cat", 5);

        Assert.Equal(Encoding.UTF8.GetBytes(ContractJson.ToJsonString(request)), ContractJson.ToUtf8Bytes(request));
    }

    [Fact]
    public void ParsesAndIgnoresUnknownFields()
    {
        var response = ContractJson.Parse<TestResponse>("""{ "extra": {"deep": [1, 2]}, "id": "t-1", "duration": 7, "more": null }""");

        Assert.Equal(new TestResponse("t-1", 7), response);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{\"id\":")]
    [InlineData("not json")]
    public void MalformedInputNamesTheType(string json)
    {
        var ex = Assert.Throws<JsonException>(() => ContractJson.Parse<TestResponse>(json));

        Assert.Contains("TestResponse", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOffTypeValueIsConvertedWhenNothingIsLost() =>
        Assert.Equal(new TestResponse("t-1", 5), ContractJson.Parse<TestResponse>("""{"id":"t-1","duration":"5"}"""));

    [Fact]
    public void AValueThatDoesNotFitIsAnIssueAndTheRestIsRead()
    {
        var context = new JsonReadContext();

        var response = ContractJson.Parse<TestResponse>("""{"duration":{"x":[1]},"id":"t-1"}""", context);

        Assert.Equal(new TestResponse("t-1", null), response);
        Assert.Equal([new JsonReadIssue("TestResponse.duration", "expected an integer but found an object", """{"x":[1]}""")], context.Issues);
    }

    [Fact]
    public void StrictModeNamesTheTypeTheFieldTheProblemAndTheValueAndKeepsTheCause()
    {
        var ex = Assert.Throws<JsonException>(() =>
            ContractJson.Parse<TestResponse>("""{"id":"t-1","duration":"five"}""", new JsonReadContext(strict: true)));

        Assert.Equal(
            "The JSON is not a valid TestResponse: TestResponse.duration: expected an integer but found a string that is not a number (value: \"five\")",
            ex.Message);
        Assert.IsType<JsonException>(ex.InnerException);
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("\"text\"")]
    [InlineData("42")]
    [InlineData("null")]
    public void ARootThatIsNotAnObjectIsAJsonException(string json)
    {
        var ex = Assert.Throws<JsonException>(() => ContractJson.Parse<TestResponse>(json));

        Assert.Contains("TestResponse: expected an object", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StringsAreScrubbedOfTheContextsSecret()
    {
        var response = ContractJson.Parse<TestResponse>("""{"id":"task-sk-live-0123456789"}""", new JsonReadContext(secret: "sk-live-0123456789"));

        Assert.Equal("task-[REDACTED]", response.Id);
    }
}

/// <summary>The writer and buffer are reused per thread: a failed write, a large value or a nested write must not leak into the next.</summary>
public sealed class ContractJsonWriterReuseTests
{
    [Fact]
    public void AValueThatThrewMidWriteLeavesNothingForTheNext()
    {
        Assert.Throws<InvalidOperationException>(() => ContractJson.ToUtf8Bytes(new Throwing()));

        Assert.Equal("""{"prompt":"a cat","duration":5}""", ContractJson.ToJsonString(new TestRequest("a cat", 5)));
    }

    [Fact]
    public void ALargeValueGrowsTheBufferAndTheNextSmallOneIsExact()
    {
        var large = new string('p', 100_000);

        Assert.Equal($$"""{"prompt":"{{large}}","duration":1}""", ContractJson.ToJsonString(new TestRequest(large, 1)));
        Assert.Equal("""{"prompt":"b","duration":2}""", ContractJson.ToJsonString(new TestRequest("b", 2)));
    }

    [Fact]
    public void AValueThatWritesAnotherWhileBeingWrittenGetsBothRight() =>
        Assert.Equal("""{"inner":"{\"prompt\":\"x\",\"duration\":3}"}""", ContractJson.ToJsonString(new Nesting()));

    private sealed class Throwing : IJsonWritable
    {
        public void WriteJson(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WriteString("prompt", "half");
            throw new InvalidOperationException("broken value");
        }
    }

    private sealed class Nesting : IJsonWritable
    {
        public void WriteJson(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WriteString("inner", ContractJson.ToJsonString(new TestRequest("x", 3)));
            writer.WriteEndObject();
        }
    }
}
