namespace ContractFirst.Runtime;

/// <summary>
/// Removes a secret (the API token) from text a server sent, before that text reaches an exception,
/// a log, a trace tag or a caller's output.
/// </summary>
/// <remarks>
/// A server or proxy that echoes request headers puts the token into error messages, trace ids or
/// response fields; everything the runtime keeps from an answer goes through here first.
/// </remarks>
public static class Redaction
{
    /// <summary>What replaces the secret.</summary>
    public const string Placeholder = "[REDACTED]";

    /// <summary>
    /// Secrets shorter than this are not scrubbed: replacing every "abc" in server text would mangle
    /// it, and a token that short is not a real credential.
    /// </summary>
    public const int MinimumSecretLength = 6;

    /// <summary>Replaces every occurrence of <paramref name="secret"/> in <paramref name="text"/>.</summary>
    /// <param name="text">Text from a server, or <see langword="null"/>.</param>
    /// <param name="secret">The secret, or <see langword="null"/> for none.</param>
    /// <returns>The text without the secret; the same instance when it did not contain it.</returns>
    public static string? Scrub(string? text, string? secret)
    {
        if (text is null || secret is null || secret.Length < MinimumSecretLength)
        {
            return text;
        }

        return text.Contains(secret, StringComparison.Ordinal)
            ? text.Replace(secret, Placeholder, StringComparison.Ordinal)
            : text;
    }
}
