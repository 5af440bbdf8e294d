using System.Text;
using System.Text.Json;

namespace ContractFirst.Runtime.Tests;

public sealed class JsonReadTests
{
    [Theory]
    [InlineData("String", "5", "T.v: expected a string but found Number")]
    [InlineData("Int32", "\"5\"", "T.v: expected a number but found String")]
    [InlineData("Int64", "null", "T.v: expected a number but found Null")]
    [InlineData("Double", "true", "T.v: expected a number but found True")]
    [InlineData("Boolean", "null", "T.v: expected a boolean but found Null")]
    [InlineData("UnixSeconds", "\"2024-01-01\"", "T.v: expected a number but found String")]
    [InlineData("StartObject", "[]", "T.v: expected an object but found StartArray")]
    [InlineData("StartArray", "{}", "T.v: expected an array but found StartObject")]
    public void AWrongTokenNamesThePathTheExpectationAndTheToken(string method, string json, string message)
    {
        var ex = Assert.Throws<JsonException>(() => ReadWith(method, json));

        Assert.Equal(message, ex.Message);
    }

    [Theory]
    [InlineData("Int32", "1.5")]
    [InlineData("Int32", "2147483648")]
    [InlineData("Int64", "9223372036854775808")]
    [InlineData("Double", "1e400")]
    [InlineData("UnixSeconds", "1e20")]
    public void ANumberThatDoesNotFitIsAnError(string method, string json)
    {
        var ex = Assert.Throws<JsonException>(() => ReadWith(method, json));

        Assert.StartsWith("T.v: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadsEachType()
    {
        var r = At("""["s", -2147483648, 9007199254740993, 0.25, false, true]""");
        r.Read();
        Assert.Equal("s", JsonRead.String(ref r, "p"));
        r.Read();
        Assert.Equal(int.MinValue, JsonRead.Int32(ref r, "p"));
        r.Read();
        Assert.Equal(9007199254740993L, JsonRead.Int64(ref r, "p"));
        r.Read();
        Assert.Equal(0.25, JsonRead.Double(ref r, "p"));
        r.Read();
        Assert.False(JsonRead.Boolean(ref r, "p"));
        r.Read();
        Assert.True(JsonRead.Boolean(ref r, "p"));
    }

    [Theory]
    [InlineData("1700000000", "2023-11-14T22:13:20.000Z")]
    [InlineData("1700000000.1234", "2023-11-14T22:13:20.123Z")]
    [InlineData("1700000000.1236", "2023-11-14T22:13:20.124Z")]
    [InlineData("-1.5", "1969-12-31T23:59:58.500Z")]
    public void UnixSecondsBecomeUtcWithMillisecondPrecision(string json, string expected)
    {
        var r = At(json);

        var time = JsonRead.UnixSeconds(ref r, "T.created_at");

        Assert.Equal(TimeSpan.Zero, time.Offset);
        Assert.Equal(expected, time.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void NullNotAllowedNamesThePath()
    {
        var ex = Assert.Throws<JsonException>(() => JsonRead.NullNotAllowed("T.id"));

        Assert.Equal("T.id: null is not allowed here", ex.Message);
    }

    [Fact]
    public void ReadingNumbersBooleansAndTimesAllocatesNothing()
    {
        var json = Encoding.UTF8.GetBytes("""[42, 9000000000, 1.5, true, 1700000000.25, {}, []]""");
        var sum = ReadAll(json); // warm up

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            sum += ReadAll(json);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(sum > 0);
    }

    private static double ReadAll(byte[] json)
    {
        var r = new Utf8JsonReader(json);
        r.Read();
        JsonRead.StartArray(ref r, "p");
        r.Read();
        double sum = JsonRead.Int32(ref r, "p");
        r.Read();
        sum += JsonRead.Int64(ref r, "p");
        r.Read();
        sum += JsonRead.Double(ref r, "p");
        r.Read();
        sum += JsonRead.Boolean(ref r, "p") ? 1 : 0;
        r.Read();
        sum += JsonRead.UnixSeconds(ref r, "p").Millisecond;
        r.Read();
        JsonRead.StartObject(ref r, "p");
        r.Skip();
        r.Read();
        JsonRead.StartArray(ref r, "p");
        return sum;
    }

    private static Utf8JsonReader At(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return reader;
    }

    private static void ReadWith(string method, string json)
    {
        var r = At(json);
        switch (method)
        {
            case "String": JsonRead.String(ref r, "T.v"); break;
            case "Int32": JsonRead.Int32(ref r, "T.v"); break;
            case "Int64": JsonRead.Int64(ref r, "T.v"); break;
            case "Double": JsonRead.Double(ref r, "T.v"); break;
            case "Boolean": JsonRead.Boolean(ref r, "T.v"); break;
            case "UnixSeconds": JsonRead.UnixSeconds(ref r, "T.v"); break;
            case "StartObject": JsonRead.StartObject(ref r, "T.v"); break;
            case "StartArray": JsonRead.StartArray(ref r, "T.v"); break;
            default: throw new ArgumentOutOfRangeException(nameof(method));
        }
    }
}
