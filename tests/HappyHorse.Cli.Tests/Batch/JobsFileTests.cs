using HappyHorse.Cli.Batch;

namespace HappyHorse.Cli.Tests.Batch;

/// <summary>Reading jobs files: every action from JSON Lines and CSV, and bad lines reported by line number, field, rule and value.</summary>
public sealed class JobsFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("happyhorse-jobs-").FullName;

    [Fact]
    public void JsonLinesBecomeTheSdkRequestsOfEachActionAndBadLinesKeepTheirLineNumbers()
    {
        var (jobs, bad) = Read("jobs.jsonl", """
            {"action":"generate","prompt":"A horse","id":"first","duration":4,"resolution":"1080P","seed":7,"watermark":true}

            {"action":"image_to_video","image_url":"https://example.com/a.png"}
            not json at all
            {"action":"reference-to-video","prompt":"p","image_urls":["https://example.com/a.png","https://example.com/b.png"]}
            {"action":"edit","prompt":"p","video_url":"https://example.com/v.mp4","audio_setting":"origin","input_seconds":4}
            {"action":"generate","prompt":"A horse","duration":16}
            {"action":"dance","prompt":"x"}
            {"action":"generate","prompt":"x","duration":"5"}
            {"action":"generate","promt":"typo"}
            {"action":"generate","prompt":"again","id":"FIRST"}
            [1,2]
            """);

        Assert.Equal(["first", "3", "5", "6"], jobs.Select(j => j.Id));
        Assert.Equal([1, 3, 5, 6], jobs.Select(j => j.Line));
        var generate = Assert.IsType<GenerateRequest>(jobs[0].Request);
        Assert.Equal((4, "1080P", 7, true), (generate.Duration, generate.Resolution?.Value, generate.Seed, generate.Watermark));
        Assert.Equal(["https://example.com/a.png", "https://example.com/b.png"], Assert.IsType<ReferenceToVideoRequest>(jobs[2].Request).ImageUrls);
        Assert.Equal("origin", Assert.IsType<VideoEditRequest>(jobs[3].Request).AudioSetting?.Value);
        Assert.Equal(["generate", "image-to-video", "reference-to-video", "edit"], jobs.Select(j => j.Action));
        Assert.All(jobs, j => Assert.True(j.Request.Async));

        Assert.Equal([4, 7, 8, 9, 10, 11, 12], bad.Select(b => b.Line));
        Assert.Equal("json", Problem(bad, 4).Rule);
        Assert.Equal(("duration", "range", "16"), Triple(Problem(bad, 7)));
        Assert.Equal(("action", "allowed", "dance"), Triple(Problem(bad, 8)));
        Assert.Equal(("duration", "type", "\"5\""), Triple(Problem(bad, 9)));
        Assert.Equal(("promt", "unknown_field", null), Triple(Problem(bad, 10)));
        Assert.Equal(("id", "unique", "FIRST"), Triple(Problem(bad, 11)));
        Assert.Contains("not a JSON object", Problem(bad, 12).Message, StringComparison.Ordinal);
        Assert.StartsWith("line 7: duration must be between 3 and 15 (was 16)", bad.Single(b => b.Line == 7).Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void CsvRowsTakeQuotedCellsListsAsPipesOrJsonAndReportTheirFileLine()
    {
        var (jobs, bad) = Read("jobs.csv", """
            id,action,prompt,image_urls,duration,watermark
            a,reference-to-video,"A ""quoted"", prompt
            over two lines",https://e.com/1.png|https://e.com/2.png,5,true
            b,reference-to-video,p,"[""https://e.com/3.png""]",,
            c,generate,p,,abc,
            d,generate,p,,5,maybe
            e,generate,p
            f,generate,,,,
            """);

        Assert.Equal(["a", "b"], jobs.Select(j => j.Id));
        var a = Assert.IsType<ReferenceToVideoRequest>(jobs[0].Request);
        Assert.Equal("A \"quoted\", prompt\nover two lines", a.Prompt.ReplaceLineEndings("\n"));
        Assert.Equal(["https://e.com/1.png", "https://e.com/2.png"], a.ImageUrls);
        Assert.Equal((5, true), (a.Duration, a.Watermark));
        Assert.Equal(["https://e.com/3.png"], Assert.IsType<ReferenceToVideoRequest>(jobs[1].Request).ImageUrls);
        Assert.Null(Assert.IsType<ReferenceToVideoRequest>(jobs[1].Request).Duration);

        // Line numbers are the file's: row "a" spans lines 2–3.
        Assert.Equal([2, 4], jobs.Select(j => j.Line));
        Assert.Equal([5, 6, 7, 8], bad.Select(b => b.Line));
        Assert.Equal(("duration", "type", "abc"), Triple(Problem(bad, 5)));
        Assert.Equal(("watermark", "type", "maybe"), Triple(Problem(bad, 6)));
        Assert.Equal("columns", Problem(bad, 7).Rule);
        Assert.Equal(("prompt", "required"), (Problem(bad, 8).Field, Problem(bad, 8).Rule));
    }

    [Fact]
    public void AChangedRequestChangesTheHashAndTheSameRequestKeepsIt()
    {
        var (jobs, _) = Read("jobs.jsonl", """
            {"action":"generate","prompt":"A horse","id":"x"}
            {"action":"generate","prompt":"A horse","id":"y"}
            {"action":"generate","prompt":"A horse ","id":"z"}
            {"action":"generate","prompt":"A horse","id":"w","model":"happyhorse-1.1-t2v"}
            """);

        Assert.Equal(jobs[0].Hash, jobs[1].Hash);
        Assert.NotEqual(jobs[0].Hash, jobs[2].Hash);

        // The default model is what is sent, so naming it is the same request.
        Assert.Equal(jobs[0].Hash, jobs[3].Hash);
    }

    [Fact]
    public void AnUnknownFileTypeIsRefused()
    {
        var ex = Assert.Throws<CliInputException>(() => Read("jobs.txt", "{}"));
        Assert.Contains(".jsonl", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private (IReadOnlyList<BatchJob> Jobs, IReadOnlyList<BadLine> Bad) Read(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return JobsFile.Read(path, name);
    }

    private static LineProblem Problem(IReadOnlyList<BadLine> bad, int line) => Assert.Single(bad.Single(b => b.Line == line).Problems);

    private static (string, string, string?) Triple(LineProblem p) => (p.Field, p.Rule, p.Value);
}
