namespace HappyHorse.Emulator;

/// <summary>One HTTP request the emulator received, for tests to inspect.</summary>
public sealed class EmulatorRequest
{
    /// <summary>The longest body kept, in characters: the history stays small whatever clients send.</summary>
    public const int MaxBodyLength = 16 * 1024;

    internal EmulatorRequest(string method, string path, string body, IReadOnlyDictionary<string, string> headers, DateTimeOffset receivedAt)
    {
        Method = method;
        Path = path;
        Body = body;
        Headers = headers;
        ReceivedAt = receivedAt;
    }

    /// <summary>Gets the HTTP method.</summary>
    public string Method { get; }

    /// <summary>Gets the request path, for example <c>/happyhorse/videos</c>.</summary>
    public string Path { get; }

    /// <summary>Gets the body as text (empty when there was none); only its first <see cref="MaxBodyLength"/> characters when it was longer.</summary>
    public string Body { get; }

    /// <summary>Gets the headers (names case-insensitive, repeated values joined by a comma), without <c>Authorization</c>: the token is never kept.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>Gets when the request arrived, by the emulator's clock.</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>Returns the method and path.</summary>
    /// <returns>For example <c>POST /happyhorse/videos</c>.</returns>
    public override string ToString() => Method + " " + Path;
}
