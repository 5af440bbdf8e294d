using System.Text;
using HappyHorse.Emulator.Validation;

namespace HappyHorse.Emulator.Tests.Support;

/// <summary>The validator over text bodies, as the tests write them.</summary>
internal static class RequestValidatorExtensions
{
    /// <summary>Validates a body given as text; strict (fields the action does not take are refused) unless asked otherwise.</summary>
    public static bool TryValidate(this RequestValidator validator, string body, out ValidatedRequest? request, out string? error, bool strict = true)
    {
        var outcome = validator.Validate(Encoding.UTF8.GetBytes(body), strict);
        (request, error) = (outcome.Request, outcome.Error);
        return request is not null;
    }
}
