using System.CommandLine;
using System.CommandLine.Parsing;

namespace HappyHorse.Cli.Commands;

/// <summary>The options of every command that calls the API: --json, --base-url, --timeout.</summary>
internal sealed class CommonOptions
{
    /// <summary>The --timeout used when none is given.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(30);

    /// <summary>Initializes the options.</summary>
    /// <param name="timeoutCovers">What --timeout limits in this command, for its help.</param>
    public CommonOptions(string timeoutCovers = "the whole run: submit, wait and download")
    {
        Timeout = new("--timeout")
        {
            Description = $"Give up after this long, for {timeoutCovers} (90, 90s, 10m, 1h; default {Durations.Format(DefaultTimeout)}).",
            HelpName = "DURATION",
            CustomParser = ParseDuration,
        };
    }

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print exactly one JSON document on stdout (results or the error) and nothing else there.",
    };

    public Option<Uri?> BaseUrl { get; } = new("--base-url")
    {
        Description = $"API endpoint (default {HappyHorseClient.DefaultEndpoint}); needs {HappyHorseClient.TokenEnvironmentVariable}. HTTPS, or HTTP to loopback.",
        HelpName = "URL",
        CustomParser = ParseUri,
    };

    public Option<TimeSpan?> Timeout { get; }

    public void AddTo(Command command)
    {
        command.Add(Json);
        command.Add(BaseUrl);
        command.Add(Timeout);
    }

    private static Uri? ParseUri(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return uri;
        }

        result.AddError($"--base-url must be an absolute http or https URL (was \"{text}\").");
        return null;
    }

    private static TimeSpan? ParseDuration(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
        if (Durations.TryParse(text, out var value))
        {
            return value;
        }

        result.AddError($"--timeout must be a positive duration such as 90, 90s, 10m or 1h (was \"{text}\").");
        return null;
    }
}
