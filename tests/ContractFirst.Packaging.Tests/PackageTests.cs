using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Xunit.Abstractions;

namespace ContractFirst.Packaging.Tests;

/// <summary>
/// What a developer gets from NuGet.org: every package with its README, icon, license, repository and commit, and
/// symbols a debugger can step into (SourceLink to the commit's sources, paths independent of the build machine).
/// </summary>
public sealed class PackageTests(PackedPackages packages, ITestOutputHelper output) : IClassFixture<PackedPackages>
{
    /// <summary>
    /// The SourceLink custom debug information kind, as Roslyn writes it (PortableCustomDebugInfoKinds.SourceLink;
    /// the Portable PDB specification's table gives the same value).
    /// </summary>
    private static readonly Guid s_sourceLink = new("cc110556-a091-4d38-9fec-25ab9a351a6a");

    /// <summary>The embedded source custom debug information kind.</summary>
    private static readonly Guid s_embeddedSource = new("0e8a571b-6926-466e-b4ad-8ab04611f5fe");

    private const string RepositoryUrl = "https://github.com/happyhorse-generated/HappyHorse.Generated";

    public static TheoryData<string> Ids => new(PackedPackages.Ids);

    [Fact]
    public void EveryPackableProjectIsPackedAndNothingElse()
    {
        output.WriteLine($"dotnet pack of {PackedPackages.Ids.Length} packages: {packages.PackTime.TotalSeconds:0.0} s");
        var packed = Directory.GetFiles(packages.Output, "*.nupkg").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(PackedPackages.Ids.Select(id => $"{id}.{PackedPackages.Version}.nupkg").Order(StringComparer.Ordinal), packed);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void PackageCarriesItsReadmeIconLicenseAndRepository(string id)
    {
        using var package = ZipFile.OpenRead(packages.Package(id));
        var metadata = Nuspec(package, id);
        string Value(string name) => metadata.Element(metadata.Name.Namespace + name)?.Value ?? "";

        Assert.Equal("README.md", Value("readme"));
        var readme = ReadText(package, "README.md");
        Assert.StartsWith("# ", readme, StringComparison.Ordinal);
        Assert.True(readme.Length > 800, $"{id}'s README has {readme.Length} characters; a package README explains the package");

        Assert.Equal("icon.png", Value("icon"));
        var icon = ReadBytes(package, "icon.png");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, icon.Take(4));

        Assert.Equal("MIT", Value("license"));
        Assert.Equal(RepositoryUrl, Value("projectUrl"));
        Assert.False(string.IsNullOrWhiteSpace(Value("description")));
        Assert.False(string.IsNullOrWhiteSpace(Value("tags")));
        Assert.False(string.IsNullOrWhiteSpace(Value("authors")));

        var repository = metadata.Element(metadata.Name.Namespace + "repository")!;
        Assert.Equal("git", repository.Attribute("type")?.Value);
        Assert.Equal(RepositoryUrl, repository.Attribute("url")?.Value);
        Assert.Matches("^[0-9a-f]{40}$", repository.Attribute("commit")?.Value ?? "");
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void EveryOwnAssemblyIsDeterministicWithSourceLinkedSymbols(string id)
    {
        using var package = ZipFile.OpenRead(packages.Package(id));
        var commit = Nuspec(package, id).Element(Nuspec(package, id).Name.Namespace + "repository")!.Attribute("commit")!.Value;
        var own = package.Entries
            .Where(e => e.FullName.EndsWith(".dll", StringComparison.Ordinal) && IsOwn(e.Name))
            .ToList();
        Assert.NotEmpty(own);

        using var symbols = File.Exists(packages.Symbols(id)) ? ZipFile.OpenRead(packages.Symbols(id)) : null;
        Assert.True(symbols is not null || id == "ContractFirst.Generator", $"{id} has no .snupkg");
        foreach (var entry in own)
        {
            using var pe = new PEReader(new MemoryStream(ReadBytes(entry)));
            var debug = pe.ReadDebugDirectory();
            Assert.Contains(debug, d => d.Type == DebugDirectoryEntryType.Reproducible);
            var codeView = pe.ReadCodeViewDebugDirectoryData(debug.First(d => d.Type == DebugDirectoryEntryType.CodeView));

            MetadataReaderProvider pdb;
            if (debug.Any(d => d.Type == DebugDirectoryEntryType.EmbeddedPortablePdb))
            {
                // The generator's and the contract library's PDBs are embedded (the generator package has no lib/
                // for a .snupkg, and the contract library is bundled into other packages).
                pdb = pe.ReadEmbeddedPortablePdbDebugDirectoryData(debug.Single(d => d.Type == DebugDirectoryEntryType.EmbeddedPortablePdb));
            }
            else if (symbols is null)
            {
                Assert.Fail($"{entry.FullName} in {id} has neither an embedded PDB nor a symbol package");
                return;
            }
            else
            {
                var pdbPath = Path.ChangeExtension(entry.FullName, ".pdb");
                var pdbEntry = symbols.GetEntry(pdbPath);
                Assert.True(pdbEntry is not null, $"{id}.snupkg has no {pdbPath}");
                pdb = MetadataReaderProvider.FromPortablePdbStream(new MemoryStream(ReadBytes(pdbEntry)));
            }

            using (pdb)
            {
                var reader = pdb.GetMetadataReader();
                Assert.Equal(codeView.Guid, new BlobContentId(reader.DebugMetadataHeader!.Id).Guid);

                var sourceLink = SourceLink(reader);
                Assert.True(sourceLink is not null, $"{entry.FullName} in {id}: the PDB has no SourceLink");
                var map = JsonDocument.Parse(sourceLink).RootElement.GetProperty("documents");
                Assert.Equal(
                    "https://raw.githubusercontent.com/happyhorse-generated/HappyHorse.Generated/" + commit + "/*",
                    map.GetProperty("/_/*").GetString());

                // A debugger gets every source: files of the repository through SourceLink (CI builds map its folder
                // to /_/, so no path of the build machine remains), files the build generated embedded in the PDB.
                var embedded = EmbeddedSources(reader);
                foreach (var handle in reader.Documents)
                {
                    var path = reader.GetString(reader.GetDocument(handle).Name);
                    Assert.True(path.StartsWith("/_/", StringComparison.Ordinal) || embedded.Contains(handle), $"{entry.Name}: {path} is neither under /_/ nor embedded");
                }
            }
        }
    }

    [Fact]
    public void GeneratorPackageShipsTheGeneratorAndItsDependenciesAsAnalyzersOnly()
    {
        using var package = ZipFile.OpenRead(packages.Package("ContractFirst.Generator"));
        var entries = package.Entries.Select(e => e.FullName).ToList();

        Assert.Equal(
            ["analyzers/dotnet/cs/ContractFirst.Contract.dll", "analyzers/dotnet/cs/ContractFirst.Generator.dll", "analyzers/dotnet/cs/YamlDotNet.dll"],
            entries.Where(e => e.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
        Assert.Contains("build/ContractFirst.Generator.props", entries);
        Assert.Contains("buildTransitive/ContractFirst.Generator.props", entries);

        var metadata = Nuspec(package, "ContractFirst.Generator");
        Assert.Equal("true", metadata.Element(metadata.Name.Namespace + "developmentDependency")?.Value);
        Assert.Empty(metadata.Descendants(metadata.Name.Namespace + "dependency"));
    }

    private static bool IsOwn(string fileName) =>
        fileName.StartsWith("ContractFirst.", StringComparison.Ordinal) || fileName.StartsWith("HappyHorse", StringComparison.Ordinal);

    private static HashSet<DocumentHandle> EmbeddedSources(MetadataReader reader) =>
        reader.CustomDebugInformation
            .Select(reader.GetCustomDebugInformation)
            .Where(information => information.Parent.Kind == HandleKind.Document && reader.GetGuid(information.Kind) == s_embeddedSource)
            .Select(information => (DocumentHandle)information.Parent)
            .ToHashSet();

    private static string? SourceLink(MetadataReader reader)
    {
        // Every row is read: the lookup by parent finds only the first of the module's rows.
        foreach (var handle in reader.CustomDebugInformation)
        {
            var information = reader.GetCustomDebugInformation(handle);
            if (information.Parent.Kind == HandleKind.ModuleDefinition && reader.GetGuid(information.Kind) == s_sourceLink)
            {
                return Encoding.UTF8.GetString(reader.GetBlobBytes(information.Value));
            }
        }

        return null;
    }

    private static XElement Nuspec(ZipArchive package, string id) =>
        XDocument.Parse(ReadText(package, id + ".nuspec")).Root!.Elements().First(e => e.Name.LocalName == "metadata");

    /// <summary>The text of an entry; the reader drops the byte order mark NuGet writes before the nuspec's XML.</summary>
    private static string ReadText(ZipArchive package, string name)
    {
        using var reader = new StreamReader(new MemoryStream(ReadBytes(package, name)), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    private static byte[] ReadBytes(ZipArchive package, string name)
    {
        var entry = package.GetEntry(name);
        Assert.True(entry is not null, $"the package has no {name}");
        return ReadBytes(entry);
    }

    private static byte[] ReadBytes(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
