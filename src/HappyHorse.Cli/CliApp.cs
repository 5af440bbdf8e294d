using System.CommandLine;
using System.CommandLine.Invocation;
using HappyHorse.Cli.Commands;
using HappyHorse.Cli.Output;

namespace HappyHorse.Cli;

/// <summary>The happyhorse command line, runnable in-process: Program.cs passes the real console.</summary>
public static class CliApp
{
    /// <summary>Runs one command line.</summary>
    /// <param name="args">The arguments, without the program name.</param>
    /// <param name="env">Output, variables, working directory, HTTP and cancellation.</param>
    /// <returns>The exit code (see <see cref="ExitCodes"/>).</returns>
    public static async Task<int> RunAsync(string[] args, CliEnvironment env)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(env);

        var root = CliCommands.Create(env);
        var parseResult = root.Parse(args);
        if (parseResult.Action is ParseErrorAction)
        {
            return ReportParseErrors(parseResult, env);
        }

        var configuration = new InvocationConfiguration
        {
            Output = env.Out,
            Error = env.Error,

            // Program.cs turns Ctrl+C into env.CancellationToken; commands clean up and return 130.
            ProcessTerminationTimeout = null,
            EnableDefaultExceptionHandler = false,
        };

        try
        {
            return await parseResult.InvokeAsync(configuration, env.CancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (env.CancellationToken.IsCancellationRequested)
        {
            env.Error.WriteLine("Cancelled.");
            return ExitCodes.Cancelled;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            env.Error.WriteLine($"error: unexpected failure: {ex}");
            return ExitCodes.InternalError;
        }
    }

    private static int ReportParseErrors(ParseResult parseResult, CliEnvironment env)
    {
        var messages = parseResult.Errors.Select(e => e.Message).ToArray();
        if (parseResult.Tokens.Any(t => t.Value == "--json"))
        {
            JsonOutput.WriteObject(env.Out, w =>
            {
                w.WriteBoolean("ok", false);
                w.WriteNumber("exit_code", ExitCodes.InvalidInput);
                w.WriteStartObject("error");
                w.WriteString("kind", "invalid_arguments");
                w.WriteString("message", string.Join(" ", messages));
                w.WriteStringArray("errors", messages);
                w.WriteEndObject();
            });
        }

        // One line, not System.CommandLine's help dump: the mistake, then where the right usage is.
        var command = parseResult.CommandResult.Command.Name == CliCommands.Name
            ? CliCommands.Name
            : $"{CliCommands.Name} {parseResult.CommandResult.Command.Name}";
        env.Error.WriteLine($"error: {string.Join(" ", messages.Distinct(StringComparer.Ordinal))} See `{command} --help`.");
        return ExitCodes.InvalidInput;
    }
}
