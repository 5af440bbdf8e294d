using System.CommandLine;

namespace HappyHorse.Cli.Commands;

/// <summary>
/// The options of the video commands. --ratio and --duration exist only where the action has the field; where it has
/// not, a hidden option of that name says why instead of a bare "Unrecognized command or argument".
/// </summary>
internal sealed class VideoOptions
{
    /// <summary>Initializes the options of one video command.</summary>
    /// <param name="command">The command's name, for messages.</param>
    /// <param name="modelHelp">The --model help.</param>
    /// <param name="noRatio">Why the action has no ratio field, or <see langword="null"/> when it has one.</param>
    /// <param name="noDuration">Why the action has no duration field, or <see langword="null"/> when it has one.</param>
    public VideoOptions(string command, string modelHelp, string? noRatio, string? noDuration)
    {
        Model = new("--model") { Description = modelHelp, HelpName = "ID" };
        if (noRatio is null)
        {
            Ratio = new("--ratio")
            {
                Description = KnownValuesHelp.Describe<Ratio>("Aspect ratio.", HappyHorse.Ratio.KnownValues),
                HelpName = "W:H",
            };
        }
        else
        {
            _refused.Add(Refused("--ratio", command, noRatio));
        }

        if (noDuration is null)
        {
            Duration = new("--duration") { Description = "Length in seconds (the contract says 3–15).", HelpName = "SECONDS", CustomParser = Parsers.WholeNumber };
        }
        else
        {
            _refused.Add(Refused("--duration", command, noDuration));
        }
    }

    private readonly List<Option<string?>> _refused = [];

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
        foreach (var option in _refused)
        {
            command.Add(option);
        }
    }

    private static Option<string?> Refused(string name, string command, string why)
    {
        var option = new Option<string?>(name) { Hidden = true, Arity = ArgumentArity.ZeroOrOne };
        option.Validators.Add(result => result.AddError($"{name} does not apply to {command}: {why}"));
        return option;
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
