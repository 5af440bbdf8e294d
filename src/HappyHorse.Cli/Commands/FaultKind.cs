using HappyHorse.Emulator;

namespace HappyHorse.Cli.Commands;

/// <summary>One kind of <c>--fault</c>.</summary>
/// <param name="Name">The name on the command line.</param>
/// <param name="Description">What happens, for --help.</param>
/// <param name="Draw">How it is drawn.</param>
/// <param name="Apply">Sets the share on the options.</param>
internal sealed record FaultKind(string Name, string Description, FaultDraw Draw, Action<EmulatorOptions, double> Apply);
