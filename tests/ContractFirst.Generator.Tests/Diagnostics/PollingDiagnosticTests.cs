using System.Globalization;
using ContractFirst.Generator.Tests.Infrastructure;

namespace ContractFirst.Generator.Tests.Diagnostics;

/// <summary>
/// Diagnostics for the waiting rules and the resend rule: each contract is a small valid API with
/// polling, broken in one place, and the diagnostic points at that place.
/// </summary>
public sealed class PollingDiagnosticTests
{
    private const string Head = """
        contract: 1
        api: { name: Demo, base_url: https://demo.example }
        enums:
          State: { values: [queued, done, failed] }
        endpoints:
          jobs:
            path: /jobs
            kind: submit
            response: Job
            actions:
              start: { fields: {} }
          tasks:
            path: /tasks
            kind: read
            fields:
              id: { type: string }
            actions:
              get: { response: Record, fields: { id: required } }
        models:
          Job:
            fields:
              task_id: { type: string }
          Record:
            fields:
              state: { type: State }
              items: { type: array, items: Job }
              job: { type: Job, nullable: true }
        """;

    private const string Errors = """
        errors:
          cases:
            - { status: 400, exception: BadRequest }
        """;

    [Fact]
    public void AValidRuleSetGeneratesTheTerminalMembers()
    {
        var result = GeneratorRunner.Run(Contract("""
              succeeded_when:
                - { field: state, is: done }
                - { field: "items[].task_id", all: [a, b] }
              failed_when:
                - { field: state, is: [failed] }
                - { field: job, present: true }
            """));

        Assert.Empty(result.Diagnostics);
        var record = result.GeneratedSources.Single(s => s.HintName.EndsWith(".Record.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("public bool HasSucceeded =>", record, StringComparison.Ordinal);
        Assert.Contains("\"state is failed\"", record, StringComparison.Ordinal);
    }

    [Fact]
    public void Cfg027AnEnumValueTheEnumDoesNotList()
    {
        var diagnostic = DiagnosticAssert.Reports(Contract("""
              succeeded_when:
                - { field: state, is: finished }
            """), "CFG027", 32, 27, 32, 35, "finished");
        Assert.Equal("polling.succeeded_when[0].is names 'finished', which is not a value of enum 'State'; its values are: queued, done, failed", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Cfg007APathThroughAFieldTheModelDoesNotHave()
    {
        var diagnostic = DiagnosticAssert.Reports(Contract("""
              succeeded_when:
                - { field: job.status, is: done }
            """), "CFG007", 32, 16, 32, 26, "job.status");
        Assert.Equal("polling.succeeded_when[0].field names 'status', which is not a field of model 'Job'", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Cfg036AnArrayOnThePathWithoutItsBrackets()
    {
        var diagnostic = DiagnosticAssert.Reports(Contract("""
              succeeded_when:
                - { field: items.task_id, all: [a] }
            """), "CFG036", 32, 16, 32, 29, "items.task_id");
        Assert.Equal("polling.succeeded_when[0].field is 'items.task_id', whose step 'items' must be written 'items[]'", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Cfg035AnyWithoutAnArray()
    {
        var diagnostic = DiagnosticAssert.Reports(Contract("""
              failed_when:
                - { field: state, any: [failed] }
              succeeded_when:
                - { field: state, is: done }
            """), "CFG035", 32, 23, 32, 26, "any");
        Assert.Equal("'any' at polling.failed_when[0] needs exactly 1 array marked '[]' on its path; 'state' has 0", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Cfg034TwoTestsInOneRule()
    {
        var diagnostic = DiagnosticAssert.Reports(Contract("""
              succeeded_when:
                - { field: state, is: done, present: true }
            """), "CFG034", 32, 33, 32, 40, "present");
        Assert.Equal("polling.succeeded_when[0] must have exactly one of: is, any, all, present; it has: is, present", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Cfg003NeitherFinishedWhenNorSucceededWhen()
    {
        var diagnostic = DiagnosticAssert.Reports(Contract("""
              failed_when:
                - { field: state, is: failed }
            """), "CFG003", 28, 1, 28, 8, "polling");
        Assert.Contains("succeeded_when", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void Cfg033ResendSafeWithoutCodes()
    {
        var diagnostic = DiagnosticAssert.Reports(Head + "\n" + """
            errors:
              cases:
                - { status: 503, exception: Busy, resend_safe: true }
            """, "CFG033", 30, 39, 30, 50, "resend_safe");
        Assert.Equal("'resend_safe' at errors.cases[0] needs 'codes'", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Cfg029AModelNamedLikeTheGeneratedOperation()
    {
        // A contract that polls gets DemoOperation generated; a model of that name would be a second C# type.
        var yaml = Contract("  succeeded_when:\n    - { field: state, is: done }\n  failed_when:\n    - { field: state, is: failed }").Replace("models:\n  Job:", "models:\n  DemoOperation: { fields: { id: { type: string } } }\n  Job:", StringComparison.Ordinal);

        var diagnostic = Assert.Single(Parse.Result(yaml).Diagnostics);

        Assert.Equal("CFG029", diagnostic.Id);
        Assert.Contains("'DemoOperation'", diagnostic.Message, StringComparison.Ordinal);
    }

    private static string Contract(string rules) => Head + "\n" + """
        polling:
          action: tasks.get
          task_id: task_id
        """ + "\n" + rules + "\n" + Errors;
}
