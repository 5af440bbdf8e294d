using ContractFirst.Siblings.Tests.Support;
using Siblings.Kling;

namespace ContractFirst.Siblings.Tests;

/// <summary>Request objects in a compiled SDK: nested and listed objects validate with their full paths, and write as JSON.</summary>
public sealed class KlingObjectTests
{
    [Fact]
    public void AViolationInsideNestedObjectsNamesItsFullPath()
    {
        var request = new Text2videoRequest("a mug on marble")
        {
            CameraControl = new CameraControl(CameraMove.Simple) { Config = new CameraConfig { Zoom = 1.5, Pan = -0.5 } },
        };

        var error = Assert.Single(request.Validate().Errors);

        Assert.Equal("camera_control.config.zoom", error.Field);
        Assert.Equal("range", error.Rule);
        Assert.Equal("camera_control.config.zoom must be between -1 and 1 (was 1.5)", error.Message);
    }

    [Fact]
    public void EveryItemOfAListOfObjectsIsCheckedUnderItsIndex()
    {
        var request = new Text2videoRequest("a mug on marble")
        {
            Model = VideosModel.KlingVideoO1,
            ElementList = [new Element("el-1"), null!, new Element(" "), new Element("el-4")],
            CameraControl = new CameraControl(new CameraMove("orbit")),
        };

        Assert.Equal(
            [
                "camera_control.type must be one of simple, down_back, forward_up, left_turn_forward, right_turn_forward (was \"orbit\")",
                "element_list[1] is required",
                "element_list[2].element_id is required",
            ],
            request.Validate().Errors.Select(e => e.Message));
    }

    [Fact]
    public void ARequiredFieldOfANestedObjectIsRequired()
    {
        var request = new Image2videoRequest("https://example.com/first.png") { CameraControl = new CameraControl(default) };

        // default(CameraMove) has no value: it is not one of the moves, and says so under the object's path.
        Assert.Equal("camera_control.type", Assert.Single(request.Validate().Errors).Field);
    }

    [Fact]
    public void AValidRequestWithObjectsAllocatesNothingToValidate()
    {
        var request = new Text2videoRequest("a mug on marble")
        {
            Model = VideosModel.KlingVideoO1,
            CameraControl = new CameraControl(CameraMove.Simple) { Config = new CameraConfig { Zoom = 0.5, Roll = -1, Horizontal = 1 } },
            ElementList = [new Element("el-1"), new Element("el-2")],
        };
        Assert.True(request.Validate().IsValid);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = request.Validate();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(result.IsValid);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void ObjectsAreWrittenAsNestedJsonInContractOrder()
    {
        var request = new Text2videoRequest("a mug")
        {
            Duration = 5,
            CameraControl = new CameraControl(CameraMove.Simple) { Config = new CameraConfig { Zoom = 0.5 } },
            ElementList = [new Element("el-1")],
        };

        Assert.Equal(
            """{"action":"text2video","model":"kling-v1","prompt":"a mug","duration":5,"camera_control":{"type":"simple","config":{"zoom":0.5}},"element_list":[{"element_id":"el-1"}]}""",
            JsonBody.Of(request.WriteJson));
    }

    [Fact]
    public void ANullObjectItemIsWrittenAsNullNotDropped()
    {
        // Validation refuses it first; WriteJson, called directly, still writes what the list holds.
        var request = new Text2videoRequest("a mug") { ElementList = [null!] };

        Assert.Contains("\"element_list\":[null]", JsonBody.Of(request.WriteJson), StringComparison.Ordinal);
    }
}
