using HappyHorse.Tests.Infrastructure;
using static HappyHorse.Tests.Hostile.HostileHarness;
using static HappyHorse.Tests.Hostile.Scripts;

namespace HappyHorse.Tests.Hostile;

/// <summary>
/// Bugs the hostile suite found in the runtime, now fixed: ids lost on an over-limit or BOM-prefixed
/// answer, the token quoted by HttpRequestException, and a token head left at a truncation point.
/// </summary>
public class HostileRegressionTests
{
    [Fact]
    public async Task AnOverLimitChunkedSuccessAnswerKeepsTheTaskIdReadFromItsHead()
    {
        await using var server = HostileServer.Start();
        server.On(VideosPath, Huge(200, 10_000_000, chunked: true, prefix: "{\"task_id\":\"t-long\",\"trace_id\":\"tr-long\",\"prompt\":\""));
        using var client = new HappyHorseClient(TestClients.Token, Options(server.BaseAddress));

        var error = Assert.IsAssignableFrom<HappyHorseException>((await CallAsync(client, ApiMethod.Generate)).Error);

        Assert.Equal(ApiFailureKind.ResponseTooLarge, error.Kind);
        Assert.Equal("t-long", error.Info.PartialFields.GetValueOrDefault("task_id"));
        Assert.Equal(1, server.Count(VideosPath));
    }

    [Fact]
    public async Task AnOverLimitSuccessAnswerWithContentLengthKeepsTheTaskIdReadFromItsHead()
    {
        await using var server = HostileServer.Start();
        server.On(VideosPath, Huge(200, 10_000_000, chunked: false, prefix: "{\"task_id\":\"t-long\",\"trace_id\":\"tr-long\",\"prompt\":\""));
        using var client = new HappyHorseClient(TestClients.Token, Options(server.BaseAddress));

        var error = Assert.IsAssignableFrom<HappyHorseException>((await CallAsync(client, ApiMethod.Generate)).Error);

        Assert.Equal(ApiFailureKind.ResponseTooLarge, error.Kind);
        Assert.Equal("t-long", error.Info.PartialFields.GetValueOrDefault("task_id"));
    }

    [Fact]
    public async Task ABomPrefixedSuccessAnswerKeepsItsTaskId()
    {
        await using var server = HostileServer.Start();
        server.On(VideosPath, AnswerBytes(200, [0xEF, 0xBB, 0xBF, .. """{"task_id":"t-bom","trace_id":"tr-bom"}"""u8.ToArray()]));
        using var client = new HappyHorseClient(TestClients.Token, Options(server.BaseAddress));

        var result = await CallAsync(client, ApiMethod.Generate);

        var kept = result.Error is ApiException api ? api.Info.PartialFields.GetValueOrDefault("task_id") : ((VideosResponse)result.Value!).TaskId;
        Assert.Equal("t-bom", kept);
    }

    [Theory]
    [InlineData("SSH-2.0-OpenSSH_9.6 ~E~\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nthis is not a header ~E~\r\nContent-Length: 2\r\n\r\n{}")]
    [InlineData("HTTP/1.1 200 OK\r\nBad Name ~E~: x\r\nContent-Length: 2\r\n\r\n{}")]
    public async Task TheTokenEchoedIntoAMalformedStatusOrHeaderLineIsNotInTheException(string raw)
    {
        await using var server = HostileServer.Start(echoAuthorization: true);
        server.On(VideosPath, Raw(raw));
        using var client = new HappyHorseClient(CanaryTokenTests.Canary, Options(server.BaseAddress));

        var error = Assert.IsType<HttpRequestException>((await CallAsync(client, ApiMethod.Generate)).Error);

        Assert.DoesNotContain(CanaryTokenTests.Canary, error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Texts are cut to a length first and scrubbed after, so a token that straddles the cut is no
    /// longer whole when Redaction.Scrub looks for it, and its head survives.
    /// </summary>
    [Theory]
    [InlineData("message", 1024)]
    [InlineData("raw body", 4096)]
    [InlineData("partial field", 256)]
    public async Task ATokenStraddlingATruncationPointLeavesNoPrefixBehind(string where, int cut)
    {
        const string Head = "hh-canary-9f8e7d6c"; // 18 of the canary's 22 characters
        await using var server = HostileServer.Start(echoAuthorization: true);
        var script = where switch
        {
            // "Bearer " + token: the token starts 7 characters after the padding.
            "message" => Answer(400, "{\"error\":{\"code\":\"bad_request\",\"message\":\"" + new string('a', cut - 7 - Head.Length) + "~E~\"}}"),
            "raw body" => Answer(502, new string('a', cut - 7 - Head.Length) + "~E~", "text/plain"),
            _ => CutMidBody(200, "{\"task_id\":\"" + new string('a', cut - 7 - Head.Length) + "~E~\",\"data\":[", 400),
        };
        server.On(VideosPath, script);
        using var client = new HappyHorseClient(CanaryTokenTests.Canary, Options(server.BaseAddress));

        var error = Assert.IsAssignableFrom<HappyHorseException>((await CallAsync(client, ApiMethod.Generate)).Error);

        Assert.All(Texts(error), text => Assert.DoesNotContain(Head, text, StringComparison.Ordinal));
    }
}
