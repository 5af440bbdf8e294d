namespace ContractFirst.Runtime;

/// <summary>Why a call that reached the service did not give a usable answer.</summary>
public enum ApiFailureKind
{
    /// <summary>The service answered with a status that is neither success (2xx) nor a redirect (3xx), usually 4xx or 5xx.</summary>
    ErrorStatus,

    /// <summary>
    /// The service answered with a redirect. Redirects are never followed: a POST that starts paid
    /// work must not be sent, or accepted from, a host other than the configured endpoint.
    /// </summary>
    Redirect,

    /// <summary>A success answer was larger than <see cref="ApiClientOptions.MaxResponseBytes"/>; it was not read.</summary>
    ResponseTooLarge,

    /// <summary>
    /// A success answer could not be read: not JSON, cut off mid-way, or (with
    /// <see cref="ApiClientOptions.StrictReading"/>) a field of the wrong type. The work may have
    /// started: <see cref="ApiErrorInfo.PartialFields"/> keeps the ids read before the damage.
    /// </summary>
    UnreadableResponse,

    /// <summary>The task ended in failure, as the contract's polling rules define it.</summary>
    TaskFailed,
}
