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

        chars[token.Length..].Fill('=');
        return Convert.TryFromBase64Chars(chars, destination, out var written) && written == destination.Length;
    }
}
