using ContractFirst.Siblings.Tests.Support;
using Siblings.Seedream;

namespace ContractFirst.Siblings.Tests;

/// <summary>
/// The Seedream contract's compiled SDK: an endpoint with a single operation (no discriminator is sent), models with
/// no default (no model is sent unless set), a pattern, defaults of every scalar kind, objects alone and in a list.
/// A valid and an invalid request for each rule, and the exact JSON.
/// </summary>
public sealed class SeedreamTests
{
    [Fact]
    public void TheSmallestRequestIsItsPromptAlone()
    {
        // No action (a single operation), no model (no default: the service picks), no defaults.
        var request = new GenerateRequest("a white siamese cat");

        Assert.True(request.Validate().IsValid);
        Assert.Equal("""{"prompt":"a white siamese cat"}""", JsonBody.Of(request.WriteJson));
    }

    [Fact]
    public void EveryFieldIsWrittenInContractOrderWithItsObjects()
    {
        var request = new GenerateRequest("a cat, then the same cat in winter")
        {
            Model = ImagesModel.Seedream4_5,
            Image = ["https://example.com/cat.png", "data:image/png;base64,iVBORw0KG"],
            Size = "2K",
            Seed = 42,
            SequentialImageGeneration = SequentialGeneration.Auto,
            SequentialImageGenerationOptions = new SequentialOptions { MaxImages = 4 },
            Stream = false,
            GuidanceScale = 5.5,
            ResponseFormat = ResponseFormat.Base64Json,
            Watermark = false,
            OutputFormat = OutputFormat.Png,
            Tools = [new Tool(ToolType.WebSearch)],
            OptimizePromptOptions = new OptimizePromptOptions { Mode = OptimizeMode.Fast },
            CallbackUrl = "https://hooks.example.com/seedream",
        };

        // No model reads every field: 4.5 takes no seed, guidance_scale, output_format or tools, and the rules say so.
        Assert.Equal(["guidance_scale", "output_format", "seed", "tools"], request.Validate().Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        Assert.Equal(
            """{"model":"doubao-seedream-4-5-251128","prompt":"a cat, then the same cat in winter","image":["https://example.com/cat.png","data:image/png;base64,iVBORw0KG"],"size":"2K","seed":42,"sequential_image_generation":"auto","sequential_image_generation_options":{"max_images":4},"stream":false,"guidance_scale":5.5,"response_format":"b64_json","watermark":false,"output_format":"png","tools":[{"type":"web_search"}],"optimize_prompt_options":{"mode":"fast"},"callback_url":"https://hooks.example.com/seedream"}""",
            JsonBody.Of(request.WriteJson));
    }

    [Fact]
    public void AFieldSetToItsDefaultIsSent() =>
        Assert.Equal(
            """{"prompt":"a cat","seed":-1,"watermark":true,"output_format":"jpeg"}""",
            JsonBody.Of(new GenerateRequest("a cat") { Seed = -1, Watermark = true, OutputFormat = OutputFormat.Jpeg }.WriteJson));

    [Fact]
    public void EveryModelOfTheEndpointIsAccepted()
    {
        foreach (var model in ImagesModel.KnownValues)
        {
            Assert.True(new GenerateRequest("a cat") { Model = model }.Validate().IsValid, model.Value);
        }

        Assert.Equal(
            ("model", "allowed", "model must be one of doubao-seedream-5-0-260128, doubao-seedream-4-5-251128, doubao-seedream-4-0-250828, doubao-seedream-3-0-t2i-250415, doubao-seededit-3-0-i2i-250628 (was \"doubao-seedream-5.0-lite\")"),
            JsonBody.Single(new GenerateRequest("a cat") { Model = new ImagesModel("doubao-seedream-5.0-lite") }.Validate()));
    }

    [Theory]
    [InlineData("1K")]
    [InlineData("4K")]
    [InlineData("adaptive")]
    [InlineData("2048x2048")]
    [InlineData("512x768")]
    public void ASizeOfTheDocumentedShapesIsValid(string size) =>
        Assert.True(new GenerateRequest("a cat") { Size = size }.Validate().IsValid);

    [Theory]
    [InlineData("5K")]
    [InlineData("2048*2048")]
    [InlineData("2k")]
    [InlineData("0x512")]
    [InlineData("2K\n")]
    public void ASizeOfAnyOtherShapeIsRefused(string size) =>
        Assert.Equal(
            ("size", "pattern", $"size must match ^([1-4]K|adaptive|[1-9][0-9]*x[1-9][0-9]*)$(?!\\n) (was \"{size}\")"),
            JsonBody.Single(new GenerateRequest("a cat") { Size = size }.Validate()));

    [Fact]
    public void ASizeShorterThanTwoCharactersBreaksTheLengthToo() =>
        Assert.Equal(
            ["size must be at least 2 characters (was 1)", "size must match ^([1-4]K|adaptive|[1-9][0-9]*x[1-9][0-9]*)$(?!\\n) (was \"K\")"],
            new GenerateRequest("a cat") { Size = "K" }.Validate().Errors.Select(e => e.Message));

    [Fact]
    public void ASeedFromMinusOneIsValidAndBelowIsNot()
    {
        Assert.True(new GenerateRequest("a cat") { Seed = -1 }.Validate().IsValid);
        Assert.True(new GenerateRequest("a cat") { Seed = int.MaxValue }.Validate().IsValid);
        Assert.Equal(
            ("seed", "range", "seed must be between -1 and 2147483647 (was -2)"),
            JsonBody.Single(new GenerateRequest("a cat") { Seed = -2 }.Validate()));
    }

    [Fact]
    public void GuidanceScaleIsFromOneToTen()
    {
        Assert.True(new GenerateRequest("a cat") { GuidanceScale = 10 }.Validate().IsValid);
        Assert.Equal(
            ("guidance_scale", "range", "guidance_scale must be between 1 and 10 (was 0.5)"),
            JsonBody.Single(new GenerateRequest("a cat") { GuidanceScale = 0.5 }.Validate()));
    }

    [Fact]
    public void AtMostFourteenReferenceImages()
    {
        Assert.True(new GenerateRequest("a cat") { Image = [.. Enumerable.Repeat("https://example.com/a.png", 14)] }.Validate().IsValid);
        Assert.Equal(
            ("image", "items", "image must have at most 14 items (had 15)"),
            JsonBody.Single(new GenerateRequest("a cat") { Image = [.. Enumerable.Repeat("https://example.com/a.png", 15)] }.Validate()));
    }

    [Fact]
    public void MaxImagesInsideTheOptionsObjectIsFromOneToFifteen()
    {
        Assert.True(new GenerateRequest("a cat") { SequentialImageGenerationOptions = new SequentialOptions { MaxImages = 15 } }.Validate().IsValid);
        Assert.Equal(
            ("sequential_image_generation_options.max_images", "range", "sequential_image_generation_options.max_images must be between 1 and 15 (was 16)"),
            JsonBody.Single(new GenerateRequest("a cat") { SequentialImageGenerationOptions = new SequentialOptions { MaxImages = 16 } }.Validate()));
    }

    [Fact]
    public void EachToolIsCheckedUnderItsIndex() =>
        Assert.Equal(
            ["tools[0].type must be one of web_search (was \"image_search\")", "tools[1] is required"],
            new GenerateRequest("a cat") { Tools = [new Tool(new ToolType("image_search")), null!] }.Validate().Errors.Select(e => e.Message));

    [Fact]
    public void EnumsOutsideTheirValuesAreRefused()
    {
        var request = new GenerateRequest("a cat")
        {
            SequentialImageGeneration = new SequentialGeneration("manual"),
            ResponseFormat = new ResponseFormat("base64"),
            OutputFormat = new OutputFormat("webp"),
            OptimizePromptOptions = new OptimizePromptOptions { Mode = new OptimizeMode("slow") },
        };

        Assert.Equal(
            [
                "sequential_image_generation must be one of auto, disabled (was \"manual\")",
                "response_format must be one of url, b64_json (was \"base64\")",
                "output_format must be one of jpeg, png (was \"webp\")",
                "optimize_prompt_options.mode must be one of standard, fast (was \"slow\")",
            ],
            request.Validate().Errors.Select(e => e.Message));
    }

    [Fact]
    public void ThePromptIsRequired() =>
        Assert.Equal(("prompt", "required", "prompt is required"), JsonBody.Single(new GenerateRequest(" ").Validate()));

    [Fact]
    public void TheTasksEndpointSendsItsDiscriminatorEvenForItsDefaultAction()
    {
        Assert.Equal("""{"action":"retrieve","id":"t-1"}""", JsonBody.Of(new GetTaskRequest("t-1").WriteJson));
        Assert.Equal("""{"action":"retrieve_batch","ids":["t-1","t-2"]}""", JsonBody.Of(new GetTasksRequest(["t-1", "t-2"]).WriteJson));
        Assert.Equal(("ids", "items", "ids must have at least 1 item (had 0)"), JsonBody.Single(new GetTasksRequest([]).Validate()));
    }

    [Fact]
    public void ATaskEndsBySuccessOrByFailure()
    {
        var succeeded = TaskRecord.FromJson(
            """{"id":"t-1","finished_at":1766427560.667,"response":{"success":true,"task_id":"t-1","data":[{"prompt":"a cat","size":"2048x2048","image_url":"https://cdn.example.com/a.jpg"}]}}""");
        var failed = TaskRecord.FromJson(
            """{"id":"t-2","response":{"success":false,"error":{"code":"api_error","message":"fetch failed"}}}""");
        var running = TaskRecord.FromJson("""{"id":"t-3","created_at":1766427547.107}""");

        Assert.True(succeeded is { IsFinished: true, HasSucceeded: true, HasFailed: false });
        Assert.True(failed is { IsFinished: true, HasSucceeded: false, HasFailed: true });
        Assert.False(running.IsFinished);
    }
}
