// TEMP: until the contract-driven validator lands.
using System.Text;
namespace HappyHorse.Emulator.Validation;
internal sealed record ValidationOutcome(ValidatedRequest? Request, string? Error, IReadOnlyList<string> IgnoredFields);
internal static class TempBridge
{
    public static ValidationOutcome Validate(this RequestValidator validator, byte[] body, bool strict)
    {
        _ = strict;
        return validator.TryValidate(Encoding.UTF8.GetString(body), out var request, out var error) ? new(request, null, []) : new(null, error, []);
    }
}
