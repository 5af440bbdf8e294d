using System.Security.Cryptography;
using ContractFirst.Callbacks.Tests.Support;

namespace ContractFirst.Callbacks.Tests;

/// <summary>Tokens: unguessable, URL-safe, recognised only by the key that minted them, and nothing else passes.</summary>
public sealed class CallbackSecretTests
{
    [Fact]
    public void ATokenIsUrlSafeAndItsKeyRecognisesIt()
    {
        var token = Bodies.Secret.CreateToken();

        Assert.Equal(CallbackSecret.TokenLength, token.Length);
        Assert.All(token, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_', $"'{c}' is not URL-safe"));
        Assert.True(Bodies.Secret.IsValid(token));
    }

    [Fact]
    public void EveryTokenIsNew()
    {
        var tokens = Enumerable.Range(0, 10_000).Select(_ => Bodies.Secret.CreateToken()).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(10_000, tokens.Count);
    }

    [Fact]
    public void AnotherKeysTokenIsNotValid()
    {
        var other = new CallbackSecret(RandomNumberGenerator.GetBytes(32));

        Assert.False(Bodies.Secret.IsValid(other.CreateToken()));
        Assert.False(other.IsValid(Bodies.Secret.CreateToken()));
    }

    [Fact]
    public void ChangingAnyCharacterOfATokenMakesItInvalid()
    {
        var token = Bodies.Secret.CreateToken();
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var tried = 0;
        for (var i = 0; i < token.Length; i++)
        {
            foreach (var c in alphabet.Where(c => c != token[i]))
            {
                var forged = string.Concat(token.AsSpan(0, i), c.ToString(), token.AsSpan(i + 1));
                Assert.False(Bodies.Secret.IsValid(forged), forged);
                tried++;
            }
        }

        Assert.Equal(43 * 63, tried);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // 42
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // 44
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA /")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAA AAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("ÀAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void MalformedTokensAreNotValidAndDoNotThrow(string token) => Assert.False(Bodies.Secret.IsValid(token));

    [Fact]
    public void AStandardBase64SpellingOfAValidTokenIsNotAccepted()
    {
        string token;
        do
        {
            token = Bodies.Secret.CreateToken();
        }
        while (!token.Contains('-', StringComparison.Ordinal) && !token.Contains('_', StringComparison.Ordinal));

        Assert.False(Bodies.Secret.IsValid(token.Replace('-', '+').Replace('_', '/')));
    }

    [Fact]
    public void AShortKeyIsRefused()
    {
        var ex = Assert.Throws<ArgumentException>(() => new CallbackSecret(new byte[31]));
        Assert.Contains("at least 32 bytes", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => CallbackSecret.FromBase64("not base64!"));
        Assert.Throws<ArgumentException>(() => CallbackSecret.FromBase64(Convert.ToBase64String(new byte[16])));
    }

    [Fact]
    public void AKeyKeptAsBase64MintsTheSameTokensAfterARestart()
    {
        var key = CallbackSecret.NewKey();
        var token = CallbackSecret.FromBase64(key).CreateToken();

        Assert.True(CallbackSecret.FromBase64(key).IsValid(token));
        Assert.NotEqual(key, CallbackSecret.NewKey());
    }
}
