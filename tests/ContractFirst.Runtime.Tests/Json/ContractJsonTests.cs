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
    public void AWrongTokenNamesTheTypeAndKeepsTheCause()
    {
        var ex = Assert.Throws<JsonException>(() => ContractJson.Parse<TestResponse>("""{"id":"t-1","duration":"5"}"""));

        Assert.Equal("The JSON is not a valid TestResponse: TestResponse.duration: expected a number but found String", ex.Message);
        Assert.IsType<JsonException>(ex.InnerException);
    }
}
