namespace HappyHorse.Benchmarks;

/// <summary>Finds files of the repository (contracts, exported schemas) from wherever the benchmark runs.</summary>
internal static class RepoFiles
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HappyHorse.Generated.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmarks from inside the repository.");
    }
}
