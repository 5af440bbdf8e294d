using HappyHorse.Tests.Infrastructure;

namespace HappyHorse.Tests;

/// <summary>
/// The exact JSON body of each action: action and model first (the default model when unset), then the
/// action's fields in contract order, then resolution, watermark, seed, callback_url, async; unset optional
/// fields are left out.
/// </summary>
public class RequestJsonTests
{
    [Fact]
    public void GenerateWithDefaultsSendsActionDefaultModelAndPromptOnly() =>
        Assert.Equal(
            """{"action":"generate","model":"happyhorse-1.1-t2v","prompt":"a horse running on a beach"}""",
            ContractJson.ToJsonString(SampleRequests.Minimal("generate")));

    [Fact]
    public void ImageToVideoWithDefaultsSendsActionDefaultModelAndImageUrlOnly() =>
        Assert.Equal(
            """{"action":"image_to_video","model":"happyhorse-1.1-i2v","image_url":"https://cdn.example.com/first-frame.png"}""",
            ContractJson.ToJsonString(SampleRequests.Minimal("image_to_video")));

    [Fact]
    public void ReferenceToVideoWithDefaultsSendsActionDefaultModelPromptAndImageUrlsOnly() =>
        Assert.Equal(
            """{"action":"reference_to_video","model":"happyhorse-1.1-r2v","prompt":"character1 rides a horse","image_urls":["https://cdn.example.com/first-frame.png"]}""",
            ContractJson.ToJsonString(SampleRequests.Minimal("reference_to_video")));

    [Fact]
    public void VideoEditWithDefaultsSendsActionDefaultModelPromptAndVideoUrlOnly() =>
        Assert.Equal(
            """{"action":"video_edit","model":"happyhorse-1.0-video-edit","prompt":"make it snow","video_url":"https://cdn.example.com/input.mp4"}""",
            ContractJson.ToJsonString(SampleRequests.Minimal("video_edit")));

    [Fact]
    public void GenerateWithEveryFieldWritesThemInContractOrder() =>
        Assert.Equal(
            """{"action":"generate","model":"happyhorse-1.0-t2v","prompt":"a horse running on a beach","ratio":"16:9","duration":10,"resolution":"1080P","watermark":true,"seed":42,"callback_url":"https://hooks.example.com/happyhorse","async":true}""",
            ContractJson.ToJsonString(SampleRequests.FullGenerate()));

    [Fact]
    public void ImageToVideoWithEveryFieldWritesThemInContractOrder() =>
        Assert.Equal(
            """{"action":"image_to_video","model":"happyhorse-1.0-i2v","image_url":"https://cdn.example.com/first-frame.png","prompt":"the horse starts to gallop","duration":10,"resolution":"1080P","watermark":true,"seed":42,"callback_url":"https://hooks.example.com/happyhorse","async":true}""",
            ContractJson.ToJsonString(SampleRequests.FullImageToVideo()));

    [Fact]
    public void ReferenceToVideoWithEveryFieldWritesThemInContractOrder()
    {
        var request = SampleRequests.FullReferenceToVideo();
        request.ImageUrls = ["https://cdn.example.com/a.png", "https://cdn.example.com/b.png"];

        Assert.Equal(
            """{"action":"reference_to_video","model":"happyhorse-1.0-r2v","prompt":"character1 rides a horse","image_urls":["https://cdn.example.com/a.png","https://cdn.example.com/b.png"],"ratio":"1:1","duration":10,"resolution":"1080P","watermark":true,"seed":42,"callback_url":"https://hooks.example.com/happyhorse","async":true}""",
            ContractJson.ToJsonString(request));
    }

    [Fact]
    public void VideoEditWithEveryFieldWritesThemInContractOrder()
    {
        var request = SampleRequests.FullVideoEdit();
        request.ImageUrls = ["https://cdn.example.com/outfit.png"];

        Assert.Equal(
            """{"action":"video_edit","model":"happyhorse-1.0-video-edit","prompt":"make it snow","video_url":"https://cdn.example.com/input.mp4","image_urls":["https://cdn.example.com/outfit.png"],"audio_setting":"origin","resolution":"1080P","watermark":true,"seed":42,"callback_url":"https://hooks.example.com/happyhorse","async":true}""",
            ContractJson.ToJsonString(request));
    }

    [Fact]
    public void VideoEditWithAnEmptyImageListSendsAnEmptyArray() =>
        Assert.Equal(
            """{"action":"video_edit","model":"happyhorse-1.0-video-edit","prompt":"p","video_url":"https://cdn.example.com/input.mp4","image_urls":[]}""",
            ContractJson.ToJsonString(new VideoEditRequest("p", SampleRequests.VideoUrl) { ImageUrls = [] }));

    [Fact]
    public void AnExplicitModelReplacesTheDefault() =>
        Assert.Equal(
            """{"action":"image_to_video","model":"happyhorse-1.0-i2v","image_url":"https://cdn.example.com/first-frame.png"}""",
            ContractJson.ToJsonString(new ImageToVideoRequest(SampleRequests.ImageUrl) { Model = ImageToVideoModel.HappyHorse1_0 }));

    [Fact]
    public void FalseAndZeroAreSentNotDropped() =>
        Assert.Equal(
            """{"action":"generate","model":"happyhorse-1.1-t2v","prompt":"p","watermark":false,"seed":0,"async":false}""",
            ContractJson.ToJsonString(new GenerateRequest("p") { Watermark = false, Seed = 0, Async = false }));

    [Fact]
    public void RatioAndResolutionAreWrittenAsTheirContractStrings()
    {
        var fromMembers = new GenerateRequest("p") { Ratio = Ratio.Landscape16x9, Resolution = Resolution.P720 };
        var fromStrings = new GenerateRequest("p") { Ratio = "16:9", Resolution = "720P" };
        const string Expected = """{"action":"generate","model":"happyhorse-1.1-t2v","prompt":"p","ratio":"16:9","resolution":"720P"}""";

        Assert.Equal(Expected, ContractJson.ToJsonString(fromMembers));
        Assert.Equal(Expected, ContractJson.ToJsonString(fromStrings));
    }

    [Fact]
    public void GetTaskSendsTheIdWithActionRetrieve() =>
        Assert.Equal("""{"action":"retrieve","id":"task-1"}""", ContractJson.ToJsonString(new GetTaskRequest("task-1")));

    [Fact]
    public void GetTasksSendsTheIdsWithActionRetrieveBatch() =>
        Assert.Equal(
            """{"action":"retrieve_batch","ids":["task-1","task-2"]}""",
            ContractJson.ToJsonString(new GetTasksRequest(["task-1", "task-2"])));

    [Theory]
    [InlineData(typeof(GenerateRequest), "ImageUrl")]
    [InlineData(typeof(GenerateRequest), "ImageUrls")]
    [InlineData(typeof(GenerateRequest), "VideoUrl")]
    [InlineData(typeof(GenerateRequest), "AudioSetting")]
    [InlineData(typeof(ImageToVideoRequest), "Ratio")]
    [InlineData(typeof(ImageToVideoRequest), "ImageUrls")]
    [InlineData(typeof(ImageToVideoRequest), "VideoUrl")]
    [InlineData(typeof(ImageToVideoRequest), "AudioSetting")]
    [InlineData(typeof(ReferenceToVideoRequest), "ImageUrl")]
    [InlineData(typeof(ReferenceToVideoRequest), "VideoUrl")]
    [InlineData(typeof(ReferenceToVideoRequest), "AudioSetting")]
    [InlineData(typeof(VideoEditRequest), "Duration")]
    [InlineData(typeof(VideoEditRequest), "Ratio")]
    [InlineData(typeof(VideoEditRequest), "ImageUrl")]
    public void ARequestHasNoPropertyForAnotherActionsField(Type requestType, string property) =>
        Assert.Null(requestType.GetProperty(property));

    [Theory]
    [InlineData(typeof(GenerateRequest), "Ratio")]
    [InlineData(typeof(GenerateRequest), "Duration")]
    [InlineData(typeof(ImageToVideoRequest), "Duration")]
    [InlineData(typeof(ReferenceToVideoRequest), "Ratio")]
    [InlineData(typeof(VideoEditRequest), "AudioSetting")]
    [InlineData(typeof(VideoEditRequest), "ImageUrls")]
    public void ARequestHasAPropertyForEachOfItsOwnFields(Type requestType, string property) =>
        Assert.NotNull(requestType.GetProperty(property));

    [Theory]
    [InlineData("generate")]
    [InlineData("image_to_video")]
    [InlineData("reference_to_video")]
    [InlineData("video_edit")]
    public void SharedFieldsSetThroughTheEndpointInterfaceAreWrittenForEveryAction(string action)
    {
        IVideosRequest request = SampleRequests.Minimal(action);
        request.Resolution = Resolution.P1080;
        request.Watermark = false;
        request.Seed = 7;
        request.CallbackUrl = "https://hooks.example.com/hh";
        request.Async = true;

        Assert.True(request.Validate().IsValid);
        Assert.EndsWith(
            ""","resolution":"1080P","watermark":false,"seed":7,"callback_url":"https://hooks.example.com/hh","async":true}""",
            ContractJson.ToJsonString(request), StringComparison.Ordinal);
    }
}
