namespace ContractFirst.Runtime.Tests;

public sealed class ValidationResultTests
{
    [Fact]
    public void NoErrorsGiveTheCachedSuccess()
    {
        Assert.Same(ValidationResult.Success, ValidationResult.From(null));
        Assert.Same(ValidationResult.Success, ValidationResult.From([]));
        Assert.True(ValidationResult.Success.IsValid);
        Assert.Empty(ValidationResult.Success.Errors);
    }

    [Fact]
    public void ValidatingAValidRequestAllocatesNothing()
    {
        var request = new SampleRequest("a cat", 5, "https://example.com/cat.png");
        request.Validate(); // warm up

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = request.Validate();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Same(ValidationResult.Success, result);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void AnInvalidRequestReportsEveryBrokenConstraintInOrder()
    {
        var result = new SampleRequest(null, 16, "ftp://x").Validate();

        Assert.False(result.IsValid);
        Assert.Equal(["prompt", "duration", "image_url"], result.Errors.Select(e => e.Field));
    }

    [Fact]
    public void TheResultDoesNotChangeWhenTheValidatorsListDoes()
    {
        List<ValidationError> errors = [ValidationError.Required("prompt")];
        var result = ValidationResult.From(errors);

        errors.Add(ValidationError.Required("image_url"));

        Assert.Single(result.Errors);
    }

    [Fact]
    public void ThrowIfInvalidDoesNothingForAValidRequest() =>
        ValidationResult.Success.ThrowIfInvalid("GenerateRequest");

    [Fact]
    public void ThrowIfInvalidListsEveryError()
    {
        var result = ValidationResult.From([ValidationError.OutOfRange("duration", 3, 15, 16), ValidationError.Required("prompt")]);

        var ex = Assert.Throws<RequestValidationException>(() => result.ThrowIfInvalid("GenerateRequest"));

        Assert.Equal("GenerateRequest is invalid: duration must be between 3 and 15 (was 16); prompt is required.", ex.Message);
        Assert.Equal("GenerateRequest", ex.RequestName);
        Assert.Equal(result.Errors, ex.Errors);
        Assert.IsAssignableFrom<ArgumentException>(ex);
    }
}
