using System.Buffers;
using System.Text.Json;
using HappyHorse.Cli.Output;

namespace HappyHorse.Cli.Batch;

/// <summary>
/// The resumable state of a batch, one entry per job id, kept in a JSON file that is replaced atomically (a temp
/// file in the same folder, flushed to disk, then renamed over the old one) after every change, so a crash leaves
/// either the old or the new file, never half of one.
/// </summary>
/// <remarks>
/// Saves are group-committed: callers that change entries while a save runs share the next save instead of each
/// writing the whole file once more.
/// </remarks>
internal sealed class BatchStateStore : IDisposable
{
    private const int Version = 1;

    private readonly string _path;
    private readonly Dictionary<string, JobEntry> _entries;
    private readonly SemaphoreSlim _saving = new(1, 1);
    private long _changes;
    private long _saved;

    private BatchStateStore(string path, Dictionary<string, JobEntry> entries)
    {
        _path = path;
        _entries = entries;
    }

    public string Path => _path;

    /// <summary>Gets the lock that guards every entry.</summary>
    public object Gate { get; } = new();

    /// <summary>Gets how many times the file was written.</summary>
    public int Writes { get; private set; }

    /// <summary>Loads the state file, or starts an empty state when there is none.</summary>
    /// <exception cref="CliInputException">The file exists but is not a state file this version can read.</exception>
    public static BatchStateStore Load(string path, string shownAs)
    {
        var entries = new Dictionary<string, JobEntry>(StringComparer.OrdinalIgnoreCase);
        if (!File.Exists(path))
        {
            return new BatchStateStore(path, entries);
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = doc.RootElement;
            if (root.GetProperty("version").GetInt32() != Version)
            {
                throw new CliInputException($"--state: {shownAs} was written by another version (version {root.GetProperty("version")}).");
            }

            foreach (var job in root.GetProperty("jobs").EnumerateArray())
            {
                var entry = new JobEntry
                {
                    Line = job.GetProperty("line").GetInt32(),
                    Id = job.GetProperty("id").GetString()!,
                    Hash = job.GetProperty("request_hash").GetString()!,
                    ClientRequestId = OptionalString(job, "client_request_id"),
                    TaskId = OptionalString(job, "task_id"),
                    State = job.GetProperty("state").GetString()!,
                    Files = job.TryGetProperty("files", out var files) ? files.EnumerateArray().Select(f => f.GetString()!).ToList() : [],
                    Error = OptionalString(job, "error"),
                };
                entries[entry.Id] = entry;
            }
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"--state: can't read the state file {shownAs}: {ex.Message} (move it away to start the batch afresh; tasks it records would then be submitted again)");
        }

        return new BatchStateStore(path, entries);
    }

    /// <summary>Gets the entry of a job id, or null. Call under <see cref="Gate"/> or before the run starts.</summary>
    public JobEntry? Find(string id) => _entries.GetValueOrDefault(id);

    /// <summary>Adds an entry. Call under <see cref="Gate"/>.</summary>
    public void Add(JobEntry entry) => _entries[entry.Id] = entry;

    /// <summary>Changes entries under the lock, then returns once a save that includes the change is on disk.</summary>
    public Task ChangeAsync(Action change)
    {
        lock (Gate)
        {
            change();
            _changes++;
        }

        return SaveAsync();
    }

    /// <summary>Writes the file unless a save since the last change already did.</summary>
    public async Task SaveAsync()
    {
        long target;
        lock (Gate)
        {
            target = _changes;
        }

        // Not cancellable: a state write that Ctrl+C interrupted would lose the record of a paid task.
        await _saving.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            if (Interlocked.Read(ref _saved) >= target && File.Exists(_path))
            {
                return;
            }

            byte[] bytes;
            long upTo;
            lock (Gate)
            {
                upTo = _changes;
                bytes = Serialize();
            }

            await WriteAtomicallyAsync(bytes).ConfigureAwait(false);
            Writes++;
            Interlocked.Exchange(ref _saved, upTo);
        }
        finally
        {
            _saving.Release();
        }
    }

    public void Dispose() => _saving.Dispose();

    private byte[] Serialize()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("version", Version);
            w.WriteStartArray("jobs");
            foreach (var e in _entries.Values.OrderBy(e => e.Line))
            {
                w.WriteStartObject();
                w.WriteNumber("line", e.Line);
                w.WriteString("id", e.Id);
                w.WriteString("request_hash", e.Hash);
                w.WriteStringOrNull("client_request_id", e.ClientRequestId);
                w.WriteStringOrNull("task_id", e.TaskId);
                w.WriteString("state", e.State);
                w.WriteStringArray("files", e.Files);
                w.WriteStringOrNull("error", e.Error);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private async Task WriteAtomicallyAsync(byte[] bytes)
    {
        var folder = System.IO.Path.GetDirectoryName(_path) ?? ".";
        Directory.CreateDirectory(folder);
        var temp = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(_path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                await file.WriteAsync(bytes).ConfigureAwait(false);

                // On disk before the rename: after a power cut the new name must not point at an empty file.
                file.Flush(flushToDisk: true);
            }

            File.Move(temp, _path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    private static string? OptionalString(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
