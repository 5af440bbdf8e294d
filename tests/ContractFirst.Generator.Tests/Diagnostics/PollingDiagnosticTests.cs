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
    public void Cfg005AnEnumValueTheEnumDoesNotList()
    {
        var diagnostic = DiagnosticAssert.Reports(Contract("""
              succeeded_when:
                - { field: state, is: finished }
            """), "CFG005", 32, 27, 32, 35, "finished");
        Assert.Contains("expected a value of enum 'State': queued, done, failed", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void Cfg007APathThroughAFieldTheModelDoesNotHave()
    {
        var diagnostic = DiagnosticAssert.Reports(Contract("""
              succeeded_when:
                - { field: job.status, is: done }
            """), "CFG007", 32, 16, 32, 26, "job.status");
        Assert.Contains("'status' is not a field of model 'Job'", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void Cfg007AnArrayOnThePathWithoutItsBrackets()
    {
        var diagnostic = DiagnosticAssert.Reports(Contract("""
              succeeded_when:
                - { field: items.task_id, all: [a] }
            """), "CFG007", 32, 16, 32, 29, "items.task_id");
        Assert.Contains("marks the array 'items' as 'items[]'", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void Cfg011AnyWithoutAnArray()
    {
        var diagnostic = DiagnosticAssert.Reports(Contract("""
              failed_when:
                - { field: state, any: [failed] }
              succeeded_when:
                - { field: state, is: done }
            """), "CFG011", 32, 23, 32, 26, "any");
        Assert.Contains("need exactly one array on the path", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void Cfg011TwoTestsInOneRule()
    {
        DiagnosticAssert.Reports(Contract("""
              succeeded_when:
                - { field: state, is: done, present: true }
            """), "CFG011", 32, 33, 32, 40, "present");
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
    public void Cfg011ResendSafeWithoutCodes()
    {
        var diagnostic = DiagnosticAssert.Reports(Head + "\n" + """
            errors:
              cases:
                - { status: 503, exception: Busy, resend_safe: true }
            """, "CFG011", 30, 52, 30, 56, "true");
        Assert.Contains("list the 'codes' that prove nothing started", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    private static string Contract(string rules) => Head + "\n" + """
        polling:
          action: tasks.get
          task_id: task_id
        """ + "\n" + rules + "\n" + Errors;
}
