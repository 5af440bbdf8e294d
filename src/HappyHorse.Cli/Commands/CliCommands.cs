using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace HappyHorse.Cli.Commands;

/// <summary>Builds the command tree.</summary>
internal static class CliCommands
{
    public const string Description =
        $"""
        happyhorse: make videos with the HappyHorse Videos API.

        The token comes from {HappyHorseClient.TokenEnvironmentVariable}. Without it, a local emulator runs in-process
        (placeholder videos, nothing billed). Results go to stdout; progress and messages to stderr.
        """;

    /// <summary>The command name, also when run as HappyHorse.Cli.dll or from a test host.</summary>
    public const string Name = "happyhorse";

    public static Command Create(CliEnvironment env)
    {
        // A plain Command rather than RootCommand, whose name is the executable's (HappyHorse.Cli, testhost).
        var root = new Command(Name, Description)
        {
            new HelpOption(),
            new VersionOption(),
            GenerateCommand.Create(env),
            ImageToVideoCommand.Create(env),
            ReferenceToVideoCommand.Create(env),
            EditCommand.Create(env),
            Batch.BatchCommand.Create(env),
            TaskCommand.Create(env),
            EmulatorCommand.Create(env),
        };

        foreach (var help in root.Options.OfType<HelpOption>())
        {
            if (help.Action is HelpAction defaultHelp)
            {
                help.Action = new HelpWithExitCodes(defaultHelp);
            }
        }

        return root;
    }

    /// <summary>The standard help, followed by the exit codes and the environment variables.</summary>
    private sealed class HelpWithExitCodes(HelpAction inner) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var result = inner.Invoke(parseResult);
            var output = parseResult.InvocationConfiguration.Output;
            if (parseResult.CommandResult.Command.Name == EmulatorCommand.Name)
            {
                output.WriteLine(FaultShares.HelpText);
                output.WriteLine();
            }

            output.WriteLine(ExitCodes.HelpText);
            output.WriteLine();
            output.WriteLine("Environment:");
            output.WriteLine($"  {HappyHorseClient.TokenEnvironmentVariable,-34}API token; without it the local emulator is used");
            output.WriteLine($"  {CliEnvironment.PollIntervalVariable,-34}seconds between task lookups (default 2, emulator 0.2)");
            output.WriteLine($"  {CliEnvironment.EmulatorTaskDurationVariable,-34}seconds an in-process emulator task takes (default 2)");
            return result;
        }
    }
}
