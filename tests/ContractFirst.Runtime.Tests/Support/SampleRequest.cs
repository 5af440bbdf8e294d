namespace ContractFirst.Runtime.Tests;

/// <summary>A request with a validator shaped like a generated one.</summary>
internal sealed record SampleRequest(string? Prompt, int Duration, string ImageUrl) : IValidatable
{
    public ValidationResult Validate()
    {
        List<ValidationError>? errors = null;
        if (Prompt is null)
        {
            Runtime.Validate.Add(ref errors, ValidationError.Required("prompt"));
        }

        if (Duration is < 3 or > 15)
        {
            Runtime.Validate.Add(ref errors, ValidationError.OutOfRange("duration", 3, 15, Duration));
        }

        if (!Runtime.Validate.IsHttpUrl(ImageUrl))
        {
            Runtime.Validate.Add(ref errors, ValidationError.NotHttpUrl("image_url", ImageUrl));
        }

        return ValidationResult.From(errors);
    }
}
