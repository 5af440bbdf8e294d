using System.Net;
using System.Security.Cryptography;

namespace HappyHorse.Emulator;

/// <summary>The checked private copy an emulator takes at start.</summary>
public sealed partial class EmulatorOptions
{
    /// <summary>Checks the options and copies them, so later changes to the caller's object change nothing.</summary>
    /// <returns>The copy, with a token made when none was chosen.</returns>
    internal EmulatorOptions Snapshot()
    {
        Check();
        var copy = new EmulatorOptions
        {
            Contract = Contract,
            Host = Host,
            Port = Port,

            // Checked unless any token is accepted; made here when the caller chose none, so it can be printed.
            Token = Token ?? "emu-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant(),
            AcceptAnyToken = AcceptAnyToken,
            StrictFields = StrictFields,
            Balance = Balance,
            RequestsPerMinute = RequestsPerMinute,
            TaskDuration = TaskDuration,
            TaskFailureRate = TaskFailureRate,
            AllowRemoteCallbacks = AllowRemoteCallbacks,
            MaxRequestHistory = MaxRequestHistory,
            MaxTasks = MaxTasks,
            MaxRequestBodyBytes = MaxRequestBodyBytes,
            LogLevel = LogLevel,
            TimeProvider = TimeProvider,
        };
        foreach (var word in BlockedWords)
        {
            copy.BlockedWords.Add(word);
        }

        Faults.CopyTo(copy.Faults);
        Callbacks.CopyTo(copy.Callbacks);
        return copy;
    }

    private void Check()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Port, nameof(Port));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, IPEndPoint.MaxPort, nameof(Port));
        ArgumentOutOfRangeException.ThrowIfLessThan(TaskDuration, TimeSpan.Zero, nameof(TaskDuration));
        ArgumentOutOfRangeException.ThrowIfLessThan(Faults.AddedLatency, TimeSpan.Zero, nameof(Faults.AddedLatency));
        ArgumentOutOfRangeException.ThrowIfLessThan(Faults.SlowDelay, TimeSpan.Zero, nameof(Faults.SlowDelay));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRequestHistory, nameof(MaxRequestHistory));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTasks, 1, nameof(MaxTasks));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRequestBodyBytes, 1, nameof(MaxRequestBodyBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(Callbacks.MaxAttempts, 1, nameof(Callbacks.MaxAttempts));
        ArgumentOutOfRangeException.ThrowIfLessThan(Callbacks.FirstRetryDelay, TimeSpan.Zero, nameof(Callbacks.FirstRetryDelay));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        if (Balance is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Balance), Balance, "The balance must not be negative.");
        }

        if (RequestsPerMinute is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(RequestsPerMinute), RequestsPerMinute, "RequestsPerMinute must not be negative.");
        }

        var exclusive = Faults.Exclusive.Select(f => f.Rate).ToArray();
        double[] rates = [TaskFailureRate, Faults.SlowRate, Callbacks.DuplicateRate, .. exclusive];
        if (rates.Any(r => double.IsNaN(r) || r is < 0 or > 1) || exclusive.Sum() > 1 + 1e-9)
        {
            throw new ArgumentOutOfRangeException(nameof(Faults), "Rates are shares from 0 to 1, and the fault rates add up to at most 1.");
        }

        if (Faults.ErrorAfterStartRate > 0 && (Faults.AfterStartStatuses.Count == 0 || Faults.AfterStartStatuses.Any(s => s is < 500 or > 599)))
        {
            throw new ArgumentOutOfRangeException(nameof(Faults), "AfterStartStatuses must list 5xx statuses when ErrorAfterStartRate is set.");
        }

        if (Token is { } token && (token.Length == 0 || token.Any(char.IsWhiteSpace)))
        {
            throw new ArgumentException("The token must be non-empty and without whitespace.", nameof(Token));
        }
    }
}
