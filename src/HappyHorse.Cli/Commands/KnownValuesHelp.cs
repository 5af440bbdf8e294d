namespace HappyHorse.Cli.Commands;

/// <summary>
/// Help text listing the values the contract knows, read from the generated KnownValues, so a
/// value added to the YAML shows up in --help without a change here.
/// </summary>
internal static class KnownValuesHelp
{
    public static string Describe<T>(string what, IEnumerable<T> known, T? defaultValue = null)
        where T : struct
    {
        var values = known.Select(v => Equals(v, defaultValue) ? $"{v} (default)" : v.ToString());
        return $"{what} Known: {string.Join(", ", values)}.";
    }
}
