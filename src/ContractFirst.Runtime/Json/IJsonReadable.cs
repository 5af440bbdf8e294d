using System.Text.Json;

namespace ContractFirst.Runtime;

/// <summary>
/// A value that reads itself from JSON without reflection; generated response types implement it.
/// </summary>
/// <typeparam name="TSelf">The implementing type.</typeparam>
public interface IJsonReadable<TSelf>
    where TSelf : IJsonReadable<TSelf>
{
    /// <summary>Reads one JSON value.</summary>
    /// <param name="reader">
    /// A reader positioned on the value's first token (for example <see cref="JsonTokenType.StartObject"/>).
    /// On return it is positioned on the value's last token (for example <see cref="JsonTokenType.EndObject"/>).
    /// </param>
    /// <returns>The value read.</returns>
    /// <exception cref="JsonException">The JSON does not have the expected shape.</exception>
    static abstract TSelf ReadJson(ref Utf8JsonReader reader);
}
