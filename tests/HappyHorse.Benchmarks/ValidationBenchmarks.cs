using System.ComponentModel.DataAnnotations;
using BenchmarkDotNet.Attributes;

namespace HappyHorse.Benchmarks;

/// <summary>Validating a valid request: the generated validator must not allocate.</summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    private readonly ReferenceToVideoRequest _request = Samples.Request();
    private readonly ReferenceToVideoDto _dto = Samples.Dto();

    [Benchmark(Baseline = true, Description = "DataAnnotations Validator")]
    public bool DataAnnotations() =>
        Validator.TryValidateObject(_dto, new ValidationContext(_dto), null, validateAllProperties: true);

    [Benchmark(Description = "Generated Validate()")]
    public bool Generated() => _request.Validate().IsValid;
}
