using System.ClientModel;
using Microsoft.Extensions.Options;

namespace ContractFirst.Extensions.DependencyInjection;

/// <summary>
/// The credential of one registration, kept in step with its settings: when the configuration
/// reloads with a new key, the credential is updated, and the client sends it from the next request.
/// </summary>
internal sealed class ApiKeySource : IDisposable
{
    private readonly IDisposable? _subscription;

    public ApiKeySource(IOptionsMonitor<ContractClientSettings> monitor, string name)
    {
        // Get validates: a missing key fails here with the message naming the configuration key.
        Credential = new ApiKeyCredential(monitor.Get(name).ApiKey!);
        _subscription = monitor.OnChange((settings, changed) =>
        {
            // The monitor only hands over settings that passed validation, so the key is usable.
            if (changed == name && settings.ApiKey is { } key)
            {
                Credential.Update(key);
            }
        });
    }

    public ApiKeyCredential Credential { get; }

    public void Dispose() => _subscription?.Dispose();
}
