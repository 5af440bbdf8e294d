using System.Text.Json;

namespace HappyHorse.Cli.Output;

/// <summary>Task records as JSON: the SDK's own writer, plus the state the CLI derives.</summary>
internal static class TaskJson
{
    public static void WriteRecord(Utf8JsonWriter w, TaskRecord record)
    {
        w.WriteStartObject();
        w.WriteString("state", TaskStates.Describe(record));
        w.WriteBoolean("finished", record.IsFinished);
        record.WriteJsonProperties(w);
        w.WriteEndObject();
    }
}
