using ContractFirst.Contract.Model;
using ContractFirst.Generator.Tests.Infrastructure;

namespace ContractFirst.Generator.Tests.Parsing;

/// <summary>The model the parser builds from the real contract, spec/happyhorse.yaml.</summary>
public sealed class HappyHorseContractTests
{
    private static readonly string[] s_shared = ["resolution", "watermark", "seed", "callback_url", "async"];

    // Every action names its models HappyHorse1_1 (when it has a 1.1 model) and HappyHorse1_0.
    private static readonly string[] s_modelNames = ["HappyHorse1_1", "HappyHorse1_0"];

    private static readonly ContractSpec s_spec = Parse.Valid(TestContract.HappyHorse().Text);

    private static EndpointSpec Videos => s_spec.Endpoints.Single(e => e.Key == "videos");

    private static ActionSpec Action(string value) => Videos.Actions.Single(a => a.Value == value);

    private static FieldSpec Field(string action, string field) => Action(action).Fields.Single(f => f.JsonName == field);

    [Fact]
    public void NamesComeFromTheApiWhenNoOptionIsSet()
    {
        Assert.Equal("HappyHorse", s_spec.Namespace);
        Assert.Equal("HappyHorseClient", s_spec.ClientName);
        Assert.Equal("https://api.acedata.cloud", s_spec.Api.BaseUrl);
        Assert.Equal("ACEDATACLOUD_API_TOKEN", s_spec.Api.TokenEnv);
    }

    [Fact]
    public void HasTheVideosAndTasksEndpoints()
    {
        Assert.Equal(["videos", "tasks"], s_spec.Endpoints.Select(e => e.Key));
        Assert.Equal(("/happyhorse/videos", EndpointKind.Submit, 900, "model"), (Videos.Path, Videos.Kind, Videos.TimeoutSeconds, Videos.ModelField));
        var tasks = s_spec.Endpoints.Single(e => e.Key == "tasks");
        Assert.Equal(("/happyhorse/tasks", EndpointKind.Read, 100, (string?)null), (tasks.Path, tasks.Kind, tasks.TimeoutSeconds, tasks.ModelField));
    }

    [Fact]
    public void VideosActionsAreInContractOrderWithGenerateAsDefault()
    {
        Assert.Equal(["generate", "image_to_video", "reference_to_video", "video_edit"], Videos.Actions.Select(a => a.Value));
        Assert.Equal(["Generate", "ImageToVideo", "ReferenceToVideo", "VideoEdit"], Videos.Actions.Select(a => a.TypeName));
        Assert.Equal("generate", Videos.DefaultAction);
        Assert.All(Videos.Actions, a => Assert.Equal("VideosResponse", a.Response));
    }

    [Theory]
    [InlineData("generate", "happyhorse-1.1-t2v", "happyhorse-1.0-t2v")]
    [InlineData("image_to_video", "happyhorse-1.1-i2v", "happyhorse-1.0-i2v")]
    [InlineData("reference_to_video", "happyhorse-1.1-r2v", "happyhorse-1.0-r2v")]
    [InlineData("video_edit", "happyhorse-1.0-video-edit")]
    public void EachActionHasItsModelsWithTheFirstAsDefault(string action, params string[] models)
    {
        Assert.Equal(models, Action(action).Models.Select(m => m.Value));
        Assert.Equal(models[0], Action(action).DefaultModel);
        Assert.Equal(s_modelNames[^models.Length..], Action(action).Models.Select(m => m.Name));
    }

    [Theory]
    [InlineData("generate", "prompt!", "ratio", "duration")]
    [InlineData("image_to_video", "image_url!", "prompt", "duration")]
    [InlineData("reference_to_video", "prompt!", "image_urls!", "ratio", "duration")]
    [InlineData("video_edit", "prompt!", "video_url!", "image_urls", "audio_setting")]
    public void EachActionHasExactlyItsOwnFieldsThenTheSharedOnes(string action, params string[] own)
    {
        // "!" marks a required field; shared fields are always optional.
        var expected = own.Concat(s_shared).ToArray();
        var actual = Action(action).Fields.Select(f => f.JsonName + (f.Required ? "!" : "")).ToArray();

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void ActionsWithoutAFieldDoNotCarryIt()
    {
        Assert.DoesNotContain(Action("image_to_video").Fields, f => f.JsonName == "ratio");
        Assert.DoesNotContain(Action("video_edit").Fields, f => f.JsonName is "duration" or "ratio");
        Assert.All(Videos.Actions, a => Assert.Equal(s_shared, a.Fields.TakeLast(s_shared.Length).Select(f => f.JsonName)));
    }

    [Fact]
    public void ImageUrlsBoundsDependOnTheAction()
    {
        var reference = Field("reference_to_video", "image_urls");
        var edit = Field("video_edit", "image_urls");

        Assert.Equal((1, 9), (reference.MinItems, reference.MaxItems));
        Assert.Equal((0, 5), (edit.MinItems, edit.MaxItems));
        Assert.Equal(new TypeRef(FieldKind.Url, null, IsArray: true), reference.Type);
    }

    [Theory]
    [InlineData("generate")]
    [InlineData("image_to_video")]
    [InlineData("reference_to_video")]
    public void DurationIsThreeToFifteenSeconds(string action)
    {
        var duration = Field(action, "duration");

        Assert.Equal((3m, 15m), (duration.Min, duration.Max));
        Assert.Equal(FieldKind.Integer, duration.Type.Kind);
    }

    [Fact]
    public void SeedSpansTheNonNegativeInt32Range()
    {
        Assert.All(Videos.Actions, a =>
        {
            var seed = a.Fields.Single(f => f.JsonName == "seed");
            Assert.Equal((0m, 2147483647m), (seed.Min, seed.Max));
        });
    }

    [Fact]
    public void HasSixErrorCasesOnlyRateLimitsAndServerErrorsRetryable()
    {
        Assert.Equal(
            [
                (400, "BadRequest", false),
                (401, "Authentication", false),
                (403, "InsufficientBalance", false),
                (403, "ContentRejected", false),
                (429, "RateLimited", true),
                (500, "ServerError", true),
            ],
            s_spec.Errors.Cases.Select(c => (c.Status, c.ExceptionName, c.Retryable)));
        Assert.Empty(s_spec.Errors.Cases.Single(c => c.ExceptionName == "ContentRejected").Codes);
        Assert.Equal(("error.code", "error.message", "trace_id"), (s_spec.Errors.CodePath, s_spec.Errors.MessagePath, s_spec.Errors.TraceIdPath));
    }

    [Fact]
    public void BillsEveryVideoActionPerSecondByResolution()
    {
        var billing = s_spec.Billing!;
        var price = Assert.Single(billing.Prices);

        Assert.Equal(("USD", "videos", PriceUnit.Second, "duration"), (billing.Currency, price.EndpointKey, price.Unit, price.QuantityField));
        Assert.Equal(["resolution"], price.KeyFields);
        Assert.Equal([("resolution 720P", 0.105m), ("resolution 1080P", 0.18m)], price.Rates.Select(r => (r.KeyText, r.Rate)));
        Assert.Equal(["generate", "image_to_video", "reference_to_video", "video_edit"], price.Actions.Select(a => a.Action));
        Assert.All(price.Actions, a => Assert.Equal(new PriceInput("resolution", "720P", Assumed: true), Assert.Single(a.Keys)));
        Assert.Equal(["video_edit"], price.Actions.Where(a => a.InputPlusOutput).Select(a => a.Action));
        Assert.All(price.Actions.Where(a => !a.InputPlusOutput), a => Assert.Equal(new PriceInput("duration", "5", Assumed: true), a.Quantity));
    }

    [Fact]
    public void PollsTheTaskRecordUntilItsStatesOrFinishedAtSayItEnded()
    {
        var polling = s_spec.Polling!;
        Assert.Equal(("GetTask", "TaskRecord", "TaskId"), (polling.ActionTypeName, polling.RecordModel, polling.TaskIdProperty));
        Assert.Equal((15d, 5d, 60d, 3600d), (polling.FirstDelaySeconds, polling.IntervalSeconds, polling.MaxIntervalSeconds, polling.TimeoutSeconds));
        Assert.Equal("FinishedAt", polling.Terminal.FinishedWhen);
        Assert.Equal(["response.data[].state has every item succeeded"], polling.Terminal.Succeeded.Select(r => r.Text));
        Assert.Equal(
            ["response.success is false", "response.error is present", "response.data[].state has any item error"],
            polling.Terminal.Failed.Select(r => r.Text));
        Assert.Equal(polling.Terminal, s_spec.Models.Single(m => m.Name == "TaskRecord").Terminal);
        Assert.All(s_spec.Models.Where(m => m.Name != "TaskRecord"), m => Assert.Null(m.Terminal));
    }

    [Fact]
    public void TaskLookupsTakeTheirIds()
    {
        var tasks = s_spec.Endpoints.Single(e => e.Key == "tasks");
        var getTask = tasks.Actions.Single(a => a.TypeName == "GetTask");
        var getTasks = tasks.Actions.Single(a => a.TypeName == "GetTasks");

        Assert.Equal(["id!"], getTask.Fields.Select(f => f.JsonName + (f.Required ? "!" : "")));
        Assert.Equal(["ids!"], getTasks.Fields.Select(f => f.JsonName + (f.Required ? "!" : "")));
        Assert.Equal(1, getTasks.Fields[0].MinItems);
        Assert.Empty(getTask.Models);
    }

    [Fact]
    public void EnumsAndModelsAreInContractOrder()
    {
        Assert.Equal(["Resolution", "Ratio", "AudioSetting", "VideoState"], s_spec.Enums.Select(e => e.Name));
        Assert.Equal(["VideosResponse", "ErrorDetail", "VideoResult", "TaskRequest", "TaskRecord", "TaskBatch"], s_spec.Models.Select(m => m.Name));
        Assert.Equal(["P720", "P1080"], s_spec.Enums[0].Values.Select(v => v.Name));
    }
}
