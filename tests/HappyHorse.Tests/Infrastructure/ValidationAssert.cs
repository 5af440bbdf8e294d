namespace HappyHorse.Tests.Infrastructure;

internal static class ValidationAssert
{
    public static void Valid(IValidatable request)
    {
        var result = request.Validate();
        Assert.True(result.IsValid, "expected valid, got: " + string.Join("; ", result.Errors.Select(e => e.Message)));
        Assert.Empty(result.Errors);
    }

    /// <summary>Asserts exactly one violation, on <paramref name="field"/> by <paramref name="rule"/>, whose message holds every fragment.</summary>
    public static ValidationError SingleError(IValidatable request, string field, string rule, params string[] messageFragments)
    {
        var result = request.Validate();
        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Equal(field, error.Field);
        Assert.Equal(rule, error.Rule);
        Assert.StartsWith(field, error.Message, StringComparison.Ordinal);
        foreach (var fragment in messageFragments)
        {
            Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        }

        return error;
    }
}
