using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ContractFirst.Runtime;

namespace HappyHorse.Emulator.Tests.Support;

/// <summary>An answer read as raw JSON, for checks the SDK's tolerant readers would hide.</summary>
internal sealed record RawAnswer(int Status, JsonNode? Body, string Text, HttpResponseMessage Response)
{
    public string? ErrorCode => Body?["error"]?["code"]?.GetValue<string>();

    public string? ErrorMessage => Body?["error"]?["message"]?.GetValue<string>();
}

/// <summary>Clients for an emulator: the SDK with tiny waits, and raw HTTP that skips the SDK's validation.</summary>
internal static class Clients
{
    private static readonly HttpClient s_http = new();

    /// <summary>The SDK pointed at the emulator, polling and retrying in milliseconds instead of seconds.</summary>
    public static HappyHorseClient Sdk(ContractEmulator emulator, string? token = null, Action<HappyHorseClientOptions>? configure = null)
    {
        var options = new HappyHorseClientOptions
        {
            Endpoint = emulator.BaseAddress,
            FirstPollDelay = TimeSpan.FromMilliseconds(10),
            PollingInterval = TimeSpan.FromMilliseconds(10),
            NetworkTimeout = TimeSpan.FromSeconds(30),
        };
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(5);
        configure?.Invoke(options);
        return new HappyHorseClient(token ?? emulator.Token, options);
    }

    public static Task<RawAnswer> PostAsync(ContractEmulator emulator, string path, IJsonWritable request) =>
        PostAsync(emulator, path, ContractJson.ToJsonString(request));

    public static async Task<RawAnswer> PostAsync(ContractEmulator emulator, string path, string json, string? token = "")
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.BaseAddress, path))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Length == 0 ? emulator.Token : token);
        }

        var response = await s_http.SendAsync(message);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? body = null;
        if (text.Length > 0)
        {
            body = JsonNode.Parse(text);
        }

        return new RawAnswer((int)response.StatusCode, body, text, response);
    }

    public static Task<HttpResponseMessage> GetAsync(Uri url) => s_http.GetAsync(url);

    /// <summary>Waits for a condition the emulator reaches on its own, without asserting how long it takes.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            await Task.Delay(10, deadline.Token);
        }
    }
}
