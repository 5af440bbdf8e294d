using System.CommandLine;

namespace HappyHorse.Cli.Commands;

/// <summary><c>generate PROMPT</c>: text-to-video.</summary>
internal static class GenerateCommand
{
    public static Command Create(CliEnvironment env)
    {
        var prompt = new Argument<string>("PROMPT") { Description = "What the video shows." };
        var options = new VideoOptions(
            "generate",
            KnownValuesHelp.Describe("Model id.", GenerateModel.KnownValues, GenerateModel.Default),
            noRatio: null,
            noDuration: null);
        var command = new Command("generate", "Text-to-video: make a video from a prompt.") { prompt };
        options.AddTo(command);
        command.SetAction((result, cancellationToken) =>
        {
            var s = options.Read(result);
            var request = s.ApplyShared(new GenerateRequest(result.GetValue(prompt) ?? "")
            {
                Model = s.Model is { } model ? new GenerateModel(model) : default(GenerateModel?),
                Ratio = s.Ratio,
                Duration = s.Duration,
            });
            var job = new VideoJob
            {
                Command = command.Name,
                Action = GenerateRequest.Action,
                Request = request,
                Estimate = () => HappyHorsePricing.Estimate(request),
                Submit = (client, token) => client.GenerateAsync(request, token),
            };
            return VideoFlow.RunAsync(job, s, env, cancellationToken);
        });
        return command;
    }
}
