using System.Buffers;

namespace ContractFirst.Runtime;

/// <summary>
/// An <see cref="IBufferWriter{T}"/> over arrays rented from <see cref="ArrayPool{T}.Shared"/>: unlike
/// <see cref="ArrayBufferWriter{T}"/> it reserves nothing up front, and its array can be handed on
/// (<see cref="Detach"/>) instead of copied.
/// </summary>
internal sealed class PooledBufferWriter : IBufferWriter<byte>
{
    // Most request bodies are a few hundred bytes.
    private const int FirstRentBytes = 512;

    private byte[] _array = [];
    private int _written;

    /// <summary>Gets the bytes written so far.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _array.AsSpan(0, _written);

    /// <inheritdoc/>
    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count > _array.Length - _written)
        {
            throw new InvalidOperationException("Advanced past the end of the buffer.");
        }

        _written += count;
    }

    /// <inheritdoc/>
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _array.AsMemory(_written);
    }

    /// <inheritdoc/>
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _array.AsSpan(_written);
    }

    /// <summary>Hands the array and what was written to the caller, and starts empty again.</summary>
    /// <returns>The bytes; the caller returns the array to the pool (through <see cref="PooledUtf8.Release"/>).</returns>
    public PooledUtf8 Detach()
    {
        var result = new PooledUtf8(_array, _written);
        _array = [];
        _written = 0;
        return result;
    }

    /// <summary>Returns the array to the pool and starts empty again.</summary>
    public void Clear()
    {
        if (_array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_array);
        }

        _array = [];
        _written = 0;
    }

    private void Ensure(int sizeHint)
    {
        var needed = Math.Max(sizeHint, 1);
        if (_array.Length - _written >= needed)
        {
            return;
        }

        var size = Math.Max(Math.Max(FirstRentBytes, _written + needed), (int)Math.Min(2L * _array.Length, Array.MaxLength));
        var larger = ArrayPool<byte>.Shared.Rent(size);
        _array.AsSpan(0, _written).CopyTo(larger);
        if (_array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_array);
        }

        _array = larger;
    }
}
