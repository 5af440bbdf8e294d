using System.Text;
using System.Text.Json;

namespace ContractFirst.Runtime;

/// <summary>
/// Where a service puts the code, message and trace id in its error bodies.
/// </summary>
public sealed class ErrorBodyFormat
{
    private const int MaxRawBodyBytes = 4096;

    private readonly string[] _codePath;
    private readonly string[] _messagePath;
    private readonly string[] _traceIdPath;

    /// <summary>Initializes a new instance from dotted property paths.</summary>
    /// <param name="codePath">The path of the error code, for example <c>error.code</c>.</param>
    /// <param name="messagePath">The path of the error message, for example <c>error.message</c>.</param>
    /// <param name="traceIdPath">The path of the trace id, for example <c>trace_id</c>.</param>
    /// <exception cref="ArgumentException">A path is null, empty, or has an empty segment.</exception>
    public ErrorBodyFormat(string codePath, string messagePath, string traceIdPath)
    {
        _codePath = SplitPath(codePath, nameof(codePath));
        _messagePath = SplitPath(messagePath, nameof(messagePath));
        _traceIdPath = SplitPath(traceIdPath, nameof(traceIdPath));
    }

    /// <summary>Reads an error response. Never fails: a body that is not JSON or lacks the paths gives null parts.</summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="body">The response body.</param>
    /// <param name="retryAfter">The wait from the <c>Retry-After</c> header, or <see langword="null"/>.</param>
    /// <returns>The error information, with the body kept as text (truncated to 4 KiB).</returns>
    public ApiErrorInfo Parse(int statusCode, ReadOnlySpan<byte> body, TimeSpan? retryAfter)
    {
        string? code = null, message = null, traceId = null;
        using (var document = TryParseJson(body))
        {
            if (document is not null)
            {
                code = Find(document.RootElement, _codePath);
                message = Find(document.RootElement, _messagePath);
                traceId = Find(document.RootElement, _traceIdPath);
            }
        }

        return new ApiErrorInfo(statusCode, code, message, traceId, ToText(body), retryAfter);
    }

    private static string[] SplitPath(string path, string paramName)
    {
        ArgumentException.ThrowIfNullOrEmpty(path, paramName);
        var segments = path.Split('.');
        if (Array.Exists(segments, s => s.Length == 0))
        {
            throw new ArgumentException($"The path \"{path}\" has an empty segment.", paramName);
        }

        return segments;
    }

    private static JsonDocument? TryParseJson(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        try
        {
            return JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException)
        {
            // Proxies and gateways answer with HTML or plain text; the raw body still reaches the caller.
            return null;
        }
    }

    private static string? Find(JsonElement element, string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        var text = element.ValueKind switch
        {
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Number => element.GetRawText(),
            _ => null,
        };
        return string.IsNullOrEmpty(text) ? null : text;
    }

    private static string? ToText(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        if (body.Length <= MaxRawBodyBytes)
        {
            return Encoding.UTF8.GetString(body);
        }

        // Cut on a character boundary: step back over UTF-8 continuation bytes (10xxxxxx).
        var cut = MaxRawBodyBytes;
        while (cut > 0 && (body[cut] & 0xC0) == 0x80)
        {
            cut--;
        }

        return Encoding.UTF8.GetString(body[..cut]) + "…";
    }
}
