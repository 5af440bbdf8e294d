using System.Net;

namespace ContractFirst.Runtime;

/// <summary>
/// A JSON request body sent straight from the call's pooled bytes, without a copy. It holds a
/// reference to them only while a send is copying them, so the array cannot go back to the pool
/// (and into another request) while a connection still reads it.
/// </summary>
internal sealed class PooledJsonContent : HttpContent
{
    private readonly PooledUtf8 _payload;

    public PooledJsonContent(PooledUtf8 payload)
    {
        _payload = payload;

        // A plain string: nothing parsed, and no header object shared between requests that a handler could change.
        Headers.TryAddWithoutValidation("Content-Type", "application/json");
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var bytes = _payload.Acquire();
        try
        {
            await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _payload.Release();
        }
    }

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var bytes = _payload.Acquire();
        try
        {
            stream.Write(bytes.Span);
        }
        finally
        {
            _payload.Release();
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _payload.Length;
        return true;
    }
}
