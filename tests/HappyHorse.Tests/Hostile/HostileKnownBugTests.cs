using HappyHorse.Tests.Infrastructure;
using static HappyHorse.Tests.Hostile.HostileHarness;
using static HappyHorse.Tests.Hostile.Scripts;

namespace HappyHorse.Tests.Hostile;

/// <summary>
/// Real bugs the hostile suite found in src/ (not fixed here): each test states the correct
/// behaviour and is skipped with a precise description until the runtime is fixed.
/// </summary>
public class HostileKnownBugTests
{
    [Fact(Skip = "BUG: a chunked 200 over MaxResponseBytes is read up to the limit, but ApiTransport.Failure keeps PartialFields only for UnreadableResponse, so the ResponseTooLarge exception drops the task_id that was read: the paid task is lost")]
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

    [Fact(Skip = "BUG: a 200 whose Content-Length is over MaxResponseBytes is not read at all (ResponseBody.ReadAsync skipWhenDeclaredLarger), so its task_id, in the first bytes, is lost although reading the head up to the limit would cost no more memory")]
    public async Task AnOverLimitSuccessAnswerWithContentLengthKeepsTheTaskIdReadFromItsHead()
    {
        await using var server = HostileServer.Start();
        server.On(VideosPath, Huge(200, 10_000_000, chunked: false, prefix: "{\"task_id\":\"t-long\",\"trace_id\":\"tr-long\",\"prompt\":\""));
        using var client = new HappyHorseClient(TestClients.Token, Options(server.BaseAddress));

        var error = Assert.IsAssignableFrom<HappyHorseException>((await CallAsync(client, ApiMethod.Generate)).Error);

        Assert.Equal(ApiFailureKind.ResponseTooLarge, error.Kind);
        Assert.Equal("t-long", error.Info.PartialFields.GetValueOrDefault("task_id"));
    }

    [Fact(Skip = "BUG: a 200 whose JSON starts with a UTF-8 BOM (EF BB BF) fails as UnreadableResponse with empty PartialFields: neither ContractJson.Parse nor JsonScan.TopLevelScalars skips the BOM, so the task_id of a task that started is lost")]
    public async Task ABomPrefixedSuccessAnswerKeepsItsTaskId()
    {
        await using var server = HostileServer.Start();
        server.On(VideosPath, AnswerBytes(200, [0xEF, 0xBB, 0xBF, .. """{"task_id":"t-bom","trace_id":"tr-bom"}"""u8.ToArray()]));
        using var client = new HappyHorseClient(TestClients.Token, Options(server.BaseAddress));

        var result = await CallAsync(client, ApiMethod.Generate);

        var kept = result.Error is ApiException api ? api.Info.PartialFields.GetValueOrDefault("task_id") : ((VideosResponse)result.Value!).TaskId;
        Assert.Equal("t-bom", kept);
    }

    [Theory(Skip = "BUG: SocketsHttpHandler's HttpRequestException quotes a malformed status line or header line verbatim ('Received an invalid header name: ...'); ApiTransport rethrows it unscrubbed, so a server or proxy echoing the Authorization header puts the token into the exception message and ToString")]
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
    [Theory(Skip = "BUG: ErrorBodyFormat.Parse, ApiTransport.Failure and JsonScan cut server text (message at 1024 chars, raw body at 4096 bytes, partial fields at 256) BEFORE Redaction.Scrub, so an echoed token straddling the cut leaves its first 18 of 22 characters in ErrorMessage / RawBody / PartialFields, Message and ToString")]
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
