using YamlDotNet.Core;

namespace ContractFirst.Contract.Parsing;

/// <summary>Stops <see cref="YamlTreeReader"/> where nesting passes <see cref="YamlTreeReader.MaxDepth"/>; never leaves the reader.</summary>
internal sealed class TooDeepException(Mark start, Mark end) : Exception("The YAML is nested too deeply.")
{
    public Mark Start { get; } = start;

    public Mark End { get; } = end;

}
