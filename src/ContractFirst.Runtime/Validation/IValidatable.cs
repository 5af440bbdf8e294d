namespace ContractFirst.Runtime;

/// <summary>
/// A request that can check the contract's constraints before it is sent.
/// </summary>
public interface IValidatable
{
    /// <summary>Checks every constraint and reports all that are broken.</summary>
    /// <returns>The result; <see cref="ValidationResult.Success"/> when valid.</returns>
    ValidationResult Validate();
}
