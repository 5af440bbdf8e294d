using System.Text.Json;

namespace ContractFirst.Runtime;

/// <summary>
/// A value that reads itself from JSON without reflection; generated response types implement it.
/// </summary>
/// <typeparam name="TSelf">The implementing type.</typeparam>
/// <remarks>
/// On .NET 8 or later, <c>ReadJson</c> is a static virtual member that generated types implement. Where
/// interfaces cannot have static virtual members (netstandard2.0) this is a marker and the reader is
/// registered with <see cref="JsonReaders"/>; the default <c>ReadJson</c> reads through that
/// registry, so a netstandard2.0-compiled SDK also works against this runtime's net8.0 build.
/// </remarks>
public interface IJsonReadable<TSelf>
    where TSelf : IJsonReadable<TSelf>
{
#if NET8_0_OR_GREATER
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
    /// <exception cref="InvalidOperationException">
    /// The type neither implements this member nor registered a reader with <see cref="JsonReaders"/>.
    /// </exception>
    static virtual TSelf ReadJson(ref Utf8JsonReader reader, JsonReadContext context) => JsonReaders.Read<TSelf>(ref reader, context);
#endif
}
