using ContractFirst.Contract.Parsing;

namespace ContractFirst.Generator.Tests.Parsing;

/// <summary>
/// A field's pattern must compile in .NET (the generated validators run it) and read the same in ECMAScript (the
/// exported JSON Schemas state it): the syntax only .NET knows is found wherever it is written.
/// </summary>
public sealed class PatternRuleTests
{
    [Theory]
    [InlineData(@"(?i)^[a-z]+$", "(?i")]
    [InlineData(@"^(?-i:x)$", "(?-")]
    [InlineData(@"(?>a+)b", "(?>")]
    [InlineData(@"a(?#comment)b", "(?#")]
    [InlineData(@"(?(a)a|b)", "(?(")]
    [InlineData(@"(?'name'a)", "(?'")]
    [InlineData(@"(?<b>x)(?<a-b>y)", "(?<a-")]
    [InlineData(@"\Aabc", @"\A")]
    [InlineData(@"abc\Z", @"\Z")]
    [InlineData(@"abc\z", @"\z")]
    [InlineData(@"\Gabc", @"\G")]
    [InlineData(@"\a", @"\a")]
    [InlineData(@"\e", @"\e")]
    [InlineData(@"^\p{L}+$", @"\p")]
    [InlineData(@"[\P{N}]", @"\P")]
    [InlineData(@"(?<n>a)\k'n'", @"\k'")]
    [InlineData(@"^[a-z-[aeiou]]+$", "-[")]
    [InlineData(@"[]a]", "[]")]
    [InlineData(@"[^]a]", "[^]")]
    public void DotNetOnlySyntaxIsFound(string pattern, string construct)
    {
        Assert.NotNull(PatternRule.Compile(pattern, out _));
        Assert.Equal(construct, PatternRule.FindNonPortable(pattern));
    }

    [Theory]
    [InlineData(@"^\d+:\d+$")]
    [InlineData(@"^(?<year>\d{4})-(?<month>\d{2})$")]
    [InlineData(@"(?<year>\d{4})\k<year>")]
    [InlineData(@"^(?:a|b)(?=c)(?!d)(?<=c)(?<!e)")]
    [InlineData(@"[\]a]")]
    [InlineData(@"[a\-z]")]
    [InlineData(@"\\A\(\?i\)")]
    [InlineData(@"[(?i)]")]
    [InlineData(@"^\w+\s\b\.$")]
    [InlineData(@"\u00e9\x41\cA\t\0")]
    [InlineData(@"")]
    public void PortablePatternsPass(string pattern)
    {
        Assert.NotNull(PatternRule.Compile(pattern, out _));
        Assert.Null(PatternRule.FindNonPortable(pattern));
    }

    [Theory]
    [InlineData("[a-")]
    [InlineData("(")]
    [InlineData("a{2,1}")]
    [InlineData(@"\u{1F600}")]
    [InlineData("*a")]
    public void PatternsDotNetCannotCompileAreRefusedWithItsReason(string pattern)
    {
        Assert.Null(PatternRule.Compile(pattern, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.False(error!.EndsWith('.'), "The reason is an argument of the message, not a sentence of its own.");
    }
}
