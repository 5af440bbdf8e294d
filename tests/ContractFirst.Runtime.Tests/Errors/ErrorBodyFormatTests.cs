using System.Text;

namespace ContractFirst.Runtime.Tests;

public sealed class ErrorBodyFormatTests
{
    private static readonly ErrorBodyFormat Format = new("error.code", "error.message", "trace_id");

    [Fact]
    public void ReadsTheDocumentedErrorBody()
    {
        const string body = """{ "error": { "code": "bad_request", "message": "duration must be 3-15" }, "trace_id": "t-123" }""";

        var info = Format.Parse(400, Encoding.UTF8.GetBytes(body), TimeSpan.FromSeconds(3));

        Assert.Equal(new ApiErrorInfo(400, "bad_request", "duration must be 3-15", "t-123", body, TimeSpan.FromSeconds(3)), info);
    }

    [Fact]
    public void KeepsABodyThatIsNotJsonAsText()
    {
        const string body = "<html><body>502 Bad Gateway</body></html>";

        var info = Format.Parse(502, Encoding.UTF8.GetBytes(body), null);

        Assert.Equal(new ApiErrorInfo(502, null, null, null, body, null), info);
    }

    [Theory]
    [InlineData("""{ "message": "flat" }""")]
    [InlineData("""{ "error": "boom" }""")]
    [InlineData("""{ "error": { "code": null, "message": "" }, "trace_id": {} }""")]
    [InlineData("""[1, 2]""")]
    public void MissingPartsAreNull(string body)
    {
        var info = Format.Parse(500, Encoding.UTF8.GetBytes(body), null);

        Assert.Equal((null, null, null, body), (info.ErrorCode, info.ErrorMessage, info.TraceId, info.RawBody));
    }

    [Fact]
    public void KeepsNumericCodesAsText()
    {
        var info = Format.Parse(400, """{ "error": { "code": 4001 } }"""u8, null);

        Assert.Equal("4001", info.ErrorCode);
    }

    [Fact]
    public void AnEmptyBodyHasNoRawBody()
    {
        var info = Format.Parse(503, [], null);

        Assert.Equal(new ApiErrorInfo(503, null, null, null, null, null), info);
    }

    [Fact]
    public void TruncatesLongBodiesOnACharacterBoundary()
    {
        var body = "a" + new string('é', 3000); // 6001 UTF-8 bytes; byte 4096 is in the middle of an 'é'

        var info = Format.Parse(500, Encoding.UTF8.GetBytes(body), null);

        Assert.Equal("a" + new string('é', 2047) + "…", info.RawBody);
    }

    [Theory]
    [InlineData("")]
    [InlineData("error..code")]
    [InlineData(".code")]
    public void RejectsMalformedPaths(string path) =>
        Assert.Throws<ArgumentException>(() => new ErrorBodyFormat(path, "error.message", "trace_id"));
}
