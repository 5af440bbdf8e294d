using System.Globalization;
using System.Text;
using System.Text.Json;
using HappyHorse.Emulator;

namespace HappyHorse.Cli.Tests.Batch;

/// <summary>Jobs files, state files and emulator figures the batch tests share.</summary>
internal static class BatchFixture
{
    /// <summary>Writes a JSON Lines file of <paramref name="count"/> generate jobs with ids job-1, job-2, ….</summary>
    public static string WriteJobs(string folder, int count, string name = "jobs.jsonl")
    {
        var text = new StringBuilder();
        for (var i = 1; i <= count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $$"""{"id":"job-{{i}}","action":"generate","prompt":"Horse number {{i}}","duration":3}""").Append('\n');
        }

        File.WriteAllText(Path.Combine(folder, name), text.ToString());
        return name;
    }

    /// <summary>The state file's jobs: id to (state, task id, client request id).</summary>
    public static Dictionary<string, (string State, string? TaskId, string? ClientRequestId)> ReadState(string path)
    {
        // The file is replaced by rename, so a read never sees half of one; retry if it is replaced mid-open.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
                return doc.RootElement.GetProperty("jobs").EnumerateArray().ToDictionary(
                    j => j.GetProperty("id").GetString()!,
                    j => (j.GetProperty("state").GetString()!, j.GetProperty("task_id").GetString(), j.GetProperty("client_request_id").GetString()));
            }
            catch (IOException) when (attempt < 20)
            {
                Thread.Sleep(10);
            }
        }
    }

    /// <summary>Waits until the state file records at least <paramref name="taskIds"/> task ids.</summary>
    public static async Task WaitForTaskIdsAsync(string path, int taskIds, Func<bool>? stillRunning = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(path) && ReadState(path).Values.Count(j => j.TaskId is not null) >= taskIds)
            {
                return;
            }

            if (stillRunning is not null && !stillRunning())
            {
                throw new InvalidOperationException("The batch ended before it recorded enough task ids.");
            }

            await Task.Delay(5);
        }

        throw new TimeoutException($"The state file never recorded {taskIds} task ids.");
    }

    /// <summary>Asserts that each job was submitted exactly once and its video is saved.</summary>
    public static void AssertEveryJobSubmittedOnceAndDownloaded(ContractEmulator emulator, string outFolder, int count)
    {
        var usage = emulator.Usage;
        Assert.Equal(0, usage.ClientRequestsChargedTwice);
        Assert.Equal(count, usage.TasksCreated);
        Assert.Equal(count, usage.TasksByClientRequest.Count);
        Assert.All(usage.TasksByClientRequest.Values, tasks => Assert.Equal(1, tasks));
        var files = Directory.GetFiles(outFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(Enumerable.Range(1, count).Select(i => $"job-{i}.mp4").Order(StringComparer.Ordinal), files);
        Assert.All(Directory.GetFiles(outFolder), f => Assert.True(new FileInfo(f).Length > 0));
    }

    /// <summary>The task lookups the emulator received: how many ids each asked for.</summary>
    public static int[] LookupSizes(ContractEmulator emulator) =>
        emulator.Requests.Where(r => r.Path == "/happyhorse/tasks").Select(r =>
        {
            using var body = JsonDocument.Parse(r.Body);
            return body.RootElement.TryGetProperty("ids", out var ids) ? ids.GetArrayLength() : 1;
        }).ToArray();
}
