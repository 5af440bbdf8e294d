using HappyHorse.Tests.Infrastructure;

namespace HappyHorse.Tests.Client;

/// <summary>The client refuses a request that breaks the contract before anything is sent.</summary>
public class ClientValidationTests
{
    public static TheoryData<string> AllActions => [.. SampleRequests.Actions];

    [Theory]
    [MemberData(nameof(AllActions))]
    public async Task AnInvalidSubmitIsRefusedWithoutARequest(string action)
    {
        await using var server = await LoopbackServer.StartAsync();
        server.On("/happyhorse/videos", Reply.Ok(ResponseReaderTests.DocumentedSuccess));
        using var client = TestClients.Create(server);
        IValidatable invalid = action switch
        {
            "generate" => new GenerateRequest("a horse") { Duration = 16 },
            "image_to_video" => new ImageToVideoRequest("/relative.png"),
            "reference_to_video" => new ReferenceToVideoRequest("character1", []),
            _ => new VideoEditRequest("make it snow", SampleRequests.VideoUrl) { AudioSetting = "mute" },
        };

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => ClientRequestTests.SubmitAsync(client, invalid));

        Assert.Single(error.Errors);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task EveryViolationIsCarriedByTheException()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var client = TestClients.Create(server);
        var request = new GenerateRequest("") { Duration = 2, Seed = -1, CallbackUrl = "not a url" };

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => client.GenerateAsync(request));

        Assert.Equal("GenerateRequest", error.RequestName);
        Assert.Equal(["prompt", "duration", "seed", "callback_url"], error.Errors.Select(e => e.Field));
        Assert.All(error.Errors, e => Assert.Contains(e.Message, error.Message, StringComparison.Ordinal));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task TaskLookupsWithBlankIdsAreRefusedWithoutARequest()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.On("/happyhorse/tasks", Reply.Ok("""{ "id": "task-1" }"""));
        using var client = TestClients.Create(server);

        var single = await Assert.ThrowsAsync<RequestValidationException>(() => client.GetTaskAsync(" "));
        var none = await Assert.ThrowsAsync<RequestValidationException>(() => client.GetTasksAsync([]));

        Assert.Equal("id", Assert.Single(single.Errors).Field);
        Assert.Equal("ids", Assert.Single(none.Errors).Field);
        Assert.Empty(server.Requests);
    }
}
