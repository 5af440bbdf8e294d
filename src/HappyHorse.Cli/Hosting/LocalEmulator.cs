using System.Globalization;
using HappyHorse.Emulator;

namespace HappyHorse.Cli.Hosting;

/// <summary>Starts the HappyHorse emulator in-process for runs without a token.</summary>
internal static class LocalEmulator
{
    /// <summary>How long an in-process emulator's tasks take unless HAPPYHORSE_EMULATOR_TASK_DURATION says otherwise.</summary>
    public static readonly TimeSpan DefaultTaskDuration = TimeSpan.FromSeconds(2);

    public static Task<ContractEmulator> StartAsync(CliEnvironment env, CancellationToken cancellationToken) =>
        HappyHorseEmulator.StartAsync(new EmulatorOptions { TaskDuration = TaskDuration(env) }, cancellationToken);

    private static TimeSpan TaskDuration(CliEnvironment env)
    {
        var text = env.GetVariable(CliEnvironment.EmulatorTaskDurationVariable);
        if (text is null)
        {
            return DefaultTaskDuration;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 && seconds < 3600
            ? TimeSpan.FromSeconds(seconds)
            : throw new CliInputException($"{CliEnvironment.EmulatorTaskDurationVariable} must be a number of seconds between 0 and 3600 (was \"{text}\").");
    }
}
