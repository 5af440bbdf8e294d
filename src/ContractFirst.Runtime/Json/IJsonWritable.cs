using System.Text.Json;

namespace ContractFirst.Runtime;

/// <summary>
/// A value that writes itself as JSON without reflection; generated request types implement it.
/// </summary>
public interface IJsonWritable
{
    /// <summary>Writes this value as one complete JSON value.</summary>
    /// <param name="writer">The writer to write to.</param>
    void WriteJson(Utf8JsonWriter writer);
}
