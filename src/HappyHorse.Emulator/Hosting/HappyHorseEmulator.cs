namespace HappyHorse.Emulator;

/// <summary>A local HappyHorse Videos API: the <see cref="ContractEmulator"/> of spec/happyhorse.yaml, whose videos are a small real MP4.</summary>
public static class HappyHorseEmulator
{
    /// <summary>Starts an emulator of the HappyHorse Videos API and returns once it listens.</summary>
    /// <param name="options">How it behaves; defaults when null. Its <see cref="EmulatorOptions.Contract"/> must be unset or <see cref="EmulatedContract.HappyHorse"/>.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator; dispose it to stop it.</returns>
    /// <exception cref="ArgumentException">The options name another contract, or the host is not an IP address or <c>localhost</c>.</exception>
    public static Task<ContractEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (options?.Contract is { } contract && !ReferenceEquals(contract, EmulatedContract.HappyHorse))
        {
            throw new ArgumentException($"HappyHorseEmulator serves the HappyHorse contract; start a ContractEmulator to serve {contract.Title}.", nameof(options));
        }

        return ContractEmulator.StartAsync(options, cancellationToken);
    }
}
