namespace HappyHorse.Emulator;

/// <summary>What an emulator has done so far, for soak tests: a snapshot.</summary>
/// <param name="RequestsReceived">API requests received (file downloads not counted).</param>
/// <param name="RequestsRefused">API requests refused before validation: a bad or missing token, an oversized body, the rate limit, an injected fault before work.</param>
/// <param name="TasksCreated">Tasks created, each a billable piece of work.</param>
/// <param name="TasksFailed">Tasks that ended in failure (refunded).</param>
/// <param name="ClientRequestsChargedTwice">Client requests (by <c>x-client-request-id</c>) that created more than one task: double charges.</param>
/// <param name="TasksByClientRequest">The tasks each client request id created.</param>
public sealed record EmulatorUsage(
    long RequestsReceived,
    long RequestsRefused,
    long TasksCreated,
    long TasksFailed,
    long ClientRequestsChargedTwice,
    IReadOnlyDictionary<string, int> TasksByClientRequest);
