using ContractFirst.Runtime;
using HappyHorse.Emulator.Tests.Support;
using Studio;

namespace HappyHorse.Emulator.Tests.FieldConstraints;

/// <summary>
/// A contract default is the service's business: the SDK documents it and never sends it unless the caller sets the
/// field, the exported schema states it, and the emulator applies it to a request that leaves the field out.
/// </summary>
public class DefaultsTests
{
    [Fact]
    public void TheSdkSendsOnlyWhatTheCallerSet() =>
        Assert.Equal("""{"action":"create","prompt":"a cat"}""", ContractJson.ToJsonString(new CreateRequest("a cat")));

    [Fact]
    public void AFieldSetToItsDefaultIsSent() =>
        Assert.Equal(
            """{"action":"preview","prompt":"a cat","tag":"AB12","steps":10,"duration":5,"style":"photo"}""",
            ContractJson.ToJsonString(new PreviewRequest("a cat", "AB12") { Steps = 10, Duration = 5, Style = Style.Photo }));

    [Fact]
    public void EveryFieldIsWrittenInContractOrder() =>
        Assert.Equal(
            """{"action":"create","prompt":"a horse on a beach \uD83D\uDE00","negative_prompt":""" + "\"" + string.Concat(Enumerable.Repeat(@"\uD83D\uDE00", 200)) + "\""
            + ""","aspect_ratio":"16:9","tag":"AB12","steps":100,"duration":10,"strength":0.25,"guidance":7.5,"max_bytes":4294967296,"upscale":true,"style":"sketch","callback_url":"https://hooks.example.com/studio"}""",
            ContractJson.ToJsonString(StudioRequests.FullCreate()));

    [Fact]
    public void TheExportedSchemaStatesEachDefaultAsAValueOfItsType()
    {
        var properties = StudioRequests.Schemas.GetRequestSchema("images", "create").Properties;

        Assert.Equal(
            [("aspect_ratio", "1:1"), ("steps", 30L), ("duration", 5L), ("strength", 0.5m), ("guidance", 7.5m), ("upscale", false), ("style", "photo"), ("callback_url", "https://hooks.studio.example/done")],
            properties.Where(p => p.Value.Default is not null).Select(p => (p.Key, p.Value.Default)));
        Assert.Equal(10L, StudioRequests.Schemas.GetRequestSchema("images", "preview").Properties["steps"].Default);
    }

    [Fact]
    public void TheEmulatorAppliesTheDefaultsOfTheFieldsABodyLeavesOut()
    {
        Assert.True(StudioRequests.Validator.TryValidate("""{"action":"create","prompt":"a cat","steps":50}""", out var request, out var error), error);

        Assert.Equal(
            """{"action":"create","prompt":"a cat","steps":50,"aspect_ratio":"1:1","duration":5,"strength":0.5,"guidance":7.5,"upscale":false,"style":"photo","callback_url":"https://hooks.studio.example/done"}""",
            request!.Body.ToJsonString());
    }

    [Fact]
    public void TheEmulatorAppliesTheActionsOwnDefault()
    {
        Assert.True(StudioRequests.Validator.TryValidate("""{"action":"preview","prompt":"a cat","tag":"AB12"}""", out var request, out var error), error);

        Assert.Equal(("10", "5"), (request!.Body["steps"]!.ToJsonString(), request.Body["duration"]!.ToJsonString()));
    }

    [Theory]
    [InlineData("""{"action":"create","prompt":"a cat","steps":101}""", "Invalid create request: steps must be between 1 and 100 (was 101).")]
    [InlineData("""{"action":"preview","prompt":"a cat","tag":"AB12","steps":21}""", "Invalid preview request: steps must be between 1 and 20 (was 21).")]
    [InlineData("""{"action":"create","prompt":"a cat","duration":7}""", "Invalid create request: duration must be one of 5, 10 (was 7).")]
    [InlineData("""{"action":"create","prompt":"a cat","strength":0.75}""", "Invalid create request: strength must be one of 0.25, 0.5, 1 (was 0.75).")]
    [InlineData("""{"action":"create","prompt":"a cat","aspect_ratio":"16x9"}""", """Invalid create request: aspect_ratio must match ^\d+:\d+$ (was "16x9").""")]
    [InlineData("""{"action":"preview","prompt":"a cat","tag":"abc"}""", """Invalid preview request: tag must match ^[A-Z0-9]+$ (was "abc"); tag must be exactly 4 characters (was 3).""")]
    public void TheEmulatorRefusesAValueOutsideTheRulesWithoutApplyingDefaults(string body, string message)
    {
        Assert.False(StudioRequests.Validator.TryValidate(body, out var request, out var error));

        Assert.Null(request);
        Assert.Equal(message, error);
    }

    [Fact]
    public void TheEmulatorCountsLengthsInCodePoints()
    {
        var emoji200 = string.Concat(Enumerable.Repeat("😀", 200));

        Assert.True(StudioRequests.Validator.TryValidate($$"""{"action":"create","prompt":"p","negative_prompt":"{{emoji200}}"}""", out _, out var error), error);
        Assert.False(StudioRequests.Validator.TryValidate($$"""{"action":"create","prompt":"p","negative_prompt":"{{emoji200}}😀"}""", out _, out error));
        Assert.Equal("Invalid create request: negative_prompt must be at most 200 characters (was 201).", error);
        Assert.False(StudioRequests.Validator.TryValidate("""{"action":"preview","prompt":"p","tag":"AB😀"}""", out _, out error));
        Assert.EndsWith("tag must be exactly 4 characters (was 3).", error, StringComparison.Ordinal);
    }
}
