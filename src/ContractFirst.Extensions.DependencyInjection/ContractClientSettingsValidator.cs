using Microsoft.Extensions.Options;

namespace ContractFirst.Extensions.DependencyInjection;

/// <summary>Fails the start of the app when a client's settings can't make a client, naming the configuration key.</summary>
internal sealed class ContractClientSettingsValidator(string name, string path) : IValidateOptions<ContractClientSettings>
{
    public ValidateOptionsResult Validate(string? optionsName, ContractClientSettings options)
    {
        if (optionsName != name)
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>(options.BindingErrors);
        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            failures.Add($"{path}:ApiKey is missing: set it to the API key (in configuration, for example appsettings.json or an environment variable).");
        }
        else if (options.ApiKey.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            // Never quote the key: this message is logged.
            failures.Add($"{path}:ApiKey contains whitespace or control characters.");
        }

        if (options.MaxRetries is < 0)
        {
            failures.Add($"{path}:MaxRetries must be a whole number from 0; it is {options.MaxRetries}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
