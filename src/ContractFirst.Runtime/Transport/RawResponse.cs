using System.ClientModel.Primitives;
using System.Net.Http.Headers;

namespace ContractFirst.Runtime;

/// <summary>
/// The answer to a successful call as a <see cref="PipelineResponse"/>: status, reason, headers and
/// the body the transport read (never more than <see cref="ApiClientOptions.MaxResponseBytes"/>).
/// </summary>
/// <remarks>A snapshot: the connection is already released, so the body is in memory and reading it twice is free.</remarks>
internal sealed class RawResponse : PipelineResponse
{
    private readonly BinaryData _content;
    private readonly SnapshotHeaders _headers;
    private Stream? _stream;

    public RawResponse(HttpResponseMessage response, ReadOnlySpan<byte> body)
    {
        Status = (int)response.StatusCode;
        ReasonPhrase = response.ReasonPhrase ?? string.Empty;
        _content = new BinaryData(body.ToArray());
        _headers = new SnapshotHeaders(response.Headers.Concat(response.Content.Headers).ToList());
    }

    public override int Status { get; }

    public override string ReasonPhrase { get; }

    public override Stream? ContentStream
    {
        get => _stream ??= _content.ToStream();
        set => _stream = value;
    }

    public override BinaryData Content => _content;

    protected override PipelineResponseHeaders HeadersCore => _headers;

    public override BinaryData BufferContent(CancellationToken cancellationToken = default) => _content;

    public override ValueTask<BinaryData> BufferContentAsync(CancellationToken cancellationToken = default) => new(_content);

    public override void Dispose() => _stream?.Dispose();

    private sealed class SnapshotHeaders(List<KeyValuePair<string, IEnumerable<string>>> headers) : PipelineResponseHeaders
    {
        public override bool TryGetValue(string name, out string? value)
        {
            var found = TryGetValues(name, out var values);
            value = found ? string.Join(",", values!) : null;
            return found;
        }

        public override bool TryGetValues(string name, out IEnumerable<string>? values)
        {
            foreach (var header in headers)
            {
                if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
                {
                    values = header.Value;
                    return true;
                }
            }

            values = null;
            return false;
        }

        public override IEnumerator<KeyValuePair<string, string>> GetEnumerator() =>
            headers.Select(h => new KeyValuePair<string, string>(h.Key, string.Join(",", h.Value))).GetEnumerator();
    }
}
