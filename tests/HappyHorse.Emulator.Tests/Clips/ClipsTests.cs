using ContractFirst.Contract;
using ContractFirst.Runtime;
using ContractFirst.Schema;
using HappyHorse.Emulator.Hosting;
using HappyHorse.Emulator.Tests.Support;
using Newtonsoft.Json.Linq;

// The SDK generated from clips.yaml lives in this namespace, so its types win over the HappyHorse SDK's of the same name.
namespace HappyHorse.Emulator.Tests.Clips;

/// <summary>
/// Format 2 end to end on tests/ContractFirst.Generator.Tests/Contracts/clips.yaml: the SDK generated from it, the
/// schemas exported from it and the emulator serving it. Its tasks endpoint has a single operation (no discriminator),
/// videos declares its models once (VideosModel), animate narrows them, and generate has no default model.
/// </summary>
public sealed class ClipsTests
{
    private const string FirstFrame = "https://cdn.example.com/first.png";

    internal static string Yaml { get; } = File.ReadAllText(Repo.PathOf("tests", "ContractFirst.Generator.Tests", "Contracts", "clips.yaml"));

    private static ContractSchemaSet Schemas { get; } = ContractSchemaExporter.Export(ContractParser.ParseValid("clips.yaml", Yaml));

    /// <summary>A valid request of each action, for <see cref="RequestCases"/>; submits are async so they are answered at once.</summary>
    internal static IJsonWritable ValidRequest(string action) => action switch
    {
        "generate" => new GenerateRequest("A red fox in the snow") { Async = true },
        "animate" => new AnimateRequest(FirstFrame) { Async = true },
        "retrieve" => new GetTaskRequest("task-1"),
        _ => throw new InvalidOperationException($"clips.yaml has an action the tests do not know: {action}."),
    };

    /// <summary>An emulator serving clips.yaml instead of the HappyHorse contract.</summary>
    internal static Task<ContractEmulator> StartEmulatorAsync(EmulatorOptions options) =>
        StartAsync(options, EmulatedContract.FromYaml("clips.yaml", Yaml));

    private static Task<ContractEmulator> StartAsync(EmulatorOptions options, EmulatedContract contract)
    {
        options.Contract = contract;
        return ContractEmulator.StartAsync(options);
    }

    [Fact]
    public void ASingleOperationSendsNoDiscriminator() =>
        Assert.Equal("""{"id":"task-1"}""", ContractJson.ToJsonString(new GetTaskRequest("task-1")));

    [Fact]
    public void AModelWithNoDefaultIsLeftOutUntilTheCallerSetsOne()
    {
        var request = new GenerateRequest("A red fox in the snow");
        Assert.Equal("""{"action":"generate","prompt":"A red fox in the snow"}""", ContractJson.ToJsonString(request));

        request.Model = VideosModel.Clip1;
        Assert.Equal("""{"action":"generate","model":"clip-1","prompt":"A red fox in the snow"}""", ContractJson.ToJsonString(request));
    }

    [Fact]
    public void ANarrowingActionSendsItsOwnDefault() =>
        Assert.Equal(
            """{"action":"animate","model":"clip-2","image_url":"https://cdn.example.com/first.png"}""",
            ContractJson.ToJsonString(new AnimateRequest(FirstFrame)));

    [Fact]
    public void OneModelTypeServesEveryActionOfTheEndpoint()
    {
        Assert.Equal(typeof(VideosModel?), typeof(GenerateRequest).GetProperty(nameof(GenerateRequest.Model))!.PropertyType);
        Assert.Equal(typeof(VideosModel?), typeof(AnimateRequest).GetProperty(nameof(AnimateRequest.Model))!.PropertyType);
        Assert.Equal(["clip-2", "clip-2-fast", "clip-1"], VideosModel.KnownValues.Select(m => m.Value));
        Assert.Null(typeof(ClipsTests).Assembly.GetType(typeof(VideosModel).Namespace + ".GenerateModel"));
        Assert.Null(typeof(ClipsTests).Assembly.GetType(typeof(VideosModel).Namespace + ".AnimateModel"));
    }

    [Fact]
    public void ANarrowingActionsValidatorAcceptsOnlyItsModelsAndNamesThem()
    {
        var error = Assert.Single(new AnimateRequest(FirstFrame) { Model = VideosModel.Clip1 }.Validate().Errors);
        Assert.Equal(("model", "allowed"), (error.Field, error.Rule));
        Assert.Equal("model must be one of clip-2-fast, clip-2 (was \"clip-1\")", error.Message);

        Assert.True(new AnimateRequest(FirstFrame) { Model = VideosModel.Clip2Fast }.Validate().IsValid);
        Assert.True(new GenerateRequest("A red fox") { Model = VideosModel.Clip1 }.Validate().IsValid);

        // The endpoint's type still refuses what no action accepts.
        var unknown = Assert.Single(new GenerateRequest("A red fox") { Model = "clip-9" }.Validate().Errors);
        Assert.Equal("model must be one of clip-2, clip-2-fast, clip-1 (was \"clip-9\")", unknown.Message);
    }

    [Fact]
    public void TheSingleOperationsSchemaHasNoDiscriminatorAndRefusesOne()
    {
        var schema = Schemas.GetRequestSchema("tasks", "retrieve");

        Assert.Equal(["id"], schema.Properties.Keys);
        Assert.Equal(["id"], schema.RequiredProperties);
        Assert.False(schema.AllowAdditionalProperties);
        Assert.Equal("POST /v2/tasks.", schema.Description);
        Assert.Empty(schema.Validate(JToken.Parse("""{ "id": "task-1" }""")));
        Assert.NotEmpty(schema.Validate(JToken.Parse("""{ "action": "retrieve", "id": "task-1" }""")));
    }

    [Fact]
    public void TheModelIsNeverRequiredAndANarrowingActionsSchemaListsItsOwnModels()
    {
        var generate = Schemas.GetRequestSchema("videos", "generate");
        Assert.Equal(["clip-2", "clip-2-fast", "clip-1"], generate.Properties["model"].Enumeration);
        Assert.Equal(["prompt"], generate.RequiredProperties);
        Assert.Equal("The model; the service picks one when omitted.", generate.Properties["model"].Description);
        Assert.Empty(generate.Validate(JToken.Parse("""{ "prompt": "a fox" }""")));

        var animate = Schemas.GetRequestSchema("videos", "animate");
        Assert.Equal(["clip-2-fast", "clip-2"], animate.Properties["model"].Enumeration);
        Assert.Equal(["action", "image_url"], animate.RequiredProperties);
        Assert.Equal("The model; clip-2 when omitted.", animate.Properties["model"].Description);
        Assert.NotEmpty(animate.Validate(JToken.Parse("""{ "action": "animate", "image_url": "https://x.example/a.png", "model": "clip-1" }""")));
    }

    [Fact]
    public async Task TheEmulatorServesTheSdkAModelLeftOutAndASingleOperation()
    {
        await using var emulator = await StartEmulatorAsync(new EmulatorOptions { TaskDuration = TimeSpan.FromMilliseconds(50) });
        using var client = new ClipsClient(emulator.Token, new ClipsClientOptions
        {
            Endpoint = emulator.BaseAddress,
            FirstPollDelay = TimeSpan.Zero,
            PollingInterval = TimeSpan.FromMilliseconds(10),
        });

        var submitted = await client.GenerateAsync(new GenerateRequest("A red fox in the snow") { Async = true });
        var record = await client.WaitForTaskAsync(submitted);

        // The SDK sent no model and no action to the tasks endpoint; the emulator took both as they came.
        Assert.DoesNotContain("\"model\"", emulator.Requests.First(r => r.Path == "/v2/videos").Body, StringComparison.Ordinal);
        Assert.All(emulator.Requests.Where(r => r.Path == "/v2/tasks"), r => Assert.Equal($$"""{"id":"{{submitted.TaskId}}"}""", r.Body));
        Assert.Equal(submitted.TaskId, record.Id);
        Assert.NotNull(record.FinishedAt);

        // It answers with a model of the endpoint's, as the service picks one.
        Assert.Equal("generate", record.Request!.Action);
        Assert.Contains(record.Request.Model, VideosModel.KnownValues.Select(m => m.Value));
    }

    [Fact]
    public async Task TheEmulatorHoldsANarrowingActionToItsModelsAndASingleOperationToNoDiscriminator()
    {
        await using var emulator = await StartEmulatorAsync(new EmulatorOptions { TaskDuration = TimeSpan.FromHours(1) });

        var narrowed = await Clients.PostAsync(emulator, "/v2/videos", """{ "action": "animate", "image_url": "https://x.example/a.png", "model": "clip-2-fast", "async": true }""");
        Assert.Equal(200, narrowed.Status);

        var outside = await Clients.PostAsync(emulator, "/v2/videos", """{ "action": "animate", "image_url": "https://x.example/a.png", "model": "clip-1", "async": true }""");
        Assert.Equal((400, "bad_request"), (outside.Status, outside.ErrorCode));
        Assert.Contains("clip-1", outside.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("animate takes clip-2-fast, clip-2", outside.ErrorMessage, StringComparison.Ordinal);

        var taskId = narrowed.Body!["task_id"]!.GetValue<string>();
        var lookup = await Clients.PostAsync(emulator, "/v2/tasks", $$"""{ "id": "{{taskId}}" }""");
        Assert.Equal(200, lookup.Status);
        Assert.Equal("clip-2-fast", lookup.Body!["request"]!["model"]!.GetValue<string>());

        // An action field is unknown to a single operation: ignored, as any field the action does not take, unless strict.
        var withAction = $$"""{ "action": "retrieve", "id": "{{taskId}}" }""";
        Assert.Equal(200, (await Clients.PostAsync(emulator, "/v2/tasks", withAction)).Status);
        await using var strict = await StartEmulatorAsync(new EmulatorOptions { StrictFields = true });
        var refused = await Clients.PostAsync(strict, "/v2/tasks", withAction);
        Assert.Equal((400, "bad_request"), (refused.Status, refused.ErrorCode));
        Assert.Contains("action is not a field of retrieve", refused.ErrorMessage, StringComparison.Ordinal);
    }
}
