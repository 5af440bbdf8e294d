using HappyHorse.Tests.Infrastructure;

namespace HappyHorse.Tests.Constraints;

/// <summary>Every required field, missing or blank, is reported by its JSON name.</summary>
public class RequiredFieldTests
{
    public static TheoryData<string?> Blanks => [null, "", "   "];

    [Theory]
    [MemberData(nameof(Blanks))]
    public void GenerateRequiresPrompt(string? prompt) =>
        ValidationAssert.SingleError(new GenerateRequest(prompt!), "prompt", "required", "prompt is required");

    [Theory]
    [MemberData(nameof(Blanks))]
    public void ImageToVideoRequiresImageUrl(string? imageUrl) =>
        ValidationAssert.SingleError(new ImageToVideoRequest(imageUrl!), "image_url", "required", "image_url is required");

    [Fact]
    public void ImageToVideoDoesNotRequirePrompt() =>
        ValidationAssert.Valid(new ImageToVideoRequest(SampleRequests.ImageUrl) { Prompt = null });

    [Theory]
    [MemberData(nameof(Blanks))]
    public void ReferenceToVideoRequiresPrompt(string? prompt) =>
        ValidationAssert.SingleError(new ReferenceToVideoRequest(prompt!, [SampleRequests.ImageUrl]), "prompt", "required", "prompt is required");

    [Fact]
    public void ReferenceToVideoRequiresImageUrls() =>
        ValidationAssert.SingleError(new ReferenceToVideoRequest("character1", null!), "image_urls", "required", "image_urls is required");

    [Theory]
    [MemberData(nameof(Blanks))]
    public void VideoEditRequiresPrompt(string? prompt) =>
        ValidationAssert.SingleError(new VideoEditRequest(prompt!, SampleRequests.VideoUrl), "prompt", "required", "prompt is required");

    [Theory]
    [MemberData(nameof(Blanks))]
    public void VideoEditRequiresVideoUrl(string? videoUrl) =>
        ValidationAssert.SingleError(new VideoEditRequest("make it snow", videoUrl!), "video_url", "required", "video_url is required");

    [Fact]
    public void VideoEditDoesNotRequireImageUrls() =>
        ValidationAssert.Valid(new VideoEditRequest("make it snow", SampleRequests.VideoUrl) { ImageUrls = null });

    [Theory]
    [MemberData(nameof(Blanks))]
    public void GetTaskRequiresId(string? id) =>
        ValidationAssert.SingleError(new GetTaskRequest(id!), "id", "required", "id is required");

    [Fact]
    public void GetTasksRequiresIds() =>
        ValidationAssert.SingleError(new GetTasksRequest(null!), "ids", "required", "ids is required");

    [Fact]
    public void GetTasksRequiresAtLeastOneId() =>
        ValidationAssert.SingleError(new GetTasksRequest([]), "ids", "items", "at least 1 item", "(had 0)");

    [Fact]
    public void GetTasksRejectsABlankIdByItsIndex() =>
        ValidationAssert.SingleError(new GetTasksRequest(["task-1", " "]), "ids[1]", "required", "ids[1] is required");

    [Fact]
    public void GetTaskAndGetTasksWithIdsAreValid()
    {
        ValidationAssert.Valid(new GetTaskRequest("task-1"));
        ValidationAssert.Valid(new GetTasksRequest(["task-1"]));
        ValidationAssert.Valid(new GetTasksRequest(["task-1", "task-2"]));
    }

    [Theory]
    [MemberData(nameof(AllActions))]
    public void RequiredFieldsAloneAreValid(string action) =>
        ValidationAssert.Valid(SampleRequests.Minimal(action));

    public static TheoryData<string> AllActions => [.. SampleRequests.Actions];
}
