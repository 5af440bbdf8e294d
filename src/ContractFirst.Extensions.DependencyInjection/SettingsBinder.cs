using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace ContractFirst.Extensions.DependencyInjection;

/// <summary>
/// Reads <see cref="ContractClientSettings"/> from a configuration section by hand: no reflection,
/// so it trims and compiles ahead of time, and a bad value is reported with its key, the rule and the value.
/// </summary>
internal static class SettingsBinder
{
    public static void Bind(IConfiguration section, string path, ContractClientSettings settings)
    {
        if (section[nameof(ContractClientSettings.ApiKey)] is { } key)
        {
            settings.ApiKey = key;
        }

        if (section[nameof(ContractClientSettings.UserAgent)] is { } agent)
        {
            settings.UserAgent = agent;
        }

        if (Text(section, nameof(ContractClientSettings.Endpoint)) is { } endpoint)
        {
            if (Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
            {
                settings.Endpoint = uri;
            }
            else
            {
                Invalid(settings, path, nameof(ContractClientSettings.Endpoint), "an absolute URI", endpoint);
            }
        }

        if (Text(section, nameof(ContractClientSettings.NetworkTimeout)) is { } timeout)
        {
            if (TimeSpan.TryParse(timeout, CultureInfo.InvariantCulture, out var span) && (span > TimeSpan.Zero || span == Timeout.InfiniteTimeSpan))
            {
                settings.NetworkTimeout = span;
            }
            else
            {
                Invalid(settings, path, nameof(ContractClientSettings.NetworkTimeout), "a positive time span such as 00:01:30", timeout);
            }
        }

        if (Text(section, nameof(ContractClientSettings.MaxRetries)) is { } retries)
        {
            if (int.TryParse(retries, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                settings.MaxRetries = count;
            }
            else
            {
                Invalid(settings, path, nameof(ContractClientSettings.MaxRetries), "a whole number from 0", retries);
            }
        }

        if (Text(section, nameof(ContractClientSettings.AllowInsecureTransport)) is { } insecure)
        {
            if (bool.TryParse(insecure, out var flag))
            {
                settings.AllowInsecureTransport = flag;
            }
            else
            {
                Invalid(settings, path, nameof(ContractClientSettings.AllowInsecureTransport), "true or false", insecure);
            }
        }
    }

    private static string? Text(IConfiguration section, string key) =>
        section[key] is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    private static void Invalid(ContractClientSettings settings, string path, string key, string rule, string value) =>
        settings.BindingErrors.Add($"{path}:{key} must be {rule}; it is '{value}'.");
}
