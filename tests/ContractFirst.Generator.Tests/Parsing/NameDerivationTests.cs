using ContractFirst.Contract.Helpers;
using ContractFirst.Generator.Tests.Infrastructure;

namespace ContractFirst.Generator.Tests.Parsing;

/// <summary>How contract names become C# names when the contract sets no <c>name</c> or <c>method</c>.</summary>
public sealed class NameDerivationTests
{
    private const string Contract = """
        contract: 1
        api: { name: Demo, base_url: https://demo.example }
        enums:
          Scale:
            values: [2x, 720P, "16:9", in_progress, { value: 4x, name: X4 }]
        endpoints:
          image_jobs:
            path: /jobs
            model_field: model
            response: Job
            fields:
              image_url: { type: url }
            actions:
              face_restore:
                models: [happyhorse-1.1-t2v, pixelift-2-upscale, { id: v3, name: Latest }]
                fields:
                  image_url: required
              upscale:
                method: Enlarge
                models: [upscale-1]
        models:
          Job:
            fields:
              task_id: { type: string }
        errors:
          cases: []
        """;

    [Fact]
    public void EnumValuesStartingWithADigitArePrefixedWithValue()
    {
        var scale = Parse.Valid(Contract).Enums.Single();

        Assert.Equal(["Value2x", "Value720P", "Value169", "InProgress", "X4"], scale.Values.Select(v => v.Name));
        Assert.Equal(["2x", "720P", "16:9", "in_progress", "4x"], scale.Values.Select(v => v.Value));
    }

    [Fact]
    public void ModelIdsWithoutANameAreDerived()
    {
        var action = Parse.Valid(Contract).Endpoints.Single().Actions[0];

        // A dot between digits stays visible as '_' (1.1 → 1_1). spec/README.md's conventions
        // table still shows happyhorse-1.1-t2v → Happyhorse11T2v.
        Assert.Equal(["Happyhorse1_1T2v", "Pixelift2Upscale", "Latest"], action.Models.Select(m => m.Name));
        Assert.Equal("happyhorse-1.1-t2v", action.DefaultModel);
    }

    [Fact]
    public void ActionStemsComeFromTheValueUnlessMethodIsSet()
    {
        var actions = Parse.Valid(Contract).Endpoints.Single().Actions;

        Assert.Equal(["FaceRestore", "Enlarge"], actions.Select(a => a.TypeName));
        Assert.Equal(["FaceRestoreRequest", "EnlargeRequest"], actions.Select(a => a.RequestTypeName));
        Assert.Equal(["FaceRestoreAsync", "EnlargeAsync"], actions.Select(a => a.MethodName));
        Assert.Equal(["FaceRestoreModel", "EnlargeModel"], actions.Select(a => a.ModelTypeName));
        Assert.Equal("ImageUrl", actions[0].Fields.Single().PropertyName);
    }

    [Theory]
    [InlineData("image_to_video", "ImageToVideo")]
    [InlineData("image_urls", "ImageUrls")]
    [InlineData("happyhorse-1.1", "Happyhorse1_1")]
    [InlineData("v1.2.3", "V1_2_3")]
    [InlineData("a.b", "AB")]
    [InlineData("1.", "1")]
    [InlineData("__", "")]
    public void PascalCase(string name, string expected) => Assert.Equal(expected, Naming.ToPascalCase(name));

    [Theory]
    [InlineData("2x", "Value2x")]
    [InlineData("-", "Empty")]
    [InlineData("succeeded", "Succeeded")]
    public void MemberNames(string value, string expected) => Assert.Equal(expected, Naming.ToMemberName(value));

    [Theory]
    [InlineData("ImageUrl", "imageUrl")]
    [InlineData("Class", "@class")]
    [InlineData("Default", "@default")]
    [InlineData("Async", "async")]
    public void ParameterNamesAreEscapedWhenTheyAreKeywords(string property, string expected) =>
        Assert.Equal(expected, Naming.ToParameterName(property));
}
