using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Security.Authentication;

namespace ContractFirst.Runtime;

/// <summary>
/// .NET 8's <c>HttpRequestException.HttpRequestError</c>, read from the inner exception: only failures that
/// happen before a request byte is written are named, so a submit is never resent on a guess.
/// </summary>
internal enum HttpRequestError
{
    Unknown,
    NameResolutionError,
    ConnectionError,
    SecureConnectionError,
}

/// <summary>The .NET 5+ HTTP and stream members the transport uses.</summary>
internal static class Http
{
    extension(HttpRequestException exception)
    {
        public HttpRequestError HttpRequestError => exception.InnerException switch
        {
            // SocketsHttpHandler (a netstandard2.0 build running on .NET Core).
            SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain } => HttpRequestError.NameResolutionError,
            SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostUnreachable or SocketError.NetworkUnreachable } => HttpRequestError.ConnectionError,
            AuthenticationException => HttpRequestError.SecureConnectionError,

            // HttpWebRequest (.NET Framework).
            WebException { Status: WebExceptionStatus.NameResolutionFailure } => HttpRequestError.NameResolutionError,
            WebException { Status: WebExceptionStatus.ConnectFailure } => HttpRequestError.ConnectionError,
            WebException { Status: WebExceptionStatus.SecureChannelFailure or WebExceptionStatus.TrustFailure } => HttpRequestError.SecureConnectionError,
            _ => HttpRequestError.Unknown,
        };
    }

    extension(HttpContent content)
    {
        // The response is read with ResponseHeadersRead: the stream is there at once, and its reads take the token.
        public Task<Stream> ReadAsStreamAsync(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return content.ReadAsStreamAsync();
        }
    }

    extension(Stream stream)
    {
        public ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
        {
            if (MemoryMarshal.TryGetArray<byte>(buffer, out var segment))
            {
                return new ValueTask<int>(stream.ReadAsync(segment.Array!, segment.Offset, segment.Count, cancellationToken));
            }

            return ReadViaArrayAsync(stream, buffer, cancellationToken);
        }

        public System.Runtime.CompilerServices.ConfiguredAsyncDisposable ConfigureAwait(bool continueOnCapturedContext) =>
            TaskAsyncEnumerableExtensions.ConfigureAwait(new AsyncDisposer(stream), continueOnCapturedContext);
    }

    private static async ValueTask<int> ReadViaArrayAsync(Stream stream, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var array = new byte[buffer.Length];
        var read = await stream.ReadAsync(array, 0, array.Length, cancellationToken).ConfigureAwait(false);
        array.AsSpan(0, read).CopyTo(buffer.Span);
        return read;
    }

    /// <summary>Lets <c>await using</c> dispose a stream, which is not <see cref="IAsyncDisposable"/> on netstandard2.0.</summary>
    private sealed class AsyncDisposer(IDisposable inner) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            inner.Dispose();
            return default;
        }
    }
}

/// <summary>.NET 5's content over memory: the bytes are sent from the buffer, not copied.</summary>
internal sealed class ReadOnlyMemoryContent : ByteArrayContent
{
    public ReadOnlyMemoryContent(ReadOnlyMemory<byte> content)
        : this(MemoryMarshal.TryGetArray(content, out var segment) ? segment : new ArraySegment<byte>(content.ToArray()))
    {
    }

    private ReadOnlyMemoryContent(ArraySegment<byte> segment)
        : base(segment.Array!, segment.Offset, segment.Count)
    {
    }
}
