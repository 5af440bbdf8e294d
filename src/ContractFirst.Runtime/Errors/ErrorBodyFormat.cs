using System.Text;

namespace ContractFirst.Runtime;

/// <summary>
/// Where a service puts the code, message and trace id in its error bodies.
/// </summary>
public sealed class ErrorBodyFormat
{
    private const int MaxRawBodyBytes = 4096;

    private readonly string[][] _paths;

    /// <summary>Initializes a new instance from dotted property paths.</summary>
    /// <param name="codePath">The path of the error code, for example <c>error.code</c>.</param>
    /// <param name="messagePath">The path of the error message, for example <c>error.message</c>.</param>
    /// <param name="traceIdPath">The path of the trace id, for example <c>trace_id</c>.</param>
    /// <exception cref="ArgumentException">A path is null, empty, or has an empty segment.</exception>
    public ErrorBodyFormat(string codePath, string messagePath, string traceIdPath)
    {
        _paths = [SplitPath(codePath, nameof(codePath)), SplitPath(messagePath, nameof(messagePath)), SplitPath(traceIdPath, nameof(traceIdPath))];
    }

    /// <summary>
    /// Reads an error response. Never fails: a body that is not JSON, is cut off, holds invalid
    /// UTF-8 or lacks the paths gives null parts, and the raw text is kept.
    /// </summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="body">The response body (already cut to the error body limit).</param>
    /// <param name="retryAfter">The wait from the <c>Retry-After</c> header, or <see langword="null"/>.</param>
    /// <param name="secret">The token, scrubbed from every string kept; <see langword="null"/> for none.</param>
    /// <returns>The error information, with the body kept as text (truncated to 4 KiB) and the message cut to <see cref="ApiErrorInfo.MaxMessageLength"/>.</returns>
    public ApiErrorInfo Parse(int statusCode, ReadOnlySpan<byte> body, TimeSpan? retryAfter, string? secret = null)
    {
        var found = JsonScan.FindPaths(body, _paths);
        return new ApiErrorInfo(
            statusCode,
            Redaction.Scrub(NullIfEmpty(Cut(found[0], 256)), secret),
            Redaction.Scrub(NullIfEmpty(Cut(found[1], ApiErrorInfo.MaxMessageLength)), secret),
            Redaction.Scrub(NullIfEmpty(Cut(found[2], 256)), secret),
            Redaction.Scrub(ToText(body), secret),
            retryAfter);
    }

    /// <summary>Keeps the head of an unusable body as text, for an exception's <see cref="ApiErrorInfo.RawBody"/>.</summary>
    internal static string? ToText(ReadOnlySpan<byte> body)
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

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static string? Cut(string? text, int max) =>
        text is null || text.Length <= max ? text : string.Concat(text.AsSpan(0, max), "…");
}
