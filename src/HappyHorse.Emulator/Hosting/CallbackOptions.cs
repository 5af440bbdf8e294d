namespace HappyHorse.Emulator;

/// <summary>How the emulator delivers results to callback URLs.</summary>
public sealed class CallbackOptions
{
    /// <summary>
    /// Gets or sets the secret callbacks are signed with: each POST carries <c>x-emulator-signature: sha256=&lt;hex&gt;</c>,
    /// the HMAC-SHA256 of <c>&lt;x-emulator-timestamp&gt;.&lt;body&gt;</c> under this secret. <see langword="null"/> (the default): unsigned.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>Gets or sets how many times a delivery is tried in all: a receiver that fails (non-2xx, no answer) is tried again with backoff. 5 by default; 1: never again.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Gets or sets the wait before the first retry; each next one doubles it. 1 second by default.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the share of callbacks delivered twice, as at-least-once delivery may; receivers must be idempotent.</summary>
    public double DuplicateRate { get; set; }

    internal void CopyTo(CallbackOptions target)
    {
        target.Secret = Secret;
        target.MaxAttempts = MaxAttempts;
        target.FirstRetryDelay = FirstRetryDelay;
        target.DuplicateRate = DuplicateRate;
    }
}
