using System.Xml.Linq;
using HappyHorse;

namespace HappyHorse.Tests.Client;

/// <summary>
/// What a user catches is findable: the SDK's own exceptions are in its namespace and named after the API (none
/// shadows a .NET type such as System.Security.Authentication.AuthenticationException), and every exception the
/// client documents is the SDK's, .NET's, or named in the package README.
/// </summary>
public class ExceptionNamesTests
{
    private static readonly Type[] s_sdkTypes = typeof(HappyHorseClient).Assembly.GetExportedTypes();

    [Fact]
    public void EverySdkExceptionIsInTheSdkNamespaceAndNamedAfterTheApi()
    {
        var exceptions = s_sdkTypes.Where(t => typeof(Exception).IsAssignableFrom(t)).ToList();

        Assert.Contains(typeof(HappyHorseAuthenticationException), exceptions);
        Assert.Contains(typeof(HappyHorseTaskFailedException), exceptions);
        Assert.All(exceptions, t =>
        {
            Assert.Equal("HappyHorse", t.Namespace);
            Assert.StartsWith("HappyHorse", t.Name, StringComparison.Ordinal);
            Assert.EndsWith("Exception", t.Name, StringComparison.Ordinal);
            Assert.True(typeof(HappyHorseException).IsAssignableFrom(t), t.Name);
        });
    }

    [Fact]
    public void EveryExceptionTheClientDocumentsIsTheSdksDotNetsOrInTheReadme()
    {
        var docs = XDocument.Load(Path.ChangeExtension(typeof(HappyHorseClient).Assembly.Location, ".xml"));
        var readme = File.ReadAllText(Path.Combine(RepoRoot(), "src", "HappyHorse", "README.md"));
        var documented = docs.Descendants("member")
            .Where(m => ((string?)m.Attribute("name"))?.StartsWith("M:HappyHorse.HappyHorseClient.", StringComparison.Ordinal) == true)
            .SelectMany(m => m.Elements("exception"))
            .Select(e => ((string)e.Attribute("cref")!)[2..])
            .Distinct()
            .ToList();

        Assert.Contains("ContractFirst.Runtime.RequestValidationException", documented);
        Assert.All(documented, type => Assert.True(
            type.StartsWith("HappyHorse.", StringComparison.Ordinal) || type.StartsWith("System.", StringComparison.Ordinal) || readme.Contains(type, StringComparison.Ordinal),
            $"{type} is thrown by the client but neither in the SDK's namespace nor in its README"));
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HappyHorse.Generated.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("HappyHorse.Generated.sln not found");
    }
}
