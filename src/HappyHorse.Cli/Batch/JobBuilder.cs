using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ContractFirst.Runtime;

namespace HappyHorse.Cli.Batch;

/// <summary>
/// Turns the fields of one jobs-file line into the SDK's request for its action, validated by the generated
/// validator. Field names are the contract's JSON names; an unknown field is refused, so a typo is not silently
/// dropped from a paid request.
/// </summary>
internal static class JobBuilder
{
    /// <summary>The actions a line may name: the CLI command names, and the contract's action names as aliases.</summary>
    public static readonly IReadOnlyDictionary<string, string> Actions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["generate"] = "generate",
        ["image-to-video"] = "image-to-video",
        [ImageToVideoRequest.Action] = "image-to-video",
        ["reference-to-video"] = "reference-to-video",
        [ReferenceToVideoRequest.Action] = "reference-to-video",
        ["edit"] = "edit",
        [VideoEditRequest.Action] = "edit",
    };

    /// <summary>Read by the batch itself, never sent: the job key, the action, and an edit's input length for --estimate.</summary>
    private const string IdField = "id";
    private const string ActionField = "action";
    private const string InputSecondsField = "input_seconds";

    private static readonly string[] Shared = ["resolution", "seed", "watermark"];

    private static readonly Dictionary<string, string[]> FieldsOf = new(StringComparer.Ordinal)
    {
        ["generate"] = ["prompt", "model", "ratio", "duration", .. Shared],
        ["image-to-video"] = ["image_url", "prompt", "model", "duration", .. Shared],
        ["reference-to-video"] = ["prompt", "image_urls", "model", "ratio", "duration", .. Shared],
        ["edit"] = ["prompt", "video_url", "image_urls", "audio_setting", "model", InputSecondsField, .. Shared],
    };

    /// <summary>Builds the job of one line.</summary>
    /// <param name="line">The 1-based line number.</param>
    /// <param name="fields">The line's fields.</param>
    /// <returns>The job, or the line's problems.</returns>
    public static (BatchJob? Job, BadLine? Bad) Build(int line, IJobFields fields)
    {
        string? id = null;
        try
        {
            id = ReadId(line, fields);
            var actionText = fields.GetString(ActionField)
                ?? throw new JobFieldException(ActionField, "required", null, $"action is required: one of {string.Join(", ", FieldsOf.Keys)}");
            if (!Actions.TryGetValue(actionText, out var action))
            {
                throw new JobFieldException(ActionField, "allowed", actionText, $"action must be one of {string.Join(", ", FieldsOf.Keys)} (was \"{actionText}\")");
            }

            var problems = fields.Names
                .Where(n => n != IdField && n != ActionField && !FieldsOf[action].Contains(n, StringComparer.Ordinal))
                .Select(n => new LineProblem(n, "unknown_field", null, n is "callback_url" or "async"
                    ? $"{n} is not used in a batch: the batch waits for every task itself"
                    : $"{n} is not a field of {action} (fields: {string.Join(", ", FieldsOf[action])})"))
                .ToList();
            if (problems.Count > 0)
            {
                return (null, new BadLine(line, id, problems));
            }

            var (request, estimate, submit) = Create(action, fields);
            request.Async = true;
            var validation = request.Validate();
            if (!validation.IsValid)
            {
                return (null, new BadLine(line, id, validation.Errors.Select(e => new LineProblem(e.Field, e.Rule, e.Value, e.Message)).ToArray()));
            }

            PriceEstimate? price;
            try
            {
                price = estimate();
            }
            catch (ArgumentOutOfRangeException)
            {
                // A value the contract's rates don't list (a new resolution): the job runs, unpriced.
                price = null;
            }

            var body = ContractJson.ToUtf8Bytes(request);
            using var doc = JsonDocument.Parse(body);
            return (new BatchJob
            {
                Line = line,
                Id = id,
                Action = action,
                Model = doc.RootElement.TryGetProperty("model", out var model) ? model.GetString() ?? "" : "",
                Request = request,
                Hash = Convert.ToHexStringLower(SHA256.HashData([.. Encoding.UTF8.GetBytes(action + "\n"), .. body])),
                Estimate = price,
                Submit = submit,
            }, null);
        }
        catch (JobFieldException ex)
        {
            return (null, new BadLine(line, id, [new LineProblem(ex.Field, ex.Rule, ex.Value, ex.Message)]));
        }
    }

    private static string ReadId(int line, IJobFields fields)
    {
        string? id;
        try
        {
            id = fields.GetString(IdField);
        }
        catch (JobFieldException)
        {
            // JSON Lines may give the id as a number.
            id = fields.GetInt(IdField)?.ToString(CultureInfo.InvariantCulture);
        }

        id ??= line.ToString(CultureInfo.InvariantCulture);
        return id.Length is > 0 and <= 100 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') && id.Trim('.').Length > 0
            ? id
            : throw new JobFieldException(IdField, "pattern", id, $"id must be 1 to 100 letters, digits, '-', '_' or '.' (it names the output files) (was \"{id}\")");
    }

    private static (IVideosRequest, Func<PriceEstimate?>, Func<HappyHorseClient, CancellationToken, Task<VideosResponse>>) Create(string action, IJobFields f)
    {
        switch (action)
        {
            case "generate":
            {
                var r = ApplyShared(f, new GenerateRequest(f.GetString("prompt") ?? "")
                {
                    Model = f.GetString("model") is { } m ? new GenerateModel(m) : default(GenerateModel?),
                    Ratio = f.GetString("ratio") is { } ratio ? new Ratio(ratio) : default(Ratio?),
                    Duration = f.GetInt("duration"),
                });
                return (r, () => HappyHorsePricing.Estimate(r), (c, t) => c.GenerateAsync(r, t));
            }

            case "image-to-video":
            {
                var r = ApplyShared(f, new ImageToVideoRequest(f.GetString("image_url") ?? "")
                {
                    Prompt = f.GetString("prompt"),
                    Model = f.GetString("model") is { } m ? new ImageToVideoModel(m) : default(ImageToVideoModel?),
                    Duration = f.GetInt("duration"),
                });
                return (r, () => HappyHorsePricing.Estimate(r), (c, t) => c.ImageToVideoAsync(r, t));
            }

            case "reference-to-video":
            {
                var r = ApplyShared(f, new ReferenceToVideoRequest(f.GetString("prompt") ?? "", f.GetStringList("image_urls") ?? [])
                {
                    Model = f.GetString("model") is { } m ? new ReferenceToVideoModel(m) : default(ReferenceToVideoModel?),
                    Ratio = f.GetString("ratio") is { } ratio ? new Ratio(ratio) : default(Ratio?),
                    Duration = f.GetInt("duration"),
                });
                return (r, () => HappyHorsePricing.Estimate(r), (c, t) => c.ReferenceToVideoAsync(r, t));
            }

            default:
            {
                var inputSeconds = f.GetNumber(InputSecondsField);
                if (inputSeconds is < 0)
                {
                    throw new JobFieldException(InputSecondsField, "range", inputSeconds.Value.ToString(CultureInfo.InvariantCulture), "input_seconds must not be negative");
                }

                var r = ApplyShared(f, new VideoEditRequest(f.GetString("prompt") ?? "", f.GetString("video_url") ?? "")
                {
                    ImageUrls = f.GetStringList("image_urls")?.ToList(),
                    AudioSetting = f.GetString("audio_setting") is { } a ? new AudioSetting(a) : default(AudioSetting?),
                    Model = f.GetString("model") is { } m ? new VideoEditModel(m) : default(VideoEditModel?),
                });
                return (r, () => inputSeconds is { } s ? HappyHorsePricing.Estimate(r, s) : null, (c, t) => c.VideoEditAsync(r, t));
            }
        }
    }

    private static T ApplyShared<T>(IJobFields f, T request)
        where T : IVideosRequest
    {
        request.Resolution = f.GetString("resolution") is { } res ? new Resolution(res) : default(Resolution?);
        request.Seed = f.GetInt("seed");
        request.Watermark = f.GetBool("watermark");
        return request;
    }
}
