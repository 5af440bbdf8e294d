using System.CommandLine;

namespace HappyHorse.Cli.Commands;

/// <summary><c>image-to-video --image-url URL [PROMPT]</c>: a video from its first frame.</summary>
internal static class ImageToVideoCommand
{
    public static Command Create(CliEnvironment env)
    {
        var prompt = new Argument<string?>("PROMPT") { Description = "What happens in the video (optional).", Arity = ArgumentArity.ZeroOrOne };
        var imageUrl = new Option<string?>("--image-url") { Description = "The first frame: an http(s) image URL.", HelpName = "URL" };
        var options = new VideoOptions(
            "image-to-video",
            KnownValuesHelp.Describe("Model id.", ImageToVideoModel.KnownValues, ImageToVideoModel.Default),
            noRatio: "the video keeps the first frame's aspect ratio; generate and reference-to-video take --ratio.",
            noDuration: null);
        var command = new Command("image-to-video", "First-frame image-to-video; the video keeps the image's aspect ratio.") { prompt, imageUrl };
        options.AddTo(command);
        command.SetAction((result, cancellationToken) =>
        {
            var s = options.Read(result);
            var request = s.ApplyShared(new ImageToVideoRequest(result.GetValue(imageUrl) ?? "")
            {
                Prompt = result.GetValue(prompt),
                Model = s.Model is { } model ? new ImageToVideoModel(model) : default(ImageToVideoModel?),
                Duration = s.Duration,
            });
            var job = new VideoJob
            {
                Command = command.Name,
                Action = ImageToVideoRequest.Action,
                Request = request,
                Estimate = () => HappyHorsePricing.Estimate(request),
                Submit = (client, token) => client.ImageToVideoAsync(request, token),
            };
            return VideoFlow.RunAsync(job, s, env, cancellationToken);
        });
        return command;
    }
}
