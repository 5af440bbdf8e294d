using System.Globalization;

namespace HappyHorse.Cli;

/// <summary>Reads and writes the durations of options such as --timeout: 90, 90s, 1.5m, 2h or 00:05:00.</summary>
internal static class Durations
{
    public static bool TryParse(string text, out TimeSpan value)
    {
        value = default;
        text = text.Trim();
        if (text.Length == 0)
        {
            return false;
        }

        var unit = char.ToLowerInvariant(text[^1]);
        var scale = unit switch
        {
            's' => 1.0,
            'm' => 60.0,
            'h' => 3600.0,
            _ => 0.0,
        };
        var number = scale == 0.0 ? text : text[..^1];
        if (scale == 0.0 && text.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value) && value > TimeSpan.Zero;
        }

        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount)
            || !double.IsFinite(amount) || amount <= 0 || amount * (scale == 0.0 ? 1.0 : scale) > TimeSpan.MaxValue.TotalSeconds / 2)
        {
            return false;
        }

        value = TimeSpan.FromSeconds(amount * (scale == 0.0 ? 1.0 : scale));
        return true;
    }

    public static string Format(TimeSpan value) => value.TotalSeconds switch
    {
        < 60 => value.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s",
        < 3600 => value.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture) + " min",
        _ => value.TotalHours.ToString("0.#", CultureInfo.InvariantCulture) + " h",
    };
}
