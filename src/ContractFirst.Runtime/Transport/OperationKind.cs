namespace ContractFirst.Runtime;

/// <summary>
/// What a call does on the server, which decides when it is safe to send again.
/// </summary>
public enum OperationKind
{
    /// <summary>Starts billable work; retried only when the server provably started nothing.</summary>
    Submit,

    /// <summary>Only reads; idempotent, so retried on any transient failure.</summary>
    Read,
}
