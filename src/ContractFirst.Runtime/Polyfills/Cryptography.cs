using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace ContractFirst.Runtime;

/// <summary>The .NET Core 2.1–6 static cryptography members the callback tokens use.</summary>
internal static class Cryptography
{
    extension(RandomNumberGenerator)
    {
        public static byte[] GetBytes(int count)
        {
            var bytes = new byte[count];
            using var random = RandomNumberGenerator.Create();
            random.GetBytes(bytes);
            return bytes;
        }

        public static void Fill(Span<byte> data)
        {
            var bytes = RandomNumberGenerator.GetBytes(data.Length);
            bytes.CopyTo(data);
        }
    }

    extension(HMACSHA256)
    {
        public static int HashSizeInBytes => 32;

        public static int HashData(byte[] key, ReadOnlySpan<byte> source, Span<byte> destination)
        {
            using var hmac = new HMACSHA256(key);
            var hash = hmac.ComputeHash(source.ToArray());
            hash.CopyTo(destination);
            return hash.Length;
        }
    }

    extension(Convert)
    {
        public static bool TryToBase64Chars(ReadOnlySpan<byte> bytes, Span<char> chars, out int charsWritten)
        {
            var text = Convert.ToBase64String(bytes.ToArray());
            charsWritten = text.Length <= chars.Length ? text.Length : 0;
            text.AsSpan().CopyTo(chars);
            return charsWritten == text.Length;
        }

        public static bool TryFromBase64Chars(ReadOnlySpan<char> chars, Span<byte> bytes, out int bytesWritten) =>
            Convert.TryFromBase64String(chars.ToString(), bytes, out bytesWritten);

        public static bool TryFromBase64String(string text, Span<byte> bytes, out int bytesWritten)
        {
            bytesWritten = 0;
            byte[] decoded;
            try
            {
                decoded = Convert.FromBase64String(text);
            }
            catch (FormatException)
            {
                return false;
            }

            if (decoded.Length > bytes.Length)
            {
                return false;
            }

            decoded.CopyTo(bytes);
            bytesWritten = decoded.Length;
            return true;
        }
    }
}

/// <summary>.NET Core 2.1's constant-time comparison.</summary>
internal static class CryptographicOperations
{
    // No inlining or optimisation that could stop early: the time must not depend on where the bytes differ.
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.NoOptimization)]
    public static bool FixedTimeEquals(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        if (left.Length != right.Length)
        {
            return false;
        }

        var difference = 0;
        for (var i = 0; i < left.Length; i++)
        {
            difference |= left[i] - right[i];
        }

        return difference == 0;
    }
}
