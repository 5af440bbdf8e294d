using HappyHorse.Emulator;

namespace HappyHorse.Cli.Hosting;

/// <summary>The contract <c>happyhorse emulator</c> serves, and what its start-up text says about it.</summary>
/// <param name="Contract">The contract; <see langword="null"/> for the built-in HappyHorse Videos API.</param>
/// <param name="Title">The API's title.</param>
/// <param name="Source">Where it comes from: the --contract path, or "built in".</param>
/// <param name="Paths">The endpoints' paths.</param>
internal sealed record ServedContract(EmulatedContract? Contract, string Title, string Source, IReadOnlyList<string> Paths)
{
    /// <summary>Gets a value indicating whether this is the HappyHorse contract, which the video commands speak.</summary>
    public bool IsHappyHorse => Contract is null;
}
