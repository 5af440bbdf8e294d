namespace ContractFirst.Contract.Model;

/// <summary>Look-ups over the model that tools (the schema export, the emulator, the CLI) share.</summary>
public static class ContractSpecExtensions
{
    /// <summary>Gets an endpoint by its contract key.</summary>
    /// <param name="contract">The contract.</param>
    /// <param name="key">The key, for example <c>videos</c>.</param>
    /// <returns>The endpoint.</returns>
    /// <exception cref="KeyNotFoundException">The contract has no such endpoint.</exception>
    public static EndpointSpec GetEndpoint(this ContractSpec contract, string key) =>
        contract.Endpoints.FirstOrDefault(e => e.Key == key) ?? throw new KeyNotFoundException($"The contract has no endpoint '{key}'.");

    /// <summary>Finds an enum by name.</summary>
    /// <param name="contract">The contract.</param>
    /// <param name="name">The enum's name.</param>
    /// <returns>The enum, or <see langword="null"/>.</returns>
    public static EnumSpec? FindEnum(this ContractSpec contract, string? name) => contract.Enums.FirstOrDefault(e => e.Name == name);

    /// <summary>Finds an action by its discriminator value.</summary>
    /// <param name="endpoint">The endpoint.</param>
    /// <param name="value">The discriminator value.</param>
    /// <returns>The action, or <see langword="null"/>.</returns>
    public static ActionSpec? FindAction(this EndpointSpec endpoint, string? value) => endpoint.Actions.FirstOrDefault(a => a.Value == value);

    /// <summary>Finds the first action whose models hold <paramref name="model"/> (models an endpoint declares once may belong to several).</summary>
    /// <param name="endpoint">The endpoint.</param>
    /// <param name="model">A model id.</param>
    /// <returns>The action, or <see langword="null"/> when no action lists the model.</returns>
    public static ActionSpec? FindActionOfModel(this EndpointSpec endpoint, string? model) =>
        endpoint.Actions.FirstOrDefault(a => a.HasModel(model));

    /// <summary>Whether the action accepts the model id <paramref name="model"/>.</summary>
    /// <param name="action">The action.</param>
    /// <param name="model">A model id.</param>
    /// <returns><see langword="true"/> when the action lists the model.</returns>
    public static bool HasModel(this ActionSpec action, string? model) => action.Models.Any(m => m.Value == model);
}
