using System.Text.Json.Nodes;
using ContractFirst.Contract.Model;

namespace HappyHorse.Emulator.Validation;

/// <summary>A request that passed validation, with the contract's defaults resolved.</summary>
/// <param name="Action">
/// The action: the one the endpoint's discriminator names, the default action when the body names none, or the single
/// action of an endpoint without a discriminator.
/// </param>
/// <param name="Model">
/// The model: the body's, else the action's default, else (a contract with no default: the service picks one) the
/// action's first model; null for actions without models.
/// </param>
/// <param name="Body">
/// The action's own fields as sent (fields it ignored left out), plus the contract default of each field the body
/// leaves out, at any depth, as the service applies them. Integer fields hold their integer form (<c>3.0</c> is
/// <c>3</c>), so any reader of the body can take them as <see cref="int"/> or <see cref="long"/>.
/// </param>
internal sealed record ValidatedRequest(ActionSpec Action, string? Model, JsonObject Body);
