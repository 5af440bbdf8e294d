namespace ContractFirst.Runtime;

/// <summary>
/// Turns a failed call into the typed exception the contract defines for it (and decides whether it is retryable).
/// </summary>
/// <param name="info">What the failed call told us.</param>
/// <param name="innerException">What made an answer unusable (for example the JSON error), or <see langword="null"/>.</param>
/// <returns>The exception to throw.</returns>
public delegate ApiException ApiExceptionFactory(ApiErrorInfo info, Exception? innerException);
