using System.Globalization;

namespace ContractFirst.Runtime.Tests;

public sealed class ValidationErrorTests
{
    [Fact]
    public void RequiredNamesTheFieldAndHasNoValue()
    {
        var error = ValidationError.Required("prompt");

        Assert.Equal(("prompt", "required", "prompt is required", null), (error.Field, error.Rule, error.Message, error.Value));
        Assert.Equal(error.Message, error.ToString());
    }

    [Fact]
    public void UnpairedSurrogateNamesTheFieldTheRuleAndTheIndexButLeavesTheValueOutOfTheMessage()
    {
        var error = ValidationError.UnpairedSurrogate("prompt", "horse \uDC00", 6);

        Assert.Equal(
            ("prompt", "utf16", "prompt must be well-formed UTF-16: unpaired surrogate U+DC00 at index 6", "horse \uDC00"),
            (error.Field, error.Rule, error.Message, error.Value));
        Assert.Throws<ArgumentOutOfRangeException>(() => ValidationError.UnpairedSurrogate("prompt", "x", 1));
    }

    [Fact]
    public void IntegerOutOfRangeShowsTheBoundsAndTheValue()
    {
        var error = ValidationError.OutOfRange("duration", 3, 15, 16);

        Assert.Equal(("duration", "range", "duration must be between 3 and 15 (was 16)", "16"), (error.Field, error.Rule, error.Message, error.Value));
    }

    [Fact]
    public void NumberOutOfRangeIsFormattedTheSameInEveryCulture()
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var error = ValidationError.OutOfRange("strength", 0.5, 1.0, 1.25);

            Assert.Equal("strength must be between 0.5 and 1 (was 1.25)", error.Message);
            Assert.Equal("1.25", error.Value);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Theory]
    [InlineData(1, 9, 10, "image_urls must have between 1 and 9 items (had 10)")]
    [InlineData(1, null, 0, "image_urls must have at least 1 item (had 0)")]
    [InlineData(2, null, 1, "image_urls must have at least 2 items (had 1)")]
    [InlineData(null, 5, 6, "image_urls must have at most 5 items (had 6)")]
    [InlineData(2, 2, 3, "image_urls must have exactly 2 items (had 3)")]
    public void ItemCountPhrasesTheBoundsItKnows(int? min, int? max, int count, string message)
    {
        var error = ValidationError.ItemCount("image_urls", min, max, count);

        Assert.Equal(("image_urls", "items", message, count.ToString(CultureInfo.InvariantCulture)), (error.Field, error.Rule, error.Message, error.Value));
    }

    [Fact]
    public void ItemCountWithoutBoundsIsAGeneratorBug() =>
        Assert.Throws<ArgumentException>(() => ValidationError.ItemCount("image_urls", null, null, 3));

    [Fact]
    public void NotHttpUrlQuotesTheValue()
    {
        var error = ValidationError.NotHttpUrl("image_urls[2]", "ftp://x");

        Assert.Equal(("image_urls[2]", "url", "image_urls[2] must be an absolute http or https URL (was \"ftp://x\")", "ftp://x"), (error.Field, error.Rule, error.Message, error.Value));
    }

    [Fact]
    public void NotAllowedListsTheAllowedValues()
    {
        var error = ValidationError.NotAllowed("ratio", "16:9, 9:16", "2:1");

        Assert.Equal(("ratio", "allowed", "ratio must be one of 16:9, 9:16 (was \"2:1\")", "2:1"), (error.Field, error.Rule, error.Message, error.Value));
    }

    [Fact]
    public void NotAllowedSaysNullWhenThereIsNoValue()
    {
        var error = ValidationError.NotAllowed("ratio", "16:9, 9:16", null);

        Assert.Equal("ratio must be one of 16:9, 9:16 (was null)", error.Message);
        Assert.Null(error.Value);
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void NotFiniteNamesTheValue(double value, string text)
    {
        var error = ValidationError.NotFinite("strength", value);

        Assert.Equal(("strength", "range", $"strength must be a finite number (was {text})", text), (error.Field, error.Rule, error.Message, error.Value));
    }

    [Theory]
    [InlineData(3L, null, "at least 3")]
    [InlineData(null, 15L, "at most 15")]
    public void OutOfRangeWithOneBoundSaysWhichSide(long? min, long? max, string bound)
    {
        var error = ValidationError.OutOfRange("duration", min, max, 20);

        Assert.Equal($"duration must be {bound} (was 20)", error.Message);
    }

    [Theory]
    [InlineData(null, 200, 231, "negative_prompt must be at most 200 characters (was 231)")]
    [InlineData(3, null, 1, "negative_prompt must be at least 3 characters (was 1)")]
    [InlineData(1, null, 0, "negative_prompt must be at least 1 character (was 0)")]
    [InlineData(3, 200, 2, "negative_prompt must be between 3 and 200 characters (was 2)")]
    [InlineData(4, 4, 5, "negative_prompt must be exactly 4 characters (was 5)")]
    public void LengthNamesTheFieldTheBoundsAndTheLengthGiven(int? min, int? max, int length, string message)
    {
        var error = ValidationError.Length("negative_prompt", min, max, length);

        Assert.Equal(("negative_prompt", "length", message, length.ToString(CultureInfo.InvariantCulture)), (error.Field, error.Rule, error.Message, error.Value));
    }

    [Fact]
    public void LengthWithoutBoundsIsAGeneratorBug() =>
        Assert.Throws<ArgumentException>(() => ValidationError.Length("name", null, null, 3));

    [Fact]
    public void PatternMismatchShowsThePatternAndQuotesTheValue()
    {
        var error = ValidationError.PatternMismatch("aspect_ratio", Validate.Pattern(@"^\d+:\d+$"), "16x9");

        Assert.Equal(("aspect_ratio", "pattern", @"aspect_ratio must match ^\d+:\d+$ (was ""16x9"")", "16x9"), (error.Field, error.Rule, error.Message, error.Value));
    }

    [Fact]
    public void NotAllowedNumbersListTheAllowedOnesAndTheValueInEveryCulture()
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var integer = ValidationError.NotAllowed("duration", "5, 10", 7L);
            var number = ValidationError.NotAllowed("strength", "0.25, 0.5", 0.75);

            Assert.Equal(("duration", "allowed", "duration must be one of 5, 10 (was 7)", "7"), (integer.Field, integer.Rule, integer.Message, integer.Value));
            Assert.Equal(("strength must be one of 0.25, 0.5 (was 0.75)", "0.75"), (number.Message, number.Value));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void GroupAndConditionalRulesReadAsSentences()
    {
        Assert.Equal("exactly one of video_id, video_url must be set (2 were)", ValidationError.ExactlyOneOf("video_id, video_url", 2).Message);
        Assert.Equal("exactly one of video_id, video_url must be set (1 was)", ValidationError.ExactlyOneOf("video_id, video_url", 1).Message);
        Assert.Equal("2", ValidationError.ExactlyOneOf("video_id, video_url", 2).Value);
        Assert.Equal("at least one of prompt, image_url must be set", ValidationError.AtLeastOneOf("prompt, image_url").Message);
        Assert.Equal("end_image_url requires image_url", ValidationError.Requires("end_image_url", "image_url").Message);
        Assert.Equal("end_image_url cannot be sent with camera_control", ValidationError.Forbids("end_image_url", "camera_control").Message);
        Assert.Equal("lyric is required when custom is true", ValidationError.RequiredWhen("lyric", "custom is true").Message);
        Assert.Equal("end_image_url must not be set when model is kling-v1", ValidationError.ForbiddenWhen("end_image_url", "model is kling-v1").Message);
        Assert.Null(ValidationError.RequiredWhen("lyric", "custom is true").Value);
    }

    [Fact]
    public void WithinPutsThePathBeforeTheFieldAndTheMessage()
    {
        var error = ValidationError.OutOfRange("zoom", -10, 10, 11).Within("config").Within("camera_control");

        Assert.Equal("camera_control.config.zoom", error.Field);
        Assert.Equal("camera_control.config.zoom must be between -10 and 10 (was 11)", error.Message);
        Assert.Equal("range", error.Rule);
        Assert.Equal("11", error.Value);
    }

    [Fact]
    public void WithinKeepsAGroupRuleReadableByNamingThePathFirst()
    {
        var error = ValidationError.ExactlyOneOf("image_url, image_id", 0).Within("image_list[2]");

        Assert.Equal("image_list[2].image_url, image_id", error.Field);
        Assert.Equal("image_list[2].image_url, image_id: exactly one of image_url, image_id must be set (0 were)", error.Message);
    }

    [Fact]
    public void WhenAppendsTheConditionAndCombinesWithWithin()
    {
        var error = ValidationError.OutOfRange("duration", 5, 10, 15).When("model is kling-v1").Within("clips[0]");

        Assert.Equal("clips[0].duration", error.Field);
        Assert.Equal("clips[0].duration must be between 5 and 10 (was 15) when model is kling-v1", error.Message);
        Assert.Equal("15", error.Value);
    }

    [Fact]
    public void AnErrorBuildsItsTextOnlyWhenRead()
    {
        // A range error with numbers to format costs what a bare required error costs, the object alone, until read.
        _ = ValidationError.OutOfRange("seed", 0, 2147483647, -1).Field;
        _ = ValidationError.Required("prompt").Field;
        var before = GC.GetAllocatedBytesForCurrentThread();
        var made = ValidationError.OutOfRange("seed", 0, 2147483647, -1);
        var rangeBytes = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        _ = ValidationError.Required("prompt");
        var requiredBytes = GC.GetAllocatedBytesForCurrentThread() - before;

        var first = made.Message;

        Assert.Equal(requiredBytes, rangeBytes);
        Assert.Equal("seed must be between 0 and 2147483647 (was -1)", first);
        Assert.Same(first, made.Message);
    }
}
