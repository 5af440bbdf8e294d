using System.Text.Json;

namespace ContractFirst.Runtime.Tests;

/// <summary>A hand-written stand-in for a generated response type: tolerant of unknown fields and off-type values.</summary>
internal sealed record TestResponse(string Id, int? Duration) : IJsonReadable<TestResponse>
{
    public static TestResponse ReadJson(ref Utf8JsonReader reader, JsonReadContext context)
    {
        JsonRead.StartObject(ref reader, "TestResponse");
        string? id = null;
        int? duration = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueIsEscaped && !JsonRead.IsReadableName(ref reader))
            {
                reader.Read();
                reader.Skip();
            }
            else if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                id = JsonRead.String(ref reader, context, "TestResponse.id");
            }
            else if (reader.ValueTextEquals("duration"u8))
            {
                reader.Read();
                duration = JsonRead.Int32(ref reader, context, "TestResponse.duration");
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new TestResponse(id ?? throw new JsonException("TestResponse.id is missing"), duration);
    }
}
