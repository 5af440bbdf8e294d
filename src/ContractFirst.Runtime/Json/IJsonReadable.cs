using System.Text.Json;

namespace ContractFirst.Runtime;

/// <summary>
/// A value that reads itself from JSON without reflection; generated response types implement it.
/// </summary>
/// <typeparam name="TSelf">The implementing type.</typeparam>
public interface IJsonReadable<TSelf>
    where TSelf : IJsonReadable<TSelf>
{
    /// <summary>Reads one JSON object, tolerantly or strictly as <paramref name="context"/> says.</summary>
    /// <param name="reader">
    /// A reader positioned on the value's first token (<see cref="JsonTokenType.StartObject"/>).
    /// On return it is positioned on the value's last token (<see cref="JsonTokenType.EndObject"/>).
    /// </param>
    /// <param name="context">Strict or tolerant, the secret to scrub; collects the issues met.</param>
    /// <returns>The value read.</returns>
    /// <exception cref="JsonException">
    /// The reader is not on an object, the JSON is not well formed, or <see cref="JsonReadContext.Strict"/>
    /// is set and a field could not be read.
    /// </exception>
    static abstract TSelf ReadJson(ref Utf8JsonReader reader, JsonReadContext context);
}
