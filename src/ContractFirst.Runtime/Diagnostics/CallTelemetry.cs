namespace ContractFirst.Runtime;

/// <summary>
/// What a generated client tells the transport about a call, for its span and metrics: the API, the
/// contract's action and the model the request asks for. A struct of references the caller already
/// holds, so passing it costs nothing when no one listens.
/// </summary>
/// <param name="Api">The API's name in the contract, for example <c>HappyHorse</c> (the <c>contractfirst.api</c> tag).</param>
/// <param name="Action">The contract's action, for example <c>generate</c> (the <c>contractfirst.action</c> tag).</param>
/// <param name="Model">The model the request names, or null when it names none (the <c>contractfirst.model</c> tag).</param>
public readonly record struct CallTelemetry(string? Api, string? Action, string? Model = null);
