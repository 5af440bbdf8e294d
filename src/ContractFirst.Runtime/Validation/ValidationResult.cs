using System.Collections;

namespace ContractFirst.Runtime;

/// <summary>
/// The outcome of validating a request: every broken constraint, or none.
/// </summary>
/// <remarks>
/// A result keeps the violations as they were recorded and makes each <see cref="ValidationError"/> the first time it
/// is read from <see cref="Errors"/>, so checking <see cref="IsValid"/> or counting errors costs no object per error.
/// </remarks>
public sealed class ValidationResult
{
    private readonly ErrorList _errors;

    internal ValidationResult(ValidationEntry[] entries, int count) => _errors = new ErrorList(entries, count);

    /// <summary>Gets the shared result of a valid request.</summary>
    public static ValidationResult Success { get; } = new([], 0);

    /// <summary>Gets a value indicating whether no constraint is broken.</summary>
    public bool IsValid => _errors.Count == 0;

    /// <summary>Gets every broken constraint, in the order found.</summary>
    public IReadOnlyList<ValidationError> Errors => _errors;

    /// <summary>Wraps errors made one by one (validators generated before <see cref="ValidationErrors"/> existed).</summary>
    /// <param name="errors">The errors, or <see langword="null"/> when there were none (see <see cref="Validate.Add"/>).</param>
    /// <returns><see cref="Success"/> when there are no errors (without allocating), otherwise a result holding a copy of them.</returns>
    public static ValidationResult From(List<ValidationError>? errors)
    {
        if (errors is null || errors.Count == 0)
        {
            return Success;
        }

        var entries = new ValidationEntry[errors.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = errors[i].Entry;
        }

        return new ValidationResult(entries, entries.Length);
    }

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

    /// <summary>The violation at <paramref name="index"/> as recorded, for a result that takes it under a path.</summary>
    internal ValidationEntry Entry(int index) => _errors.Entry(index);

    /// <summary>The errors as a list, each made from its entry when first read and then kept.</summary>
    private sealed class ErrorList(ValidationEntry[] entries, int count) : IReadOnlyList<ValidationError>
    {
        private ValidationError?[]? _made;

        public int Count => count;

        public ValidationEntry Entry(int index) => entries[index];

        public ValidationError this[int index]
        {
            get
            {
                if ((uint)index >= (uint)count)
                {
                    throw new ArgumentOutOfRangeException(nameof(index), index, "The index is outside the list of errors.");
                }

                var made = _made ?? Interlocked.CompareExchange(ref _made, new ValidationError?[count], null) ?? _made;
                return made[index] ?? Interlocked.CompareExchange(ref made[index], new ValidationError(entries[index]), null) ?? made[index]!;
            }
        }

        public IEnumerator<ValidationError> GetEnumerator()
        {
            for (var i = 0; i < count; i++)
            {
                yield return this[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
