using System.CommandLine;

namespace HappyHorse.Cli.Commands;

/// <summary><c>edit PROMPT --video-url URL [--image-url URL…] [--audio auto|origin]</c>: video editing.</summary>
internal static class EditCommand
{
    public static Command Create(CliEnvironment env)
    {
        var prompt = new Argument<string>("PROMPT") { Description = "The editing intent." };
        var videoUrl = new Option<string?>("--video-url") { Description = "The video to edit: an http(s) URL.", HelpName = "URL" };
        var imageUrls = new Option<string[]>("--image-url")
        {
            Description = "A reference image URL, for example for an outfit or a style; repeat for each (0–5).",
            HelpName = "URL",
        };
        var audio = new Option<string?>("--audio")
        {
            Description = KnownValuesHelp.Describe<AudioSetting>("Audio of the result; origin keeps the input's.", AudioSetting.KnownValues),
            HelpName = "SETTING",
        };
        var inputSeconds = new Option<double?>("--input-seconds")
        {
            Description = "Length of the input video in seconds, for --estimate (edits are billed on input plus output).",
            HelpName = "SECONDS",
            CustomParser = Parsers.Seconds,
        };
        var options = new VideoOptions(
            "edit",
            KnownValuesHelp.Describe("Model id.", VideoEditModel.KnownValues, VideoEditModel.Default),
            noRatio: "the edited video keeps the input video's aspect ratio.",
            noDuration: "the edited video keeps the input video's length (see --input-seconds).");
        var command = new Command("edit", "Edit a video; the result keeps the input's length and aspect ratio.") { prompt, videoUrl, imageUrls, audio, inputSeconds };
        options.AddTo(command);
        command.SetAction((result, cancellationToken) =>
        {
            var s = options.Read(result);
            var images = result.GetValue(imageUrls) ?? [];
            var request = s.ApplyShared(new VideoEditRequest(result.GetValue(prompt) ?? "", result.GetValue(videoUrl) ?? "")
            {
                ImageUrls = images.Length == 0 ? null : images,
                AudioSetting = result.GetValue(audio) is { } setting ? new AudioSetting(setting) : default(AudioSetting?),
                Model = s.Model is { } model ? new VideoEditModel(model) : default(VideoEditModel?),
            });
            var job = new VideoJob
            {
                Command = command.Name,
                Action = VideoEditRequest.Action,
                Request = request,
                Estimate = () => result.GetValue(inputSeconds) is { } seconds && seconds >= 0 && double.IsFinite(seconds)
                    ? HappyHorsePricing.Estimate(request, seconds)
                    : throw new CliInputException("edit --estimate needs --input-seconds N, the input video's length: edits are billed on input plus output duration."),
                Submit = (client, token) => client.VideoEditAsync(request, token),
            };
            return VideoFlow.RunAsync(job, s, env, cancellationToken);
        });
        return command;
    }
}
