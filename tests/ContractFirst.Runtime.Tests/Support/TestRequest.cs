using System.Text.Json;

namespace ContractFirst.Runtime.Tests;

/// <summary>A hand-written stand-in for a generated request type.</summary>
internal sealed class TestRequest(string prompt, int duration) : IJsonWritable
{
    public void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("prompt", prompt);
        writer.WriteNumber("duration", duration);
        writer.WriteEndObject();
    }
}
