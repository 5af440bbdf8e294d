namespace ContractFirst.Runtime;

/// <summary>
/// The outcome of validating a request: every broken constraint, or none.
/// </summary>
public sealed class ValidationResult
{
    private ValidationResult(IReadOnlyList<ValidationError> errors) => Errors = errors;

    /// <summary>Gets the shared result of a valid request.</summary>
    public static ValidationResult Success { get; } = new([]);

    /// <summary>Gets a value indicating whether no constraint is broken.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>Gets every broken constraint, in the order found.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    /// <summary>Wraps the errors a validator collected.</summary>
    /// <param name="errors">The errors, or <see langword="null"/> when there were none (see <see cref="Validate.Add"/>).</param>
    /// <returns><see cref="Success"/> when there are no errors (without allocating), otherwise a result holding a copy of them.</returns>
    public static ValidationResult From(List<ValidationError>? errors) =>
        errors is null || errors.Count == 0 ? Success : new ValidationResult(errors.ToArray());

    /// <summary>Throws when the request is invalid.</summary>
    /// <param name="requestName">The request type's name, used in the message.</param>
    /// <exception cref="RequestValidationException">At least one constraint is broken.</exception>
    public void ThrowIfInvalid(string requestName)
    {
        if (!IsValid)
        {
            throw new RequestValidationException(requestName, Errors);
        }
    }
}
