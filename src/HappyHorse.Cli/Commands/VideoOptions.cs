using System.CommandLine;

namespace HappyHorse.Cli.Commands;

/// <summary>The options of the video commands; --ratio and --duration only where the action has them.</summary>
internal sealed class VideoOptions
{
    public VideoOptions(string modelHelp, bool hasRatio, bool hasDuration)
    {
        Model = new("--model") { Description = modelHelp, HelpName = "ID" };
        if (hasRatio)
        {
            Ratio = new("--ratio")
            {
                Description = KnownValuesHelp.Describe<Ratio>("Aspect ratio.", HappyHorse.Ratio.KnownValues),
                HelpName = "W:H",
            };
        }

        if (hasDuration)
        {
            Duration = new("--duration") { Description = "Length in seconds (the contract says 3–15).", HelpName = "SECONDS", CustomParser = Parsers.WholeNumber };
        }
    }

    public Option<string?> Model { get; }

    public Option<string?> Resolution { get; } = new("--resolution")
    {
        Description = KnownValuesHelp.Describe<Resolution>("Output resolution; the service's default when omitted.", HappyHorse.Resolution.KnownValues),
        HelpName = "RES",
    };

    public Option<string?>? Ratio { get; }

    public Option<int?>? Duration { get; }

    public Option<int?> Seed { get; } = new("--seed") { Description = "Random seed (0–2147483647).", HelpName = "N", CustomParser = Parsers.WholeNumber };

    public Option<bool> Watermark { get; } = new("--watermark") { Description = "Add a watermark (off by default)." };

    public Option<string?> CallbackUrl { get; } = new("--callback-url")
    {
        Description = "The API POSTs the result to this URL; prints the task id and exits without waiting.",
        HelpName = "URL",
    };

    public Option<bool> NoWait { get; } = new("--no-wait") { Description = "Print the task id and exit without waiting or downloading." };

    public Option<string?> Out { get; } = new("--out")
    {
        Description = "Folder the videos are saved to as <task-id>.mp4 (default: the current folder).",
        HelpName = "DIR",
    };

    public Option<bool> Estimate { get; } = new("--estimate") { Description = "Print the estimated price and exit; sends nothing." };

    public CommonOptions Common { get; } = new();

    public void AddTo(Command command)
    {
        command.Add(Model);
        command.Add(Resolution);
        if (Ratio is not null)
        {
            command.Add(Ratio);
        }

        if (Duration is not null)
        {
            command.Add(Duration);
        }

        command.Add(Seed);
        command.Add(Watermark);
        command.Add(CallbackUrl);
        command.Add(NoWait);
        command.Add(Out);
        command.Add(Estimate);
        Common.AddTo(command);
    }

    public VideoSettings Read(ParseResult result) => new()
    {
        Model = result.GetValue(Model),
        Resolution = result.GetValue(Resolution) is { } resolution ? new Resolution(resolution) : default(Resolution?),
        Ratio = Ratio is not null && result.GetValue(Ratio) is { } ratio ? new Ratio(ratio) : default(Ratio?),
        Duration = Duration is null ? null : result.GetValue(Duration),
        Seed = result.GetValue(Seed),
        Watermark = result.GetResult(Watermark) is null ? null : result.GetValue(Watermark),
        CallbackUrl = result.GetValue(CallbackUrl),
        NoWait = result.GetValue(NoWait),
        OutDirectory = result.GetValue(Out),
        Estimate = result.GetValue(Estimate),
        Json = result.GetValue(Common.Json),
        BaseUrl = result.GetValue(Common.BaseUrl),
        Timeout = result.GetValue(Common.Timeout),
    };
}
