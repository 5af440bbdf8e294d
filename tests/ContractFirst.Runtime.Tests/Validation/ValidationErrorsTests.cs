namespace ContractFirst.Runtime.Tests;

/// <summary>The collector generated validators record violations into: a rule and a value each, errors made when read.</summary>
public sealed class ValidationErrorsTests
{
    private static readonly ValidationRule Prompt = ValidationRule.Required("prompt");
    private static readonly ValidationRule Duration = ValidationRule.Range("duration", 3, 15);
    private static readonly ValidationRule Strength = ValidationRule.Range("strength", 0d, 1d);
    private static readonly ValidationRule Ratio = ValidationRule.Allowed("ratio", "16:9, 9:16");
    private static readonly ValidationRule ImageUrl = ValidationRule.HttpUrl("image_urls");
    private static readonly ValidationRule Text = ValidationRule.WellFormed("prompt");

    [Fact]
    public void NothingRecordedIsTheSharedSuccessAndAllocatesNothing()
    {
        _ = new ValidationErrors(4).ToResult();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = new ValidationErrors(4).ToResult();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Same(ValidationResult.Success, result);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void RecordedViolationsReadAsTheErrorsTheFactoriesMake()
    {
        var errors = new ValidationErrors(2);
        errors.Add(Prompt);
        errors.Add(Duration, 16);
        errors.Add(Strength, 1.5);
        errors.Add(Ratio, "2:1");
        errors.Add(Ratio, (string?)null);
        errors.AddUnpairedSurrogate(Text, "ab\uD800", 2);
        errors.Add(ValidationRule.ExactlyOneOf("video_id, video_url"), 2);
        errors.Add(ValidationRule.Length("name", null, 4).When("model is v1"), 5);

        ValidationError[] expected =
        [
            ValidationError.Required("prompt"),
            ValidationError.OutOfRange("duration", 3, 15, 16),
            ValidationError.OutOfRange("strength", 0d, 1d, 1.5),
            ValidationError.NotAllowed("ratio", "16:9, 9:16", "2:1"),
            ValidationError.NotAllowed("ratio", "16:9, 9:16", null),
            ValidationError.UnpairedSurrogate("prompt", "ab\uD800", 2),
            ValidationError.ExactlyOneOf("video_id, video_url", 2),
            ValidationError.Length("name", null, 4, 5).When("model is v1"),
        ];
        var result = errors.ToResult();

        Assert.Equal(expected.Select(Describe), result.Errors.Select(Describe));
        Assert.Equal("name must be at most 4 characters (was 5) when model is v1", result.Errors[^1].Message);
    }

    [Fact]
    public void ListItemsAndNestedObjectsNameTheirPlace()
    {
        var nested = new ValidationErrors(2);
        nested.AddItem(2, ImageUrl, "ftp://x");
        nested.Add(Duration, 99);

        var errors = new ValidationErrors(1);
        errors.AddWithin("clips[0]", nested.ToResult());
        var result = errors.ToResult();

        Assert.Equal(["clips[0].image_urls[2]", "clips[0].duration"], result.Errors.Select(e => e.Field));
        Assert.Equal("clips[0].image_urls[2] must be an absolute http or https URL (was \"ftp://x\")", result.Errors[0].Message);
        Assert.Equal("clips[0].duration must be between 3 and 15 (was 99)", result.Errors[1].Message);
    }

    [Fact]
    public void CountingErrorsMakesNoErrorObjectAndReadingOneKeepsIt()
    {
        var errors = new ValidationErrors(2);
        errors.Add(Prompt);
        errors.Add(Duration, 16);
        var result = errors.ToResult();

        var before = GC.GetAllocatedBytesForCurrentThread();
        var count = result.Errors.Count + (result.IsValid ? 1 : 0);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(2, count);
        Assert.Equal(0, allocated);
        Assert.Same(result.Errors[1], result.Errors[1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => result.Errors[2]);
    }

    [Fact]
    public void TheCollectorGrowsPastItsFirstSizeAndKeepsTheOrder()
    {
        var errors = new ValidationErrors(1);
        for (var i = 0; i < 20; i++)
        {
            errors.AddItem(i, ImageUrl, "x" + i);
        }

        var result = errors.ToResult();

        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"image_urls[{i}]"), result.Errors.Select(e => e.Field));
    }

    [Fact]
    public void AResultDoesNotChangeWhenItsCollectorGoesOn()
    {
        var errors = new ValidationErrors(4);
        errors.Add(Prompt);
        var result = errors.ToResult();

        errors.Add(Duration, 16);

        Assert.Equal(["prompt"], result.Errors.Select(e => e.Field));
        Assert.Equal(2, errors.ToResult().Errors.Count);
    }

    [Fact]
    public void ErrorsReadFromManyThreadsAreOneObjectEach()
    {
        var errors = new ValidationErrors(8);
        for (var i = 0; i < 8; i++)
        {
            errors.Add(Duration, 100 + i);
        }

        var result = errors.ToResult();
        var seen = new ValidationError[16][];
        Parallel.For(0, seen.Length, t => seen[t] = [.. Enumerable.Range(0, 8).Select(i => result.Errors[i])]);

        for (var i = 0; i < 8; i++)
        {
            Assert.All(seen, s => Assert.Same(result.Errors[i], s[i]));
        }
    }

    private static string Describe(ValidationError e) => $"{e.Field} | {e.Rule} | {e.Value ?? "<null>"} | {e.Message}";
}
