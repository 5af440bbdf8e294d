using System.Text.RegularExpressions;

namespace ContractFirst.Runtime.Tests;

/// <summary>
/// The helpers generated validators check min_length, max_length and pattern with: lengths in Unicode code points
/// (as JSON Schema counts them), patterns searched with a timeout, and nothing allocated for a valid value.
/// </summary>
public sealed class TextRuleTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("horse", 5)]
    [InlineData("😀", 1)]
    [InlineData("a😀b😀", 4)]
    [InlineData("e\u0301", 2)]
    public void CodePointCountCountsASurrogatePairAsOneCharacter(string value, int count) =>
        Assert.Equal(count, Validate.CodePointCount(value));

    [Fact]
    public void CodePointCountCountsAnUnpairedSurrogateAsOneAndNullAsNone()
    {
        // Not theory data: xunit cannot carry an unpaired surrogate through its serialised test cases.
        Assert.Equal((1, 3, 0), (Validate.CodePointCount("\uD800"), Validate.CodePointCount("x\uDC00\uD800"), Validate.CodePointCount(null)));
    }

    [Fact]
    public void APatternIsSearchedNotAnchoredAsInJsonSchema()
    {
        var pattern = Validate.Pattern("b+");

        Assert.True(Validate.IsMatch(pattern, "abbbc"));
        Assert.False(Validate.IsMatch(pattern, "ac"));
        Assert.Equal((RegexOptions.CultureInvariant, Validate.PatternTimeout), (pattern.Options, pattern.MatchTimeout));
        Assert.Equal(TimeSpan.FromSeconds(1), Validate.PatternTimeout);
    }

    [Fact]
    public void AValueWhoseCheckRunsPastTheTimeoutDoesNotMatch()
    {
        // A catastrophic pattern and a value that makes it backtrack for ever: the check gives up and says no.
        var pattern = new Regex("^(a+)+$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(20));

        Assert.False(Validate.IsMatch(pattern, new string('a', 64) + "!"));
        Assert.True(Validate.IsMatch(pattern, "aaaa"));
    }

    [Fact]
    public void CheckingAValidValueAllocatesNothing()
    {
        var pattern = Validate.Pattern(@"^\d+:\d+$");
        const string Value = "16:9 😀";
        Assert.True(Validate.IsMatch(pattern, "16:9"));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var ok = true;
        for (var i = 0; i < 100; i++)
        {
            ok &= Validate.IsMatch(pattern, "16:9") && Validate.CodePointCount(Value) == 6;
        }

        Assert.True(ok);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
