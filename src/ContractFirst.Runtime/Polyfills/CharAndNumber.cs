namespace ContractFirst.Runtime;

/// <summary>The .NET 7 ASCII character tests and .NET Core's <c>double.IsFinite</c>.</summary>
internal static class CharAndNumber
{
    extension(char)
    {
        public static bool IsAsciiDigit(char c) => (uint)(c - '0') <= 9;

        public static bool IsAsciiLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

        public static bool IsAsciiHexDigit(char c) => (uint)(c - '0') <= 9 || (uint)((c | 0x20) - 'a') <= 'f' - 'a';
    }

    extension(double)
    {
        public static bool IsFinite(double d) => !double.IsNaN(d) && !double.IsInfinity(d);
    }
}
