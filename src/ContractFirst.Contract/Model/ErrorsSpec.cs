using ContractFirst.Contract.Helpers;

namespace ContractFirst.Contract.Model;

/// <summary>Where the error body keeps its parts (dotted paths), and the documented error cases.</summary>
public sealed record ErrorsSpec(string CodePath, string MessagePath, string TraceIdPath, EquatableArray<ErrorCaseSpec> Cases);

/// <summary>One documented error: a status and the codes seen with it (none: any other code).</summary>
/// <param name="ExceptionName">Stem of the generated exception, e.g. <c>RateLimited</c> gives <c>{Api}RateLimitedException</c> (<see cref="Helpers.Naming.ExceptionType"/>).</param>
/// <param name="Retryable">Whether the failure is transient, so a lookup is worth sending again.</param>
/// <param name="ResendSafe">Whether these codes prove the server started nothing, so even a submit may be sent again.</param>
public sealed record ErrorCaseSpec(int Status, EquatableArray<string> Codes, string ExceptionName, bool Retryable, bool ResendSafe, string? Description);
