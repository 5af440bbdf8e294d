namespace ContractFirst.Runtime.Tests;

/// <summary>A stand-in for a generated exception subclass that the contract marks retryable.</summary>
internal sealed class TestRateLimitedException(ApiErrorInfo info) : ApiException(info, isRetryable: true);
