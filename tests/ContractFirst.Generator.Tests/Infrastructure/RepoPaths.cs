namespace ContractFirst.Generator.Tests.Infrastructure;

/// <summary>
/// Files of the source tree the tests read. They are read in place, not copied to bin/, so that
/// UPDATE_SNAPSHOTS=1 rewrites the snapshots under version control.
/// </summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    /// <summary>The repository root: the first folder above the test binaries holding HappyHorse.Generated.sln.</summary>
    public static string Root => s_root.Value;

    public static string TestProject => Path.Combine(Root, "tests", "ContractFirst.Generator.Tests");

    public static string Contracts => Path.Combine(TestProject, "Contracts");

    public static string Snapshots => Path.Combine(TestProject, "Snapshots");

    public static string HappyHorseSpec => Path.Combine(Root, "spec", "happyhorse.yaml");

    public static string SpecReadme => Path.Combine(Root, "spec", "README.md");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HappyHorse.Generated.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("HappyHorse.Generated.sln not found above " + AppContext.BaseDirectory);
    }
}
