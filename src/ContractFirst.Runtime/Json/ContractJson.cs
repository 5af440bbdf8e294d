using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ContractFirst.Runtime;

/// <summary>
/// Entry points between generated JSON code and bytes or strings.
/// </summary>
/// <remarks>
/// Output is compact and uses <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>: request
/// bodies go to an HTTP API, never into HTML, so prompts in any language, <c>+</c>, <c>&amp;</c>
/// and <c>'</c> are sent as written (readable in logs, and a non-ASCII prompt is not six times its
/// size). Quotes, backslashes and control characters are still escaped as JSON requires.
/// </remarks>
public static class ContractJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes <paramref name="value"/> as compact UTF-8 JSON.</summary>
    /// <param name="value">The value to write.</param>
    /// <returns>The UTF-8 bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static byte[] ToUtf8Bytes(IJsonWritable value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var cache = WriterCache.Rent(out var writer, out var buffer);
        try
        {
            value.WriteJson(writer);
            writer.Flush();
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            buffer.Clear();
            WriterCache.Return(cache);
        }
    }

    /// <summary>Writes <paramref name="value"/> as a compact JSON string.</summary>
    /// <param name="value">The value to write.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static string ToJsonString(IJsonWritable value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var cache = WriterCache.Rent(out var writer, out var buffer);
        try
        {
            value.WriteJson(writer);
            writer.Flush();
            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
        finally
        {
            buffer.Clear();
            WriterCache.Return(cache);
        }
    }

    /// <summary>Reads a <typeparamref name="T"/> from UTF-8 JSON, tolerantly unless <paramref name="context"/> is strict.</summary>
    /// <typeparam name="T">The type to read.</typeparam>
    /// <param name="utf8">The UTF-8 JSON.</param>
    /// <param name="context">
    /// Strict or tolerant, the secret to scrub, and where the issues met go; <see langword="null"/> reads
    /// tolerantly (the issues are still on each model's <c>ReadIssues</c>).
    /// </param>
    /// <returns>The value read.</returns>
    /// <exception cref="JsonException">
    /// The input is empty, is not well-formed JSON (a syntax error, truncated, nested too deep), or its
    /// root is not an object; or <paramref name="context"/> is strict and a field could not be read (the
    /// message names the field, the problem and the value). The message names <typeparamref name="T"/>
    /// and the inner exception holds the cause. Nothing else is thrown for any input.
    /// </exception>
    public static T Parse<T>(ReadOnlySpan<byte> utf8, JsonReadContext? context = null)
        where T : IJsonReadable<T>
    {
        if (utf8.IsEmpty)
        {
            throw new JsonException($"The JSON is not a valid {typeof(T).Name}: the input is empty.");
        }

        var rented = context is null ? JsonReadContext.RentTolerant() : null;
        var reader = new Utf8JsonReader(SkipBom(utf8));
        try
        {
            reader.Read();
            return T.ReadJson(ref reader, context ?? rented!);
        }
        catch (JsonException ex)
        {
            throw new JsonException($"The JSON is not a valid {typeof(T).Name}: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // Not expected from the readers (they convert or report instead), but a read must fail
            // only with a JsonException, whatever the bytes.
            throw new JsonException($"The JSON is not a valid {typeof(T).Name}: {ex.Message}", ex);
        }
        finally
        {
            if (rented is not null)
            {
                JsonReadContext.Release(rented);
            }
        }
    }

    /// <summary>Reads a <typeparamref name="T"/> from a JSON string, tolerantly unless <paramref name="context"/> is strict.</summary>
    /// <typeparam name="T">The type to read.</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <param name="context">Strict or tolerant, the secret to scrub, and where the issues met go; <see langword="null"/> reads tolerantly.</param>
    /// <returns>The value read.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="JsonException">
    /// As for <see cref="Parse{T}(ReadOnlySpan{byte}, JsonReadContext?)"/>: empty, not well-formed JSON,
    /// not an object, or (strict) a field that could not be read.
    /// </exception>
    public static T Parse<T>(string json, JsonReadContext? context = null)
        where T : IJsonReadable<T>
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse<T>(Encoding.UTF8.GetBytes(json), context);
    }

    /// <summary>Skips a UTF-8 byte order mark, which some servers put before JSON and Utf8JsonReader refuses.</summary>
    /// <param name="utf8">The bytes.</param>
    /// <returns>The bytes after the mark, if there is one.</returns>
    internal static ReadOnlySpan<byte> SkipBom(ReadOnlySpan<byte> utf8) => utf8 is [0xEF, 0xBB, 0xBF, ..] ? utf8[3..] : utf8;

    /// <summary>
    /// Serialises into a pooled array the caller sends without another copy; every attempt of a call
    /// sends the same bytes, and the last <see cref="PooledUtf8.Release"/> returns the array.
    /// </summary>
    internal static PooledUtf8 WritePooled(IJsonWritable value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var cache = WriterCache.Rent(out var writer, out var buffer);
        try
        {
            value.WriteJson(writer);
            writer.Flush();
            return buffer.Detach();
        }
        catch
        {
            buffer.Clear();
            throw;
        }
        finally
        {
            WriterCache.Return(cache);
        }
    }

    /// <summary>
    /// One <see cref="Utf8JsonWriter"/> and buffer per thread, reset for each value (as System.Text.Json
    /// does for its own serializer): a writer costs about 200 bytes and its first buffer 4 KB, too much
    /// to pay per request. A value written while another is being written on the same thread (a
    /// <see cref="IJsonWritable"/> calling back into this class) gets a fresh pair.
    /// </summary>
    private sealed class WriterCache : IDisposable
    {
        [ThreadStatic]
        private static WriterCache? t_cache;

        private readonly PooledBufferWriter _buffer = new();
        private readonly Utf8JsonWriter _writer;
        private bool _inUse;

        private WriterCache() => _writer = new Utf8JsonWriter(_buffer, WriterOptions);

        public static WriterCache Rent(out Utf8JsonWriter writer, out PooledBufferWriter buffer)
        {
            var cache = t_cache ??= new WriterCache();
            if (cache._inUse)
            {
                cache = new WriterCache();
            }

            cache._inUse = true;
            cache._writer.Reset(cache._buffer);
            writer = cache._writer;
            buffer = cache._buffer;
            return cache;
        }

        public static void Return(WriterCache cache)
        {
            // A writer left mid-value (the value threw) starts clean on the next Reset.
            cache._inUse = false;
            if (!ReferenceEquals(cache, t_cache))
            {
                cache.Dispose();
            }
        }

        /// <summary>Disposes a nested pair; the thread's own pair lives as long as the thread.</summary>
        public void Dispose() => _writer.Dispose();
    }
}
