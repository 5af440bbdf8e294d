using System.Text.Json;

namespace ContractFirst.Runtime;

/// <summary>A request body with a callback URL added as it is written, so the caller's request object is left as it was.</summary>
/// <remarks>
/// The request is reused by callers (and may be sent again by them): writing the minted URL into it would give a second
/// task the first one's token, which the receiver refuses. Generated clients build one per submit.
/// </remarks>
public sealed class CallbackUrlBody : IJsonWritable
{
    private readonly IJsonWritable _request;
    private readonly JsonEncodedText _field;
    private readonly string _url;

    private CallbackUrlBody(IJsonWritable request, JsonEncodedText field, string url)
    {
        _request = request;
        _field = field;
        _url = url;
    }

    /// <summary>Gets the caller's request this body wraps (telemetry prices it).</summary>
    internal IJsonWritable Request => _request;

    /// <summary>The body to send: <paramref name="request"/> as it is when it sets its own URL or there is nothing to mint with, else with a fresh one.</summary>
    /// <param name="request">The request, which writes one JSON object.</param>
    /// <param name="current">The request's own callback URL, or null.</param>
    /// <param name="field">The JSON name of the callback field, for example <c>callback_url</c>.</param>
    /// <param name="urls">The client options' callback URLs, or null.</param>
    /// <returns>The body.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or <paramref name="field"/> is null.</exception>
    public static IJsonWritable For(IJsonWritable request, string? current, string field, ContractFirst.Callbacks.CallbackUrls? urls)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(field);
        return current is not null || urls is null ? request : new CallbackUrlBody(request, JsonEncodedText.Encode(field), urls.Create().AbsoluteUri);
    }

    /// <inheritdoc/>
    public void WriteJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);

        // The request writes a whole object; copy its properties and add the URL before it closes.
        using var document = JsonDocument.Parse(ContractJson.ToUtf8Bytes(_request));
        writer.WriteStartObject();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (!property.NameEquals(_field.EncodedUtf8Bytes))
            {
                property.WriteTo(writer);
            }
        }

        writer.WriteString(_field, _url);
        writer.WriteEndObject();
    }
}
