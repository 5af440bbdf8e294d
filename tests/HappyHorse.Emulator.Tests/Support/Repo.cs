using System.Reflection;

namespace HappyHorse.Emulator.Tests.Support;

/// <summary>Where the repository is, as the build saw it.</summary>
internal static class Repo
{
    public static string Root { get; } = typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepoRoot").Value!;

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);
}
