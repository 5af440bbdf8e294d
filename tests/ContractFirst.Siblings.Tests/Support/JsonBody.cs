using System.Buffers;
using System.Text;
using System.Text.Json;

namespace ContractFirst.Siblings.Tests.Support;

/// <summary>The JSON a generated <c>WriteJson</c> writes: what the SDK sends.</summary>
internal static class JsonBody
{
    public static string Of(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The one violation of <paramref name="result"/>, as field, rule and message.</summary>
    public static (string Field, string Rule, string Message) Single(ValidationResult result)
    {
        var error = Assert.Single(result.Errors);
        return (error.Field, error.Rule, error.Message);
    }
}
