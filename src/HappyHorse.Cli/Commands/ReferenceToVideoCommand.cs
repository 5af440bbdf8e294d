using System.CommandLine;

namespace HappyHorse.Cli.Commands;

/// <summary><c>reference-to-video PROMPT --image-url URL…</c>: a video from 1–9 reference images.</summary>
internal static class ReferenceToVideoCommand
{
    public static Command Create(CliEnvironment env)
    {
        var prompt = new Argument<string>("PROMPT") { Description = "What the video shows; call the images character1, character2, … in order." };
        var imageUrls = new Option<string[]>("--image-url")
        {
            Description = "A reference image URL; repeat for each image (1–9).",
            HelpName = "URL",
        };
        var options = new VideoOptions(
            "reference-to-video",
            KnownValuesHelp.Describe("Model id.", ReferenceToVideoModel.KnownValues, ReferenceToVideoModel.Default),
            noRatio: null,
            noDuration: null);
        var command = new Command("reference-to-video", "Reference image-to-video: a video featuring the people or things in 1–9 images.") { prompt, imageUrls };
        options.AddTo(command);
        command.SetAction((result, cancellationToken) =>
        {
            var s = options.Read(result);
            var request = s.ApplyShared(new ReferenceToVideoRequest(result.GetValue(prompt) ?? "", result.GetValue(imageUrls) ?? [])
            {
                Model = s.Model is { } model ? new ReferenceToVideoModel(model) : default(ReferenceToVideoModel?),
                Ratio = s.Ratio,
                Duration = s.Duration,
            });
            var job = new VideoJob
            {
                Command = command.Name,
                Action = ReferenceToVideoRequest.Action,
                Request = request,
                Estimate = () => HappyHorsePricing.Estimate(request),
                Submit = (client, token) => client.ReferenceToVideoAsync(request, token),
            };
            return VideoFlow.RunAsync(job, s, env, cancellationToken);
        });
        return command;
    }
}
