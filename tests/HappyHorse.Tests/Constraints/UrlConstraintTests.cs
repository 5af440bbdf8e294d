using HappyHorse.Tests.Infrastructure;

namespace HappyHorse.Tests.Constraints;

/// <summary>Every URL field takes an absolute http(s) URL; array items are reported with their index.</summary>
public class UrlConstraintTests
{
    // (action, field as reported): image_urls items are placed at index 1, after a valid one.
    private static readonly (string Action, string Field)[] UrlFields =
    [
        ("generate", "callback_url"),
        ("image_to_video", "image_url"),
        ("image_to_video", "callback_url"),
        ("reference_to_video", "image_urls[1]"),
        ("reference_to_video", "callback_url"),
        ("video_edit", "video_url"),
        ("video_edit", "image_urls[1]"),
        ("video_edit", "callback_url"),
    ];

    public static TheoryData<string, string, string> ValidUrls =>
        Cross(["http://example.com/a.png", "https://cdn.example.com/path/v.mp4?sig=abc", "http://127.0.0.1:8080/hook"]);

    public static TheoryData<string, string, string> InvalidUrls =>
        Cross(["/relative/a.png", "ftp://example.com/a.png", "not a url"]);

    [Theory]
    [MemberData(nameof(ValidUrls))]
    public void AbsoluteHttpAndHttpsUrlsAreValid(string action, string field, string url) =>
        ValidationAssert.Valid(WithUrl(action, field, url));

    [Theory]
    [MemberData(nameof(InvalidUrls))]
    public void RelativeOtherSchemeAndNonUrlsAreRejectedNamingFieldAndValue(string action, string field, string url)
    {
        var error = ValidationAssert.SingleError(WithUrl(action, field, url), field, "url", "absolute http or https URL", $"(was \"{url}\")");
        Assert.Equal(url, error.Value);
    }

    public static TheoryData<string, string, string> TheThreeThatOnceSplitTheJudges =>
        Cross(["http://./", "https://ex~ample.com/", "https://" + new string('a', 300) + "/"]);

    [Theory]
    [MemberData(nameof(TheThreeThatOnceSplitTheJudges))]
    public void HostsTheSchemaAndTheEmulatorRefuseAreRefusedToo(string action, string field, string url) =>
        ValidationAssert.SingleError(WithUrl(action, field, url), field, "url", "absolute http or https URL");

    [Theory]
    [MemberData(nameof(UrlsWithALoneSurrogate), DisableDiscoveryEnumeration = true)] // xunit would turn the surrogate into U+FFFD
    public void AnUnpairedSurrogateIsReportedWithItsIndexNotAsABadUrl(string action, string field, string url)
    {
        var error = ValidationAssert.SingleError(WithUrl(action, field, url), field, "utf16", "must be well-formed UTF-16: unpaired surrogate U+D800 at index 20");
        Assert.Equal(url, error.Value);
    }

    public static TheoryData<string, string, string> UrlsWithALoneSurrogate => Cross(["https://example.com/\uD800.png"]);

    [Theory]
    [InlineData("reference_to_video")]
    [InlineData("video_edit")]
    public void ABlankItemInImageUrlsIsRequiredByItsIndex(string action) =>
        ValidationAssert.SingleError(WithUrl(action, "image_urls[1]", " "), "image_urls[1]", "required", "image_urls[1] is required");

    private static IValidatable WithUrl(string action, string field, string url) => (action, field) switch
    {
        ("generate", "callback_url") => new GenerateRequest("a horse") { CallbackUrl = url },
        ("image_to_video", "image_url") => new ImageToVideoRequest(url),
        ("image_to_video", "callback_url") => new ImageToVideoRequest(SampleRequests.ImageUrl) { CallbackUrl = url },
        ("reference_to_video", "image_urls[1]") => new ReferenceToVideoRequest("character1", [SampleRequests.ImageUrl, url]),
        ("reference_to_video", "callback_url") => new ReferenceToVideoRequest("character1", [SampleRequests.ImageUrl]) { CallbackUrl = url },
        ("video_edit", "video_url") => new VideoEditRequest("make it snow", url),
        ("video_edit", "image_urls[1]") => new VideoEditRequest("make it snow", SampleRequests.VideoUrl) { ImageUrls = [SampleRequests.ImageUrl, url] },
        ("video_edit", "callback_url") => new VideoEditRequest("make it snow", SampleRequests.VideoUrl) { CallbackUrl = url },
        _ => throw new ArgumentOutOfRangeException(nameof(field), $"{action}/{field}", null),
    };

    private static TheoryData<string, string, string> Cross(string[] urls)
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (action, field) in UrlFields)
        {
            foreach (var url in urls)
            {
                data.Add(action, field, url);
            }
        }

        return data;
    }
}
