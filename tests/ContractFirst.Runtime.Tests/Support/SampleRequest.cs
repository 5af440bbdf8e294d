namespace ContractFirst.Runtime.Tests;

/// <summary>A request with a validator shaped like a generated one.</summary>
internal sealed record SampleRequest(string? Prompt, int Duration, string ImageUrl) : IValidatable
{
    private static readonly ValidationRule s_promptRequiredRule = ValidationRule.Required("prompt");
    private static readonly ValidationRule s_durationRangeRule = ValidationRule.Range("duration", 3, 15);
    private static readonly ValidationRule s_imageUrlHttpUrlRule = ValidationRule.HttpUrl("image_url");

    public ValidationResult Validate()
    {
        var errors = new ValidationErrors(3);
        if (Prompt is null)
        {
            errors.Add(s_promptRequiredRule);
        }

        if (Duration is < 3 or > 15)
        {
            errors.Add(s_durationRangeRule, Duration);
        }

        if (!Runtime.Validate.IsHttpUrl(ImageUrl))
        {
            errors.Add(s_imageUrlHttpUrlRule, ImageUrl);
        }

        return errors.ToResult();
    }
}
