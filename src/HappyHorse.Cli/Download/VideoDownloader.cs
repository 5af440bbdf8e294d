using System.Net;

namespace HappyHorse.Cli.Download;

/// <summary>
/// Saves videos so that a file under its final name is always complete: the body goes to a temp
/// file in the same folder, which is moved into place only after the last byte is written.
/// </summary>
internal sealed class VideoDownloader(HttpClient http)
{
    private const int MaxRedirects = 5;

    /// <summary>Downloads a video.</summary>
    /// <param name="url">The video URL (http or https).</param>
    /// <param name="destination">The full path of the final file; an existing file is replaced.</param>
    /// <param name="cancellationToken">Stops the download; the temp file is deleted.</param>
    /// <returns>The path written.</returns>
    /// <exception cref="DownloadFailedException">The URL did not serve the video.</exception>
    public async Task<string> DownloadAsync(string url, string destination, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(destination) ?? ".";
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(destination)}.{Guid.NewGuid():N}.part");
        try
        {
            using var response = await GetAsync(url, cancellationToken).ConfigureAwait(false);
            var source = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (source.ConfigureAwait(false))
            {
                var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
                await using (file.ConfigureAwait(false))
                {
                    await source.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
                    await file.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            if (new FileInfo(temp).Length == 0)
            {
                throw new DownloadFailedException($"The video at {url} was empty.");
            }

            File.Move(temp, destination, overwrite: true);
            return destination;
        }
        catch (HttpRequestException ex)
        {
            throw new DownloadFailedException($"Could not download {url}: {ex.Message}", ex);
        }
        finally
        {
            TryDelete(temp);
        }
    }

    /// <summary>The file name of a task's video: &lt;task-id&gt;.mp4, or &lt;task-id&gt;-&lt;n&gt;.mp4 when the task has several.</summary>
    public static string FileName(string taskId, int index, int count)
    {
        var safe = string.Concat(taskId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')).Trim('.');
        if (safe.Length == 0)
        {
            safe = "video";
        }

        return count == 1 ? $"{safe}.mp4" : $"{safe}-{index + 1}.mp4";
    }

    private async Task<HttpResponseMessage> GetAsync(string url, CancellationToken cancellationToken)
    {
        var uri = ToHttpUri(url, url);
        for (var redirects = 0; ; redirects++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            var status = response.StatusCode;
            var location = response.Headers.Location;
            response.Dispose();

            // The HttpClient follows no redirects (API POSTs must not turn into GETs); a CDN may redirect a GET.
            if (IsRedirect(status) && location is not null && redirects < MaxRedirects)
            {
                uri = ToHttpUri(new Uri(uri, location).ToString(), url);
                continue;
            }

            throw new DownloadFailedException($"Could not download {url}: HTTP {(int)status} {status}.");
        }
    }

    private static Uri ToHttpUri(string value, string original) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new DownloadFailedException($"Not an http(s) video URL: {original}");

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a leftover .part file never carries the final name.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
