namespace HappyHorse.Extensions.DependencyInjection.Tests;

/// <summary>The registration lives in its own package, as Azure keeps its builder extensions out of client packages.</summary>
public class PackageLayoutTests
{
    [Fact]
    public void TheSdkDependsOnNoneOfTheDependencyInjectionPackages()
    {
        var references = typeof(HappyHorseClient).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.Extensions.Http", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.Extensions.Options", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.Extensions.Configuration", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.Extensions.DependencyInjection", StringComparison.Ordinal));
    }

    [Fact]
    public void TheRegistrationPackageHoldsOnlyTheRegistrationNotASecondCopyOfTheSdk()
    {
        var exported = typeof(HappyHorseServiceCollectionExtensions).Assembly.GetExportedTypes().Select(t => t.FullName);

        Assert.Equal(["HappyHorse.HappyHorseServiceCollectionExtensions"], exported);
    }
}
