namespace HappyHorse.Benchmarks;

internal static class Samples
{
    public static readonly string[] ImageUrls =
    [
        "https://cdn.acedata.cloud/b1c82e4937.png",
        "https://cdn.acedata.cloud/eb75d88a3f.png",
    ];

    public const string Prompt = "character1 walks forward through a sunrise meadow with the warm leather and gold trim style from character2";

    public static ReferenceToVideoRequest Request() => new(Prompt, ImageUrls)
    {
        Ratio = Ratio.Landscape16x9,
        Duration = 5,
        Resolution = Resolution.P720,
        Seed = 42,
        CallbackUrl = "https://example.com/callback/happyhorse",
    };

    public static ReferenceToVideoDto Dto() => new()
    {
        Prompt = Prompt,
        ImageUrls = [.. ImageUrls],
        Ratio = "16:9",
        Duration = 5,
        Resolution = "720P",
        Seed = 42,
        CallbackUrl = "https://example.com/callback/happyhorse",
    };

    /// <summary>The documented success answer of POST /happyhorse/videos.</summary>
    public static readonly byte[] VideosResponse = """
        {
          "success": true,
          "task_id": "27837f92-d1c1-4db4-ad9a-4e6e81d9f6c1",
          "trace_id": "6071ab5e-2f37-46f0-9e07-f1e378112e69",
          "data": [
            {
              "id": "9650580f-6d9e-4bc1-823a-29011790c5cb",
              "video_url": "https://platform2.cdn.acedata.cloud/happyhorse/27837f92-d1c1-4db4-ad9a-4e6e81d9f6c1.mp4",
              "state": "succeeded",
              "duration": 5,
              "resolution": "720P",
              "ratio": null
            }
          ]
        }
        """u8.ToArray();

    /// <summary>A finished task as POST /happyhorse/tasks answers it: the request it ran and its answer.</summary>
    public static readonly byte[] TaskRecord = """
        {
          "id": "27837f92-d1c1-4db4-ad9a-4e6e81d9f6c1",
          "type": "videos",
          "trace_id": "6071ab5e-2f37-46f0-9e07-f1e378112e69",
          "request": {
            "action": "reference_to_video",
            "model": "happyhorse-1.1-r2v",
            "prompt": "character1 walks forward through a sunrise meadow with the warm leather and gold trim style from character2",
            "image_urls": ["https://cdn.acedata.cloud/b1c82e4937.png", "https://cdn.acedata.cloud/eb75d88a3f.png"],
            "resolution": "720P",
            "ratio": "16:9",
            "duration": 5,
            "seed": 42,
            "callback_url": "https://example.com/callback/happyhorse"
          },
          "response": {
            "success": true,
            "task_id": "27837f92-d1c1-4db4-ad9a-4e6e81d9f6c1",
            "trace_id": "6071ab5e-2f37-46f0-9e07-f1e378112e69",
            "data": [
              {
                "id": "9650580f-6d9e-4bc1-823a-29011790c5cb",
                "video_url": "https://platform2.cdn.acedata.cloud/happyhorse/27837f92-d1c1-4db4-ad9a-4e6e81d9f6c1.mp4",
                "state": "succeeded",
                "duration": 5,
                "resolution": "720P",
                "ratio": "16:9"
              }
            ]
          },
          "created_at": 1764204000.123,
          "started_at": 1764204001.5,
          "finished_at": 1764204042.25,
          "elapsed": 42.127
        }
        """u8.ToArray();
}
