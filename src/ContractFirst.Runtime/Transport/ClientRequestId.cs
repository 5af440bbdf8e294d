namespace ContractFirst.Runtime;

/// <summary>
/// The id of one logical call, sent as the <c>x-client-request-id</c> header. Every call makes a new one (GUID-shaped)
/// and sends the same id on each retry of that call, so a server can tell a retry from a new call: a submit that
/// created a task and was then sent again shows up as two requests with one id, which is how a double charge is
/// found and counted.
/// </summary>
/// <remarks>
/// To choose the id yourself (your own record of the call, or the id of a call you send again after a crash), make
/// the call inside <see cref="CreateScope"/>. Every call made in the scope sends that id, lookups included, so
/// give each logical call its own scope.
/// </remarks>
/// <example>
/// <code>
/// using (ClientRequestId.CreateScope(order.Id))
/// {
///     var task = await client.GenerateAsync(request, cancellationToken);
/// }
/// </code>
/// </example>
public static class ClientRequestId
{
    /// <summary>The header that carries the id.</summary>
    public const string HeaderName = "x-client-request-id";

    /// <summary>The longest id accepted.</summary>
    public const int MaxLength = 128;

    private static readonly AsyncLocal<string?> s_current = new();

    // Made ids are 64 random bits per process and a 64-bit counter, in GUID form: unique without asking the OS for
    // random bytes on every call (Guid.NewGuid is a getrandom system call, about half a microsecond here).
    private static readonly byte[] s_process = ProcessBits();
    private static long s_count;

    /// <summary>Gets the id the calls of the current scope send, or <see langword="null"/> when each call makes its own.</summary>
    public static string? Current => s_current.Value;

    /// <summary>Makes the calls of the current async flow send <paramref name="id"/> until the scope is disposed.</summary>
    /// <param name="id">The id: 1 to <see cref="MaxLength"/> visible ASCII characters (no spaces), as a header value can carry.</param>
    /// <returns>The scope; disposing it restores the id that was in force before.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty, too long, or has a character other than visible ASCII.</exception>
    public static IDisposable CreateScope(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (id.Length is 0 or > MaxLength || id.Any(c => c is < '!' or > '~'))
        {
            throw new ArgumentException($"A client request id is 1 to {MaxLength} visible ASCII characters, without spaces.", nameof(id));
        }

        var scope = new Scope(s_current.Value);
        s_current.Value = id;
        return scope;
    }

    /// <summary>The id of a new call: the scope's, or a new GUID.</summary>
    internal static string Next() => s_current.Value ?? Made(Interlocked.Increment(ref s_count));

    private static string Made(long count)
    {
        var b = s_process;
        return new Guid((int)(count >> 32), (short)(count >> 16), (short)count, b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]).ToString();
    }

    private static byte[] ProcessBits()
    {
        var bytes = new byte[8];
        using var random = System.Security.Cryptography.RandomNumberGenerator.Create();
        random.GetBytes(bytes);
        return bytes;
    }

    private sealed class Scope(string? previous) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                s_current.Value = previous;
            }
        }
    }
}
