using ContractFirst.Siblings.Tests.Support;
using Siblings.Suno;

namespace ContractFirst.Siblings.Tests;

/// <summary>
/// The Suno contract's compiled SDK: sixteen actions sharing the endpoint's models and its default model, lengths in
/// code points, the ranges of the custom-mode sliders, start times whose default is left to the service, a list of
/// exactly two songs, and polling on the songs' states. A valid and an invalid request for each rule, and the exact JSON.
/// </summary>
public sealed class SunoTests
{
    [Fact]
    public void AGenerateRequestWithNothingSetSendsItsActionAndTheDefaultModel()
    {
        // custom and instrumental default to false at the service: they are left out.
        var request = new GenerateRequest { Prompt = "a song about snow" };

        Assert.True(request.Validate().IsValid);
        Assert.Equal("""{"action":"generate","model":"chirp-v4","prompt":"a song about snow"}""", JsonBody.Of(request.WriteJson));
    }

    [Fact]
    public void WithoutCustomModeASongNeedsAPromptAndTakesNoCustomSliders()
    {
        // custom is left out, so the service's default (false) applies, and so does the rule.
        Assert.Equal(
            ["prompt is required when custom is false", "weirdness must not be set when custom is false"],
            new GenerateRequest { Weirdness = 0.5 }.Validate().Errors.Select(e => e.Message));
        Assert.True(new GenerateRequest { Custom = true, Lyric = "[Verse] snow", Weirdness = 0.5 }.Validate().IsValid);
    }

    [Fact]
    public void ACustomSongIsWrittenInContractOrder()
    {
        var request = new GenerateRequest
        {
            Model = AudiosModel.ChirpV4_5,
            Custom = true,
            Lyric = "[Verse]\nSnow on the roof",
            Title = "Snow",
            Style = "pop, female vocals",
            VocalGender = VocalGender.Female,
            Weirdness = 0.4,
            StyleInfluence = 0.6,
            CallbackUrl = "https://hooks.example.com/suno",
        };

        Assert.True(request.Validate().IsValid);
        Assert.Equal(
            """{"action":"generate","model":"chirp-v4-5","lyric":"[Verse]\nSnow on the roof","custom":true,"title":"Snow","style":"pop, female vocals","vocal_gender":"f","weirdness":0.4,"style_influence":0.6,"callback_url":"https://hooks.example.com/suno"}""",
            JsonBody.Of(request.WriteJson));
    }

    [Fact]
    public void OperationsOnASongSendTheirRequiredFields()
    {
        Assert.Equal(
            """{"action":"extend","model":"chirp-v4","audio_id":"s-1","continue_at":213.5}""",
            JsonBody.Of(new ExtendRequest("s-1", 213.5).WriteJson));
        Assert.Equal(
            """{"action":"artist_consistency","model":"chirp-v4","audio_id":"s-1","persona_id":"p-1"}""",
            JsonBody.Of(new ArtistConsistencyRequest("s-1", "p-1").WriteJson));
        Assert.Equal(
            """{"action":"mashup","model":"chirp-v4","mashup_audio_ids":["s-1","s-2"]}""",
            JsonBody.Of(new MashupRequest(["s-1", "s-2"]).WriteJson));
        Assert.Equal(
            """{"action":"remaster","model":"chirp-v5","audio_id":"s-1","variation_category":"subtle"}""",
            JsonBody.Of(new RemasterRequest("s-1") { Model = AudiosModel.ChirpV5, VariationCategory = VariationCategory.Subtle }.WriteJson));
    }

    [Fact]
    public void AStartTimeIsLeftOutUnlessSetAndSentWhenSetToItsDefault()
    {
        Assert.Equal(
            """{"action":"underpainting","model":"chirp-v4","audio_id":"s-1","underpainting_end":120}""",
            JsonBody.Of(new UnderpaintingRequest("s-1") { UnderpaintingEnd = 120 }.WriteJson));
        Assert.Equal(
            """{"action":"overpainting","model":"chirp-v4","audio_id":"s-1","overpainting_start":0}""",
            JsonBody.Of(new OverpaintingRequest("s-1") { OverpaintingStart = 0 }.WriteJson));
    }

    [Fact]
    public void EveryActionTakesEveryModelOfTheEndpoint()
    {
        foreach (var model in AudiosModel.KnownValues)
        {
            Assert.True(new StemsRequest("s-1") { Model = model }.Validate().IsValid, model.Value);
            Assert.True(new GenerateRequest { Model = model, Prompt = "snow" }.Validate().IsValid, model.Value);
        }

        Assert.Equal(
            ("model", "allowed", "model must be one of chirp-v5, chirp-v4-5-plus, chirp-v4-5, chirp-v4, chirp-v3-5, chirp-v3-0 (was \"chirp-v6\")"),
            JsonBody.Single(new ConcatRequest("s-1") { Model = new AudiosModel("chirp-v6") }.Validate()));
    }

    [Fact]
    public void APromptOf200CharactersIsValidAnd201IsNot()
    {
        Assert.True(new GenerateRequest { Prompt = string.Concat(Enumerable.Repeat("🎵", 200)) }.Validate().IsValid);
        Assert.Equal(
            ("prompt", "length", "prompt must be at most 200 characters (was 201)"),
            JsonBody.Single(new CoverRequest("s-1") { Prompt = new string('p', 201) }.Validate()));
    }

    [Fact]
    public void LyricAndStyleHaveTheLargestLimitAnyModelTakes()
    {
        Assert.True(new GenerateRequest { Custom = true, Lyric = new string('l', 5000), Style = new string('s', 1000) }.Validate().IsValid);
        Assert.Equal(
            ["lyric must be at most 5000 characters (was 5001)", "style must be at most 1000 characters (was 1001)"],
            new MashupRequest(["s-1", "s-2"]) { Lyric = new string('l', 5001), Style = new string('s', 1001) }.Validate().Errors.Select(e => e.Message));
    }

    [Fact]
    public void TheSlidersAreFromZeroToOne()
    {
        Assert.True(new UploadCoverRequest("s-1") { Weirdness = 0, StyleInfluence = 1, AudioWeight = 0.5 }.Validate().IsValid);
        Assert.Equal(
            [
                "weirdness must be between 0 and 1 (was -0.1)",
                "style_influence must be between 0 and 1 (was 1.5)",
                "audio_weight must be between 0 and 1 (was 2)",
            ],
            new UploadCoverRequest("s-1") { Weirdness = -0.1, StyleInfluence = 1.5, AudioWeight = 2 }.Validate().Errors.Select(e => e.Message));
    }

    [Fact]
    public void TimesAreNotNegative()
    {
        Assert.True(new ReplaceSectionRequest("s-1") { ReplaceSectionStart = 28.9, ReplaceSectionEnd = 85.4 }.Validate().IsValid);
        Assert.Equal(
            ("continue_at", "range", "continue_at must be at least 0 (was -1)"),
            JsonBody.Single(new UploadExtendRequest("s-1", -1).Validate()));
        Assert.Equal(
            ("samples_end", "range", "samples_end must be at least 0 (was -5)"),
            JsonBody.Single(new SamplesRequest("s-1") { SamplesEnd = -5 }.Validate()));
    }

    [Fact]
    public void AMashupTakesExactlyTwoSongs()
    {
        Assert.Equal(
            ("mashup_audio_ids", "items", "mashup_audio_ids must have exactly 2 items (had 1)"),
            JsonBody.Single(new MashupRequest(["s-1"]).Validate()));
        Assert.Equal(
            ("mashup_audio_ids", "items", "mashup_audio_ids must have exactly 2 items (had 3)"),
            JsonBody.Single(new MashupRequest(["s-1", "s-2", "s-3"]).Validate()));
    }

    [Fact]
    public void EnumsOutsideTheirValuesAreRefused() =>
        Assert.Equal(
            ["vocal_gender must be one of m, f (was \"x\")"],
            new ArtistConsistencyVoxRequest("s-1", "p-1") { VocalGender = new VocalGender("x") }.Validate().Errors.Select(e => e.Message));

    [Fact]
    public void TheSongToWorkOnIsRequired() =>
        Assert.Equal(
            ["audio_id is required", "persona_id is required"],
            new ArtistConsistencyRequest("", " ").Validate().Errors.Select(e => e.Message));

    [Fact]
    public void ATaskSucceedsWhenEverySongHasAndFailsWhenOneFails()
    {
        var succeeded = TaskRecord.FromJson(
            """{"id":"t-1","response":{"success":true,"data":[{"id":"a","state":"succeeded"},{"id":"b","state":"succeeded"}]}}""");
        var oneFailed = TaskRecord.FromJson(
            """{"id":"t-2","response":{"success":true,"data":[{"id":"a","state":"succeeded"},{"id":"b","state":"error"}]}}""");
        var running = TaskRecord.FromJson(
            """{"id":"t-3","response":{"success":true,"data":[{"id":"a","state":"succeeded"},{"id":"b","state":"running"}]}}""");

        Assert.True(succeeded is { IsFinished: true, HasSucceeded: true });
        Assert.True(oneFailed is { IsFinished: true, HasFailed: true });
        Assert.Equal("response.data[].state has any item error", oneFailed.FailureReason);
        Assert.False(running.IsFinished);
    }
}
