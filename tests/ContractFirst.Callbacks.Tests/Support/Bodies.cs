namespace ContractFirst.Callbacks.Tests.Support;

/// <summary>Callback bodies shaped like the service's: a finished VideosResponse.</summary>
internal static class Bodies
{
    public static readonly CallbackSecret Secret = new(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    public static string Finished(string taskId) => $$"""
        {"success":true,"task_id":"{{taskId}}","trace_id":"trace-{{taskId}}","data":[{"id":"v-{{taskId}}","state":"succeeded","video_url":"https://cdn.example.com/{{taskId}}.mp4"}]}
        """;
}
