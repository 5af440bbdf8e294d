namespace HappyHorse.Emulator.Validation;

/// <summary>What <see cref="RequestValidator.Validate"/> made of a body.</summary>
/// <param name="Request">The valid request; null when the body is refused.</param>
/// <param name="Error">When refused: one message naming every problem (field, rule and value); otherwise null.</param>
/// <param name="IgnoredFields">
/// The body's top-level fields that the action does not take and that were accepted and left out (tolerant mode), by
/// their JSON names in body order; empty in strict mode, where each is a problem instead.
/// </param>
internal sealed record ValidationOutcome(ValidatedRequest? Request, string? Error, IReadOnlyList<string> IgnoredFields);
