using System.Text.RegularExpressions;

namespace HappyHorse.Cli.Tests.Support;

/// <summary>
/// <c>happyhorse emulator …</c> run in-process until the test stops it as Ctrl+C would: the start-up text it
/// printed, and the address and token read from it.
/// </summary>
public sealed class EmulatorProcess : IAsyncDisposable
{
    private readonly CancellationTokenSource _ctrlC = new();
    private readonly SignallingWriter _out = new();
    private readonly StringWriter _error = new();
    private readonly Task<int> _run;

    private EmulatorProcess(string[] args, string workingDirectory)
    {
        var env = new CliEnvironment
        {
            Out = _out,
            Error = TextWriter.Synchronized(_error),
            WorkingDirectory = workingDirectory,
            CancellationToken = _ctrlC.Token,
        };
        _run = Task.Run(() => CliApp.RunAsync(args, env));
    }

    /// <summary>Gets what the command printed on stdout by the time it started.</summary>
    public string Startup { get; private set; } = "";

    /// <summary>Gets the printed base address.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Gets the printed token.</summary>
    public string Token { get; private set; } = "";

    /// <summary>Gets what the command printed on stderr so far.</summary>
    public string Stderr => _error.ToString();

    /// <summary>Runs the command and returns once it printed its token.</summary>
    /// <exception cref="InvalidOperationException">The command ended instead (its exit code and output are in the message).</exception>
    public static async Task<EmulatorProcess> StartAsync(string workingDirectory, params string[] args)
    {
        var process = new EmulatorProcess(["emulator", .. args], workingDirectory);
        var printed = process._out.WaitForAsync("Accepts:");
        if (await Task.WhenAny(printed, process._run) != printed)
        {
            throw new InvalidOperationException($"The emulator command ended with {await process._run}:\n{process._out}\n{process._error}");
        }

        process.Startup = await printed;
        process.BaseAddress = new Uri(Field(process.Startup, "Base address"));
        process.Token = Field(process.Startup, "Token");
        return process;
    }

    /// <summary>The value of a <c>Name: value</c> line of the start-up text.</summary>
    public static string Field(string startup, string name) =>
        Regex.Match(startup, $@"^{Regex.Escape(name)}:\s+(.+?)\r?$", RegexOptions.Multiline) is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException($"No \"{name}:\" line in:\n{startup}");

    /// <summary>Stops it as Ctrl+C does.</summary>
    /// <returns>The exit code.</returns>
    public async Task<int> StopAsync()
    {
        await _ctrlC.CancelAsync();
        return await _run.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_run.IsCompleted)
        {
            await StopAsync();
        }

        _ctrlC.Dispose();
        await _out.DisposeAsync();
        await _error.DisposeAsync();
    }

    /// <summary>A writer whose text can be awaited, for a command that runs until cancelled.</summary>
    private sealed class SignallingWriter : StringWriter
    {
        private readonly object _gate = new();

        public override void Write(char value)
        {
            lock (_gate)
            {
                base.Write(value);
            }
        }

        public override void Write(string? value)
        {
            lock (_gate)
            {
                base.Write(value);
            }
        }

        public override string ToString()
        {
            lock (_gate)
            {
                return base.ToString();
            }
        }

        public async Task<string> WaitForAsync(string marker)
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (DateTime.UtcNow < deadline)
            {
                var text = ToString();
                if (text.Contains(marker, StringComparison.Ordinal) && text.EndsWith('\n'))
                {
                    return text;
                }

                await Task.Delay(10);
            }

            throw new TimeoutException($"\"{marker}\" was never written.");
        }
    }
}
