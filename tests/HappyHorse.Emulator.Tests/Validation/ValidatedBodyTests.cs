using System.Text;
using HappyHorse.Emulator.Tests.Support;
using HappyHorse.Emulator.Validation;

namespace HappyHorse.Emulator.Tests.Validation;

/// <summary>
/// The validated body is what the service acts on: the fields the action takes as sent, then the contract default of
/// each field left out, inside request objects too, except a default a rule of the request excludes; it is itself a
/// valid request.
/// </summary>
public sealed class ValidatedBodyTests
{
    [Fact]
    public void ADefaultIsAppliedUnlessARuleOfTheRequestExcludesTheField()
    {
        // Seedream 4.5 takes no seed and no output_format; Seedream 3.0 takes a seed but no output_format.
        var contract = Contracts.Load("seedream.yaml");
        var validator = new RequestValidator(contract, contract.Endpoints.Single(e => e.Key == "images"));

        var v45 = validator.Validate("""{ "model": "doubao-seedream-4-5-251128", "prompt": "a cat" }"""u8, strict: true).Request!.Body;
        var v30 = validator.Validate("""{ "model": "doubao-seedream-3-0-t2i-250415", "prompt": "a cat" }"""u8, strict: true).Request!.Body;

        Assert.Equal(
            """{"model":"doubao-seedream-4-5-251128","prompt":"a cat","sequential_image_generation":"disabled","stream":false,"response_format":"url","watermark":true}""",
            v45.ToJsonString());
        Assert.Equal(-1, v30["seed"]!.GetValue<int>());
        Assert.False(v30.ContainsKey("output_format"));
        Assert.NotNull(validator.Validate(Encoding.UTF8.GetBytes(v45.ToJsonString()), strict: true).Request);
        Assert.NotNull(validator.Validate(Encoding.UTF8.GetBytes(v30.ToJsonString()), strict: true).Request);
    }

    [Fact]
    public void DefaultsAreAppliedInsideRequestObjects()
    {
        var contract = Contracts.Load("kling.yaml");
        var validator = new RequestValidator(contract, contract.Endpoints.Single());

        var outcome = validator.Validate(
            """{ "model": "kling-video-o1", "prompt": "x", "video_list": [{ "video_url": "https://x.example/v.mp4" }], "camera_control": { "type": "simple" } }"""u8,
            strict: false);

        Assert.True(outcome.Request is not null, outcome.Error);
        Assert.Equal("""[{"video_url":"https://x.example/v.mp4","refer_type":"base"}]""", outcome.Request.Body["video_list"]!.ToJsonString());
        Assert.Equal("""{"type":"simple"}""", outcome.Request.Body["camera_control"]!.ToJsonString());
    }

    [Fact]
    public void TheModelIsTheBodysElseTheDefaultElseTheFirstOfTheAction()
    {
        var kling = Contracts.Load("kling.yaml");
        var seedream = Contracts.Load("seedream.yaml");
        var klingVideos = new RequestValidator(kling, kling.Endpoints.Single());

        Assert.Equal("kling-v1-6", klingVideos.Validate("""{ "prompt": "x", "model": "kling-v1-6" }"""u8, strict: true).Request!.Model);
        Assert.Equal("kling-v1", klingVideos.Validate("""{ "prompt": "x" }"""u8, strict: true).Request!.Model);
        Assert.Equal(
            "doubao-seedream-5-0-260128",
            new RequestValidator(seedream, seedream.Endpoints.Single(e => e.Key == "images")).Validate("""{ "prompt": "x" }"""u8, strict: true).Request!.Model);
        Assert.Null(new RequestValidator(seedream, seedream.Endpoints.Single(e => e.Key == "tasks")).Validate("""{ "id": "t" }"""u8, strict: true).Request!.Model);
    }
}
