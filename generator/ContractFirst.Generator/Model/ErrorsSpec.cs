using ContractFirst.Generator.Helpers;

namespace ContractFirst.Generator.Model;

/// <summary>Where the error body keeps its parts (dotted paths), and the documented error cases.</summary>
internal sealed record ErrorsSpec(string CodePath, string MessagePath, string TraceIdPath, EquatableArray<ErrorCaseSpec> Cases);

/// <summary>One documented error: a status and the codes seen with it (none: any other code).</summary>
/// <param name="ExceptionName">Stem of the generated exception, e.g. <c>RateLimited</c> gives <c>RateLimitedException</c>.</param>
/// <param name="Retryable">Whether the server provably started no billable work, so a retry is safe.</param>
internal sealed record ErrorCaseSpec(int Status, EquatableArray<string> Codes, string ExceptionName, bool Retryable, string? Description);
