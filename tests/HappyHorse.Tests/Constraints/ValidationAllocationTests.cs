using HappyHorse.Tests.Infrastructure;

namespace HappyHorse.Tests.Constraints;

/// <summary>Validating a valid request allocates nothing, so the client's pre-send check is free.</summary>
public class ValidationAllocationTests
{
    public static TheoryData<string> Requests => [.. SampleRequests.Actions, "get_task", "get_tasks"];

    [Theory]
    [MemberData(nameof(Requests))]
    public void ValidatingAFullyPopulatedValidRequestAllocatesNothing(string name)
    {
        var request = name switch
        {
            "get_task" => new GetTaskRequest("task-1"),
            "get_tasks" => new GetTasksRequest(["task-1", "task-2", "task-3"]),
            _ => SampleRequests.Full(name),
        };
        Assert.True(request.Validate().IsValid); // warm-up: JIT and static initialisers

        var before = GC.GetAllocatedBytesForCurrentThread();
        var valid = true;
        for (var i = 0; i < 100; i++)
        {
            valid &= request.Validate().IsValid;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(valid);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void TheMeasurementSeesAllocationsWhenThereAreViolations()
    {
        // Control: the same measurement reports bytes when Validate does allocate, so a zero above means zero.
        var request = new GenerateRequest("") { Duration = 99 };
        Assert.False(request.Validate().IsValid);

        var before = GC.GetAllocatedBytesForCurrentThread();
        _ = request.Validate();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated > 0);
    }
}
