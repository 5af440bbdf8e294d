using System.Globalization;
using System.Text.Json;
using nietras.SeparatedValues;

namespace HappyHorse.Cli.Batch;

/// <summary>
/// Reads a jobs file: JSON Lines (<c>.jsonl</c>, <c>.ndjson</c>: one object a line, blank lines skipped) or CSV
/// (<c>.csv</c>: a header row of field names, then one job a row). Every line becomes a job or a bad line with
/// its line number; one bad line never stops the others.
/// </summary>
internal static class JobsFile
{
    /// <summary>Reads and checks every line.</summary>
    /// <param name="path">The full path.</param>
    /// <param name="shownAs">The path as the user gave it, for messages.</param>
    /// <returns>The valid jobs and the bad lines, each in file order.</returns>
    /// <exception cref="CliInputException">The file can't be read, or its type is not known.</exception>
    public static (IReadOnlyList<BatchJob> Jobs, IReadOnlyList<BadLine> BadLines) Read(string path, string shownAs)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliInputException($"can't read the jobs file {shownAs}: {ex.Message}");
        }

        var extension = Path.GetExtension(path).ToLowerInvariant();
        var lines = extension switch
        {
            ".jsonl" or ".ndjson" => JsonLines(text),
            ".csv" => CsvRows(text),
            _ => throw new CliInputException($"the jobs file {shownAs} must end in .jsonl, .ndjson (JSON Lines) or .csv"),
        };

        var jobs = new List<BatchJob>();
        var bad = new List<BadLine>();
        var ids = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (line, fields, problem) in lines)
        {
            if (problem is not null)
            {
                bad.Add(new BadLine(line, null, [problem]));
                continue;
            }

            var (job, badLine) = JobBuilder.Build(line, fields!);
            if (badLine is not null)
            {
                bad.Add(badLine);
            }
            else if (ids.TryGetValue(job!.Id, out var first))
            {
                // Ids key the state file and name the output files (which ignore case on some systems).
                bad.Add(new BadLine(line, job.Id, [new LineProblem("id", "unique", job.Id, $"id \"{job.Id}\" is already used on line {first}")]));
            }
            else
            {
                ids[job.Id] = line;
                jobs.Add(job);
            }
        }

        return (jobs, bad);
    }

    private static IEnumerable<(int Line, IJobFields? Fields, LineProblem? Problem)> JsonLines(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            JsonElement root;
            string? error = null;
            try
            {
                using var doc = JsonDocument.Parse(line);
                root = doc.RootElement.Clone();
                if (root.ValueKind != JsonValueKind.Object)
                {
                    error = $"not a JSON object (was {root.ValueKind.ToString().ToLowerInvariant()})";
                }
            }
            catch (JsonException ex)
            {
                root = default;
                error = $"not valid JSON: {ex.Message}";
            }

            yield return error is null
                ? (i + 1, new JsonJobFields(root), null)
                : (i + 1, null, new LineProblem("", "json", null, error));
        }
    }

    private static List<(int Line, IJobFields? Fields, LineProblem? Problem)> CsvRows(string text)
    {
        var rows = new List<(int, IJobFields?, LineProblem?)>();

        // Comma only (Sep would guess the separator from the header); quotes unescaped as RFC 4180 says.
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true }).FromText(text);
        var names = reader.Header.ColNames.Select(n => n.Trim()).ToArray();
        foreach (var row in reader)
        {
            var line = row.LineNumberFrom;
            if (row.ColCount == 1 && row[0].Span.IsWhiteSpace())
            {
                continue;
            }

            if (row.ColCount != names.Length)
            {
                rows.Add((line, null, new LineProblem("", "columns", null,
                    string.Create(CultureInfo.InvariantCulture, $"has {row.ColCount} cells, the header has {names.Length}"))));
                continue;
            }

            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var c = 0; c < names.Length; c++)
            {
                cells[names[c]] = row[c].ToString();
            }

            rows.Add((line, new CsvJobFields(cells), null));
        }

        return rows;
    }
}
