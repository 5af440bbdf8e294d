using System.Buffers;

namespace ContractFirst.Runtime;

/// <summary>
/// UTF-8 bytes in an array rented from <see cref="ArrayPool{T}.Shared"/>, shared by every attempt of
/// one call: the array goes back to the pool only when the call has released it and no attempt is
/// still copying it to a connection (a handler may go on sending a body after the answer arrived).
/// </summary>
internal sealed class PooledUtf8
{
    private byte[]? _array;
    private readonly int _length;

    // The call's own reference plus one per send in progress.
    private int _references = 1;

    internal PooledUtf8(byte[] array, int length)
    {
        _array = array;
        _length = length;
    }

    /// <summary>Gets how many bytes there are.</summary>
    public int Length => _length;

    /// <summary>Takes a reference for one send; <see cref="Release"/> it when the send is over.</summary>
    /// <returns>The bytes, valid until the matching <see cref="Release"/>.</returns>
    /// <exception cref="ObjectDisposedException">Every reference was already released.</exception>
    public ReadOnlyMemory<byte> Acquire()
    {
        int seen;
        do
        {
            seen = Volatile.Read(ref _references);
            ObjectDisposedException.ThrowIf(seen == 0, this);
        }
        while (Interlocked.CompareExchange(ref _references, seen + 1, seen) != seen);

        return _array.AsMemory(0, _length);
    }

    /// <summary>Drops one reference; the last one returns the array to the pool.</summary>
    public void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0 && Interlocked.Exchange(ref _array, null) is { Length: > 0 } array)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }
}
