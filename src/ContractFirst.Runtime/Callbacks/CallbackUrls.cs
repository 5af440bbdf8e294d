namespace ContractFirst.Callbacks;

/// <summary>
/// Builds the <c>callback_url</c> of each submit: the receiver's public URL with a fresh unguessable token in place
/// of <c>{token}</c>, for example <c>https://example.com/callbacks/{token}</c>.
/// </summary>
/// <remarks>
/// The template is the public address of the receiver's route (with ContractFirst.Callbacks.AspNetCore,
/// <c>app.MapTaskCallbacks("/callbacks/{token}", secret, …)</c>), and both sides share one <see cref="CallbackSecret"/>.
/// Set it as the client options' <c>CallbackUrls</c> and every submit that takes a <c>callback_url</c> and has none gets
/// a fresh URL. A new URL per task is the default; an application that wants one URL for everything can call
/// <see cref="Create"/> once, reuse it, and turn <c>OneTaskPerUrl</c> off on the receiver (any leak of that URL then
/// unlocks every callback until the key changes). It lives in the runtime, not the ASP.NET Core package, so an SDK
/// can mint URLs without depending on ASP.NET Core. Thread-safe.
/// </remarks>
public sealed class CallbackUrls
{
    /// <summary>The placeholder the token replaces, also the route parameter the receiver reads.</summary>
    public const string TokenPlaceholder = "{token}";

    private readonly string _before;
    private readonly string _after;
    private readonly CallbackSecret _secret;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="template">An absolute http(s) URL with one <c>{token}</c>, for example <c>https://example.com/callbacks/{token}</c>.</param>
    /// <param name="secret">The key the receiver checks tokens with.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The template has no or several <c>{token}</c>, or is not an absolute http(s) URL.</exception>
    public CallbackUrls(string template, CallbackSecret secret)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(secret);
        var at = template.IndexOf(TokenPlaceholder, StringComparison.Ordinal);
        if (at < 0 || template.IndexOf(TokenPlaceholder, at + 1, StringComparison.Ordinal) >= 0)
        {
            throw new ArgumentException($"The callback URL template needs exactly one {TokenPlaceholder} (was \"{template}\").", nameof(template));
        }

        _before = template[..at];
        _after = template[(at + TokenPlaceholder.Length)..];
        if (!Uri.TryCreate(_before + new string('a', CallbackSecret.TokenLength) + _after, UriKind.Absolute, out var probe)
            || (probe.Scheme != Uri.UriSchemeHttps && probe.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"The callback URL template must be an absolute http(s) URL (was \"{template}\").", nameof(template));
        }

        _secret = secret;
    }

    /// <summary>Makes a callback URL with a new token.</summary>
    /// <returns>The URL, to send as the request's <c>callback_url</c>.</returns>
    public Uri Create() => new(_before + _secret.CreateToken() + _after);
}
