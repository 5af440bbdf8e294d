namespace ContractFirst.Callbacks;

/// <summary>Unpadded base64url for the fixed 32-byte tokens (System.Buffers.Text.Base64Url is .NET 9+; this package also targets .NET 8).</summary>
internal static class Base64UrlToken
{
    public static string Encode(ReadOnlySpan<byte> bytes)
    {
        Span<char> chars = stackalloc char[((bytes.Length + 2) / 3) * 4];
        Convert.TryToBase64Chars(bytes, chars, out var written);
        var text = chars[..written].TrimEnd('=');
        for (var i = 0; i < text.Length; i++)
        {
            text[i] = text[i] switch { '+' => '-', '/' => '_', var c => c };
        }

        return new string(text);
    }

    /// <summary>Decodes exactly <paramref name="destination"/>.Length bytes; false for any other input, never throws.</summary>
    public static bool TryDecode(ReadOnlySpan<char> token, Span<byte> destination)
    {
        Span<char> chars = stackalloc char[((token.Length + 3) / 4) * 4];
        for (var i = 0; i < token.Length; i++)
        {
            var c = token[i];
            if (c is '+' or '/' or '=')
            {
                return false; // standard base64 and padding are not the token's alphabet
            }

            chars[i] = c switch { '-' => '+', '_' => '/', _ => c };
        }

        // The last character's unused low bits must be zero, so each token has exactly one spelling.
        var unusedBits = (token.Length % 4) switch { 2 => 0b1111, 3 => 0b11, _ => 0 };
        if (unusedBits != 0 && (SextetOf(token[^1]) & unusedBits) != 0)
        {
            return false;
        }

        chars[token.Length..].Fill('=');
        return Convert.TryFromBase64Chars(chars, destination, out var written) && written == destination.Length;
    }

    private static int SextetOf(char c) => c switch
    {
        >= 'A' and <= 'Z' => c - 'A',
        >= 'a' and <= 'z' => c - 'a' + 26,
        >= '0' and <= '9' => c - '0' + 52,
        '-' => 62,
        '_' => 63,
        _ => 0, // not in the alphabet: the decoder refuses it
    };
}
