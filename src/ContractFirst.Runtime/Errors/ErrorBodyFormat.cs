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
        // Scrubbed before cut: a token straddling the cut would otherwise leave its head behind.
        var found = JsonScan.FindPaths(ContractJson.SkipBom(body), _paths);
        return new ApiErrorInfo(
            statusCode,
            NullIfEmpty(Cut(Redaction.Scrub(found[0], secret), 256)),
            NullIfEmpty(Cut(Redaction.Scrub(found[1], secret), ApiErrorInfo.MaxMessageLength)),
            NullIfEmpty(Cut(Redaction.Scrub(found[2], secret), 256)),
            ToText(body, secret),
            retryAfter);
    }

    /// <summary>Keeps the head of a body as text, for an exception's <see cref="ApiErrorInfo.RawBody"/>: at most 4 KiB, without the secret.</summary>
    internal static string? ToText(ReadOnlySpan<byte> body, string? secret)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        // Decode a little past the cut so a secret that straddles it is still whole when scrubbed.
        var window = Math.Min(body.Length, MaxRawBodyBytes + (secret?.Length ?? 0) * 4);
        while (window < body.Length && window > 0 && (body[window] & 0xC0) == 0x80)
        {
            window--;
        }

        var text = Redaction.Scrub(Encoding.UTF8.GetString(body[..window]), secret)!;
        if (text.Length > MaxRawBodyBytes)
        {
            return Cut(text, MaxRawBodyBytes);
        }

        return window < body.Length ? text + "…" : text;
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

    /// <summary>Cuts to <paramref name="max"/> characters plus "…", never between the halves of a surrogate pair.</summary>
    internal static string? Cut(string? text, int max)
    {
        if (text is null || text.Length <= max)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return string.Concat(text.AsSpan(0, cut), "…");
    }
}
