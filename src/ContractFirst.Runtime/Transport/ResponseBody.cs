using System.Buffers;

namespace ContractFirst.Runtime;

/// <summary>
/// A response body read into a pooled buffer, never past a limit: a hostile or broken server costs
/// at most the limit in memory, however much it sends.
/// </summary>
internal sealed class ResponseBody : IDisposable
{
    private const int FirstBufferBytes = 16 * 1024;

    /// <summary>How much of a body declared over the limit is read anyway, for the ids at its start.</summary>
    private const int SalvageBytes = 64 * 1024;

    private byte[] _buffer;

    private ResponseBody(byte[] buffer) => _buffer = buffer;

    /// <summary>Gets the bytes read.</summary>
    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, Length);

    /// <summary>Gets how many bytes were read.</summary>
    public int Length { get; private set; }

    /// <summary>Gets a value indicating whether the body is longer than the limit (only its head was read, or none of it).</summary>
    public bool Exceeded { get; private set; }

    /// <summary>Gets what broke the connection mid-body, or <see langword="null"/> when the body arrived whole.</summary>
    public Exception? Broken { get; private set; }

    /// <summary>Reads at most <paramref name="limit"/> bytes of <paramref name="content"/>.</summary>
    /// <param name="content">The response content.</param>
    /// <param name="limit">The most bytes to keep.</param>
    /// <param name="skipWhenDeclaredLarger">Read only a 64 KiB head when the declared length is already over the limit.</param>
    /// <param name="cancellationToken">Stops reading (the attempt's timeout lives here).</param>
    /// <returns>The body; dispose it to return the buffer.</returns>
    public static async ValueTask<ResponseBody> ReadAsync(HttpContent content, int limit, bool skipWhenDeclaredLarger, CancellationToken cancellationToken)
    {
        var declared = content.Headers.ContentLength;
        if (declared > limit && skipWhenDeclaredLarger)
        {
            // Over the limit before a byte is read: only its head is read, for the ids it starts with.
            var head = await ReadAsync(content, Math.Min(limit, SalvageBytes), skipWhenDeclaredLarger: false, cancellationToken).ConfigureAwait(false);
            head.Exceeded = true;
            return head;
        }

        var first = declared is >= 0 ? (int)Math.Min(declared.Value, limit) : Math.Min(FirstBufferBytes, limit);
        var body = new ResponseBody(ArrayPool<byte>.Shared.Rent(Math.Max(first, 256)));
        try
        {
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                await body.FillAsync(stream, limit, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            // The connection broke mid-body: keep what arrived, the caller decides what it is worth.
            body.Broken = ex;
        }
        catch
        {
            body.Dispose();
            throw;
        }

        return body;
    }

    /// <summary>Returns the buffer to the pool.</summary>
    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async ValueTask FillAsync(Stream stream, int limit, CancellationToken cancellationToken)
    {
        while (true)
        {
            var capacity = Math.Min(_buffer.Length, limit);
            if (Length == capacity)
            {
                if (capacity == limit)
                {
                    // Full: one more byte means the body is over the limit, and the rest is never read.
                    var probe = new byte[1];
                    Exceeded = await stream.ReadAsync(probe, cancellationToken).ConfigureAwait(false) > 0;
                    return;
                }

                var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)capacity * 2, limit));
                _buffer.AsSpan(0, Length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = larger;
                capacity = Math.Min(_buffer.Length, limit);
            }

            var read = await stream.ReadAsync(_buffer.AsMemory(Length, capacity - Length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return;
            }

            Length += read;
        }
    }
}
