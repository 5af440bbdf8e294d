using System.CommandLine.Parsing;
using System.Globalization;
using System.Text;
using HappyHorse.Emulator;

namespace HappyHorse.Cli.Commands;

/// <summary>
/// The shares of <c>emulator --fault KIND=SHARE</c> (repeatable): one option with a table of kinds rather than a
/// dozen <c>--x-rate</c> options, so the emulator's help stays readable.
/// </summary>
internal sealed class FaultShares
{
    /// <summary>Every kind, in the order --help lists them.</summary>
    public static readonly IReadOnlyList<FaultKind> Kinds =
    [
        new("429", "answered 429 (Retry-After: 1) before any work", FaultDraw.Request, (o, s) => o.Faults.TooManyRequestsRate = s),
        new("500", "answered 500 before any work", FaultDraw.Request, (o, s) => o.Faults.ServerErrorRate = s),
        new("502", "answered 502 before any work", FaultDraw.Request, (o, s) => o.Faults.BadGatewayRate = s),
        new("503", "answered 503 before any work", FaultDraw.Request, (o, s) => o.Faults.ServiceUnavailableRate = s),
        new("504", "answered 504 before any work", FaultDraw.Request, (o, s) => o.Faults.GatewayTimeoutRate = s),
        new("drop", "connection dropped once the body is read, before any work", FaultDraw.Request, (o, s) => o.Faults.DropConnectionRate = s),
        new("drop-after-start", "connection dropped after the work started (a submit's task exists and is billed)", FaultDraw.Request, (o, s) => o.Faults.DropAfterStartRate = s),
        new("error-after-start", "answered 500/502/503/504 after the work started", FaultDraw.Request, (o, s) => o.Faults.ErrorAfterStartRate = s),
        new("cut-body", "the answer stops half-way and the connection drops", FaultDraw.Request, (o, s) => o.Faults.CutBodyRate = s),
        new("slow", "the request waits --slow-delay first (drawn on its own)", FaultDraw.Own, (o, s) => o.Faults.SlowRate = s),
        new("task-failure", "tasks that end in state error (refunded)", FaultDraw.Own, (o, s) => o.TaskFailureRate = s),
        new("duplicate-callback", "callbacks delivered twice", FaultDraw.Own, (o, s) => o.Callbacks.DuplicateRate = s),
    ];

    private readonly List<(FaultKind Kind, double Share)> _shares;

    private FaultShares(List<(FaultKind Kind, double Share)> shares) => _shares = shares;

    /// <summary>Gets the kinds given and their shares, in command-line order.</summary>
    public IReadOnlyList<(FaultKind Kind, double Share)> Shares => _shares;

    /// <summary>The help section that lists the kinds.</summary>
    public static string HelpText
    {
        get
        {
            var text = new StringBuilder("Fault kinds (--fault KIND=SHARE, repeatable; a share is 0 to 1 of the API requests):").AppendLine();
            foreach (var kind in Kinds)
            {
                text.Append("  ").Append(kind.Name.PadRight(20)).AppendLine(kind.Description);
            }

            return text.Append("  The shares of the kinds above 'slow' are one draw per request and add up to at most 1.").ToString();
        }
    }

    /// <summary>Reads every <c>--fault</c> token of a command line.</summary>
    /// <param name="result">The tokens of the option.</param>
    /// <returns>The shares, or null after reporting an error.</returns>
    public static FaultShares? Parse(ArgumentResult result)
    {
        var shares = new List<(FaultKind Kind, double Share)>();
        foreach (var token in result.Tokens)
        {
            var text = token.Value;
            var equals = text.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? text : text[..equals];
            var kind = Kinds.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase));
            if (kind is null)
            {
                result.AddError($"--fault: unknown kind \"{name}\"; the kinds are {string.Join(", ", Kinds.Select(k => k.Name))}.");
                return null;
            }

            if (equals < 0 || !double.TryParse(text[(equals + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var share) || share is < 0 or > 1 || double.IsNaN(share))
            {
                result.AddError($"--fault {kind.Name} needs a share from 0 to 1, as in --fault {kind.Name}=0.1 (was \"{text}\").");
                return null;
            }

            if (shares.Any(s => s.Kind == kind))
            {
                result.AddError($"--fault {kind.Name} is given twice.");
                return null;
            }

            shares.Add((kind, share));
        }

        var drawn = shares.Where(s => s.Kind.Draw == FaultDraw.Request).Sum(s => s.Share);
        if (drawn > 1 + 1e-9)
        {
            result.AddError(string.Create(CultureInfo.InvariantCulture,
                $"--fault: the shares of {string.Join(", ", shares.Where(s => s.Kind.Draw == FaultDraw.Request).Select(s => s.Kind.Name))} add up to {drawn:0.###}; one request gets at most one of them, so they add up to at most 1."));
            return null;
        }

        return new FaultShares(shares);
    }

    /// <summary>Sets the shares on emulator options.</summary>
    /// <param name="options">The options.</param>
    public void ApplyTo(EmulatorOptions options)
    {
        foreach (var (kind, share) in _shares)
        {
            kind.Apply(options, share);
        }
    }

    /// <summary>The shares as the command line wrote them, for the start-up text: <c>503=0.1, slow=0.2</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Join(", ", _shares.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Kind.Name}={s.Share}")));
}
