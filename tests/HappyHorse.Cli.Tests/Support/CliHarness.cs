using ContractFirst.Runtime;

namespace HappyHorse.Cli.Tests.Support;

/// <summary>Runs the CLI in-process with captured output, chosen variables and a temp working folder.</summary>
public sealed class CliHarness : IDisposable
{
    /// <summary>Fast polling for tests: the CLI documents HAPPYHORSE_POLL_INTERVAL for this.</summary>
    public const string FastPolling = "0.02";

    private readonly Dictionary<string, string> _variables = new(StringComparer.Ordinal)
    {
        [CliEnvironment.PollIntervalVariable] = FastPolling,
    };

    public CliHarness()
    {
        WorkingDirectory = Path.Combine(Path.GetTempPath(), "happyhorse-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(WorkingDirectory);
    }

    public string WorkingDirectory { get; }

    /// <summary>Gets or sets the client options hook (tests shorten retry delays with it).</summary>
    public Action<HappyHorseClientOptions>? ConfigureClient { get; set; } = static o => o.Retry.Delay = TimeSpan.FromMilliseconds(10);

    /// <summary>Gets or sets the console live progress renders on (null: a plain one over stderr).</summary>
    public Spectre.Console.IAnsiConsole? ErrorConsole { get; set; }

    /// <summary>Gets or sets the HttpClient factory of the runs (null: the CLI's own).</summary>
    public Func<HttpClient>? CreateHttpClient { get; set; }

    public CliHarness WithToken(string token) => WithVariable(HappyHorseClient.TokenEnvironmentVariable, token);

    public CliHarness WithVariable(string name, string value)
    {
        _variables[name] = value;
        return this;
    }

    public Task<CliRun> RunAsync(params string[] args) => RunAsync(args, CancellationToken.None);

    public async Task<CliRun> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var env = new CliEnvironment
        {
            CreateHttpClient = CreateHttpClient ?? CliEnvironment.CreateDefaultHttpClient,
            Out = stdout,
            Error = TextWriter.Synchronized(stderr),
            Variables = new Dictionary<string, string>(_variables),
            WorkingDirectory = WorkingDirectory,
            ConfigureClient = ConfigureClient,
            ErrorConsole = ErrorConsole,
            CancellationToken = cancellationToken,
        };
        var exitCode = await CliApp.RunAsync(args, env);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Files in a folder below the working folder, hidden ones (temp files) included.</summary>
    public string[] FilesIn(string folder = ".")
    {
        var path = Path.Combine(WorkingDirectory, folder);
        return Directory.Exists(path) ? Directory.GetFiles(path).Select(Path.GetFileName).OfType<string>().Order().ToArray() : [];
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(WorkingDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
