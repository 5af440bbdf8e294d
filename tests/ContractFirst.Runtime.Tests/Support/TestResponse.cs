using System.Text.Json;

namespace ContractFirst.Runtime.Tests;

/// <summary>A hand-written stand-in for a generated response type: tolerant of unknown fields.</summary>
internal sealed record TestResponse(string Id, int Duration) : IJsonReadable<TestResponse>
{
    public static TestResponse ReadJson(ref Utf8JsonReader reader)
    {
        JsonRead.StartObject(ref reader, "TestResponse");
        string? id = null;
        var duration = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "id":
                    id = JsonRead.String(ref reader, "TestResponse.id");
                    break;
                case "duration":
                    duration = JsonRead.Int32(ref reader, "TestResponse.duration");
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new TestResponse(id ?? throw new JsonException("TestResponse.id is missing"), duration);
    }
}
