using ContractFirst.Runtime;
using Studio;

namespace HappyHorse.Emulator.Tests.FieldConstraints;

/// <summary>
/// The validators generated from the Studio contract: each format 2 rule accepts what it allows and reports what it
/// refuses with the field, the rule and the value; a valid request allocates nothing.
/// </summary>
public class GeneratedValidatorTests
{
    [Fact]
    public void RequestsWithEveryFieldAtItsLimitsAreValid()
    {
        Assert.Empty(StudioRequests.FullCreate().Validate().Errors);
        Assert.Empty(StudioRequests.FullPreview().Validate().Errors);
    }

    [Fact]
    public void MaxLengthCountsCodePointsSoAnEmojiIsOneCharacter()
    {
        var request = new CreateRequest("p") { NegativePrompt = string.Concat(Enumerable.Repeat("😀", 200)) };
        Assert.True(request.Validate().IsValid);

        request.NegativePrompt += "😀";
        AssertSingle(request.Validate(), "negative_prompt", "length", "negative_prompt must be at most 200 characters (was 201)");
    }

    [Fact]
    public void AnActionsStricterMaxLengthApplesToItsRequestOnly()
    {
        var text = new string('a', 201);
        Assert.True(new CreateRequest(text).Validate().IsValid);

        AssertSingle(new PreviewRequest(text, "AB12").Validate(), "prompt", "length", "prompt must be between 1 and 200 characters (was 201)");
    }

    [Fact]
    public void ARequiredStringThatIsBlankIsMissingNotTooShort() =>
        AssertSingle(new CreateRequest(" ").Validate(), "prompt", "required", "prompt is required");

    [Fact]
    public void ALengthAndAPatternAreBothReported()
    {
        var errors = new PreviewRequest("p", "ab😀").Validate().Errors;

        Assert.Equal(
            [("tag", "length", "tag must be exactly 4 characters (was 3)"), ("tag", "pattern", "tag must match ^[A-Z0-9]+$ (was \"ab😀\")")],
            errors.Select(e => (e.Field, e.Rule, e.Message)));
    }

    [Theory]
    [InlineData("16:9", true)]
    [InlineData("1:1", true)]
    [InlineData("1080:1920", true)]
    [InlineData("16x9", false)]
    [InlineData(":9", false)]
    [InlineData("16:9 ", false)]
    [InlineData("ratio 16:9", false)]
    public void APatternIsCheckedAsWritten(string value, bool valid)
    {
        var result = new CreateRequest("p") { AspectRatio = value }.Validate();

        if (valid)
        {
            Assert.True(result.IsValid);
        }
        else
        {
            AssertSingle(result, "aspect_ratio", "pattern", $"aspect_ratio must match ^\\d+:\\d+$ (was \"{value}\")");
        }
    }

    [Fact]
    public void IntegerValuesAreTheOnlyNumbersAccepted()
    {
        Assert.True(new CreateRequest("p") { Duration = 5 }.Validate().IsValid);
        Assert.True(new CreateRequest("p") { Duration = 10 }.Validate().IsValid);

        AssertSingle(new CreateRequest("p") { Duration = 7 }.Validate(), "duration", "allowed", "duration must be one of 5, 10 (was 7)");
    }

    [Fact]
    public void AnActionThatNarrowsTheValuesRefusesTheOthers() =>
        AssertSingle(new PreviewRequest("p", "AB12") { Duration = 10 }.Validate(), "duration", "allowed", "duration must be one of 5 (was 10)");

    [Fact]
    public void NumberValuesAreCheckedAfterFiniteness()
    {
        Assert.True(new CreateRequest("p") { Strength = 1 }.Validate().IsValid);

        AssertSingle(new CreateRequest("p") { Strength = 0.75 }.Validate(), "strength", "allowed", "strength must be one of 0.25, 0.5, 1 (was 0.75)");
        AssertSingle(new CreateRequest("p") { Strength = double.NaN }.Validate(), "strength", "range", "strength must be a finite number (was NaN)");
    }

    [Fact]
    public void ValuesBeyondIntMakeTheFieldALong()
    {
        Assert.Equal(typeof(long?), typeof(CreateRequest).GetProperty(nameof(CreateRequest.MaxBytes))!.PropertyType);
        Assert.Equal(typeof(int?), typeof(CreateRequest).GetProperty(nameof(CreateRequest.Duration))!.PropertyType);
        Assert.Equal(typeof(double?), typeof(CreateRequest).GetProperty(nameof(CreateRequest.Strength))!.PropertyType);

        AssertSingle(new CreateRequest("p") { MaxBytes = 1 }.Validate(), "max_bytes", "allowed", "max_bytes must be one of 1048576, 4294967296 (was 1)");
    }

    [Fact]
    public void AUrlWithAMaxLengthReportsItsFormAndItsLength()
    {
        var request = new CreateRequest("p") { CallbackUrl = "ftp://" + new string('a', 2048) };

        Assert.Equal(["url", "length"], request.Validate().Errors.Select(e => e.Rule));
    }

    [Fact]
    public void ValidatingValidRequestsAllocatesNothing()
    {
        var create = StudioRequests.FullCreate();
        var preview = StudioRequests.FullPreview();
        Assert.True(create.Validate().IsValid && preview.Validate().IsValid); // warm-up: JIT, static fields, the regex runners

        var before = GC.GetAllocatedBytesForCurrentThread();
        var valid = true;
        for (var i = 0; i < 100; i++)
        {
            valid &= create.Validate().IsValid & preview.Validate().IsValid;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(valid);
        Assert.Equal(0, allocated);
    }

    private static void AssertSingle(ValidationResult result, string field, string rule, string message)
    {
        var error = Assert.Single(result.Errors);
        Assert.Equal((field, rule, message), (error.Field, error.Rule, error.Message));
    }
}
