using System.Security.Cryptography;
using System.Text;

namespace ContractFirst.Callbacks;

/// <summary>
/// The application's callback key: it mints an unguessable token for each callback URL and recognises the tokens it
/// minted, without storing any of them.
/// </summary>
/// <remarks>
/// A token is a random 128-bit nonce followed by the first 128 bits of HMAC-SHA256(key, nonce), in base64url
/// (43 characters). Each task gets its own token, so a URL seen in one log unlocks nothing else, and the receiver
/// needs no table of issued URLs: it recomputes the MAC and compares in constant time
/// (<see cref="CryptographicOperations.FixedTimeEquals"/>). Keep the key out of source control (a secret store);
/// changing it invalidates every URL handed out before. Thread-safe.
/// </remarks>
public sealed class CallbackSecret
{
    /// <summary>The length of every token, in characters.</summary>
    public const int TokenLength = 43;

    /// <summary>The fewest key bytes accepted: as many as the HMAC-SHA256 output.</summary>
    public const int MinKeyBytes = 32;

    private const int NonceBytes = 16;
    private const int MacBytes = 16;

    // Domain separation: the same key used for something else never yields a valid callback token.
    private static readonly byte[] Purpose = Encoding.ASCII.GetBytes("contractfirst-callback-v1:");

    private readonly byte[] _key;

    /// <summary>Initializes a new instance from key bytes.</summary>
    /// <param name="key">At least <see cref="MinKeyBytes"/> random bytes; copied.</param>
    /// <exception cref="ArgumentException">The key is shorter than <see cref="MinKeyBytes"/>.</exception>
    public CallbackSecret(ReadOnlySpan<byte> key)
    {
        if (key.Length < MinKeyBytes)
        {
            throw new ArgumentException($"A callback key needs at least {MinKeyBytes} bytes (was {key.Length}); make one with CallbackSecret.NewKey().", nameof(key));
        }

        _key = key.ToArray();
    }

    /// <summary>Makes a new random key, base64-encoded, to keep in configuration.</summary>
    /// <returns>32 random bytes as base64.</returns>
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(MinKeyBytes));

    /// <summary>Reads a key made by <see cref="NewKey"/>.</summary>
    /// <param name="base64Key">The key as base64.</param>
    /// <returns>The secret.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="base64Key"/> is null.</exception>
    /// <exception cref="ArgumentException">The text is not base64, or the key is shorter than <see cref="MinKeyBytes"/>.</exception>
    public static CallbackSecret FromBase64(string base64Key)
    {
        ArgumentNullException.ThrowIfNull(base64Key);
        var bytes = new byte[(base64Key.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(base64Key, bytes, out var written))
        {
            throw new ArgumentException("The callback key is not base64.", nameof(base64Key));
        }

        return new CallbackSecret(bytes.AsSpan(0, written));
    }

    /// <summary>Mints a new token: <see cref="TokenLength"/> URL-safe characters.</summary>
    /// <returns>The token.</returns>
    public string CreateToken()
    {
        Span<byte> token = stackalloc byte[NonceBytes + MacBytes];
        RandomNumberGenerator.Fill(token[..NonceBytes]);
        Mac(token[..NonceBytes], token[NonceBytes..]);
        return Base64UrlToken.Encode(token);
    }

    /// <summary>Whether <paramref name="token"/> was minted with this key; the comparison takes the same time wherever it differs.</summary>
    /// <param name="token">The token from the request; null, empty or malformed is simply not valid.</param>
    /// <returns>True for a token this key minted.</returns>
    public bool IsValid(ReadOnlySpan<char> token)
    {
        Span<byte> bytes = stackalloc byte[NonceBytes + MacBytes];
        if (token.Length != TokenLength || !Base64UrlToken.TryDecode(token, bytes))
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[MacBytes];
        Mac(bytes[..NonceBytes], expected);
        return CryptographicOperations.FixedTimeEquals(expected, bytes[NonceBytes..]);
    }

    private void Mac(ReadOnlySpan<byte> nonce, Span<byte> destination)
    {
        Span<byte> message = stackalloc byte[Purpose.Length + NonceBytes];
        Purpose.CopyTo(message);
        nonce.CopyTo(message[Purpose.Length..]);
        Span<byte> full = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, message, full);
        full[..destination.Length].CopyTo(destination);
    }
}
