using System.CommandLine.Parsing;
using System.Globalization;

namespace HappyHorse.Cli.Commands;

/// <summary>Option parsers with messages that name the option (rather than a .NET type).</summary>
internal static class Parsers
{
    /// <summary>A whole number; range checks are left to the contract's validator.</summary>
    public static int? WholeNumber(ArgumentResult result)
    {
        var text = Token(result);
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        result.AddError($"{OptionName(result)} must be a whole number from -2147483648 to 2147483647 (was \"{text}\").");
        return null;
    }

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

    private static string Token(ArgumentResult result) => result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;

    private static string OptionName(ArgumentResult result) =>
        result.Parent is OptionResult option ? option.Option.Name : result.Argument.Name;
}
