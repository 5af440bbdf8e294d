using Spectre.Console;

namespace HappyHorse.Cli.Output;

/// <summary>Creates the Spectre consoles the CLI renders live progress on.</summary>
internal static class ConsoleFactory
{
    /// <summary>The process's standard error, with terminal detection (live output only on a terminal).</summary>
    public static IAnsiConsole ForStandardError() =>
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    /// <summary>A plain, non-interactive console over any writer: no colours, no cursor movement.</summary>
    /// <param name="writer">Where the text goes.</param>
    public static IAnsiConsole ForWriter(TextWriter writer) =>
        AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
}
