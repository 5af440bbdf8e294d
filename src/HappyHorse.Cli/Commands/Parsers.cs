using System.CommandLine.Parsing;
using System.Globalization;

namespace HappyHorse.Cli.Commands;

/// <summary>
/// Option parsers with messages that name the option (rather than a .NET type). Ranges are checked here, while
/// parsing, rather than in a command validator: a validator that reads an option whose value failed to parse throws.
/// </summary>
internal static class Parsers
{
    /// <summary>A whole number; range checks are left to the contract's validator.</summary>
    public static int? WholeNumber(ArgumentResult result) => WholeNumberIn(int.MinValue, int.MaxValue)(result);

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Func<ArgumentResult, int?> WholeNumberIn(int min, int max) => result =>
    {
        var text = Token(result);
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        result.AddError(string.Create(CultureInfo.InvariantCulture, $"{OptionName(result)} must be a whole number from {min} to {max} (was \"{text}\")."));
        return null;
    };

    /// <summary>A non-negative number of seconds.</summary>
    public static double? Seconds(ArgumentResult result)
    {
        var text = Token(result);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value >= 0)
        {
            return value;
        }

        result.AddError($"{OptionName(result)} must be a number of seconds, 0 or more (was \"{text}\").");
        return null;
    }

    /// <summary>A number of seconds from 0 to <paramref name="max"/>.</summary>
    public static Func<ArgumentResult, TimeSpan?> SecondsUpTo(int max) => result =>
    {
        var text = Token(result);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0 && value <= max)
        {
            return TimeSpan.FromSeconds(value);
        }

        result.AddError(string.Create(CultureInfo.InvariantCulture, $"{OptionName(result)} must be a number of seconds from 0 to {max} (was \"{text}\")."));
        return null;
    };

    /// <summary>An amount of money, 0 or more, with a dot for decimals.</summary>
    public static decimal? Amount(ArgumentResult result)
    {
        var text = Token(result);
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        result.AddError($"{OptionName(result)} must be an amount, 0 or more, such as 10 or 2.50 (was \"{text}\").");
        return null;
    }

    /// <summary>A secret or token as sent in a header: non-empty, no whitespace or control characters.</summary>
    public static string? Secret(ArgumentResult result)
    {
        var text = Token(result);
        if (text.Length > 0 && !text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return text;
        }

        // The value itself is not quoted: it is a secret.
        result.AddError($"{OptionName(result)} must be non-empty, without spaces or control characters.");
        return null;
    }

    private static string Token(ArgumentResult result) => result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;

    private static string OptionName(ArgumentResult result) =>
        result.Parent is OptionResult option ? option.Option.Name : result.Argument.Name;
}
