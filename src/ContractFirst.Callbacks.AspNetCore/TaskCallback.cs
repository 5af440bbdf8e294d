using ContractFirst.Runtime;
using Microsoft.AspNetCore.Http;

namespace ContractFirst.Callbacks;

/// <summary>One genuine, first delivery of a task's result.</summary>
/// <typeparam name="TResponse">The contract's response type the body was read as.</typeparam>
/// <param name="TaskId">The task the result belongs to.</param>
/// <param name="Result">The body, read tolerantly.</param>
/// <param name="ReadIssues">Values of the body that did not fit their fields (left unset); empty when none.</param>
/// <param name="HttpContext">The request, for its headers (a delivery id, say); the body has already been read.</param>
public sealed record TaskCallback<TResponse>(string TaskId, TResponse Result, IReadOnlyList<JsonReadIssue> ReadIssues, HttpContext HttpContext);
