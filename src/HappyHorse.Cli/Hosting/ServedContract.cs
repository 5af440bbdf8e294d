using HappyHorse.Emulator;

namespace HappyHorse.Cli.Hosting;

/// <summary>The contract <c>happyhorse emulator</c> serves, and where it comes from.</summary>
/// <param name="Contract">The contract.</param>
/// <param name="Source">The --contract path, or "built in".</param>
internal sealed record ServedContract(EmulatedContract Contract, string Source)
{
    /// <summary>Gets the built-in HappyHorse Videos API.</summary>
    public static ServedContract HappyHorse => new(EmulatedContract.HappyHorse, "built in");

    /// <summary>Gets a value indicating whether this is the HappyHorse contract, which the video commands speak.</summary>
    public bool IsHappyHorse => ReferenceEquals(Contract, EmulatedContract.HappyHorse);
}
