namespace ContractFirst.Runtime;

/// <summary>
/// Thrown before anything is sent when a request breaks the contract's constraints.
/// </summary>
/// <remarks>
/// It derives from <see cref="ArgumentException"/> because the request is an invalid argument:
/// no HTTP call was made and nothing was charged.
/// </remarks>
public sealed class RequestValidationException : ArgumentException
{
    /// <summary>Initializes a new instance listing every broken constraint.</summary>
    /// <param name="requestName">The request type's name, for example <c>GenerateRequest</c>.</param>
    /// <param name="errors">The broken constraints; at least one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="requestName"/> or <paramref name="errors"/> is null.</exception>
    public RequestValidationException(string requestName, IReadOnlyList<ValidationError> errors)
        : base(BuildMessage(requestName, errors))
    {
        RequestName = requestName;
        Errors = errors;
    }

    /// <summary>Gets the request type's name.</summary>
    public string RequestName { get; }

    /// <summary>Gets every broken constraint.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    private static string BuildMessage(string requestName, IReadOnlyList<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(requestName);
        ArgumentNullException.ThrowIfNull(errors);
        return $"{requestName} is invalid: {string.Join("; ", errors.Select(e => e.Message))}.";
    }
}
