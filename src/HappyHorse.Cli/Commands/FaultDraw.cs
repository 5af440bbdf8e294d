namespace HappyHorse.Cli.Commands;

/// <summary>Whether a fault kind shares the one draw per request with the others, or is drawn on its own.</summary>
internal enum FaultDraw
{
    /// <summary>One draw per API request decides which of these faults, if any, happens.</summary>
    Request,

    /// <summary>Drawn separately (slowness, task outcome, callback duplicates).</summary>
    Own,
}
