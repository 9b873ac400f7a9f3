using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportPipeline.Core.Telemetry;

namespace ReportPipeline.Core.Uploads;

/// <summary>
/// The valet key: checks a Member State's credential and returns a create-only SAS for one fresh report path of
/// the state and period. A key issued for one state gets nothing for another; every credential failure gets the same answer.
/// </summary>
public sealed class UploadSlotService(
    CredentialService credentials,
    IUploadSlotIssuer issuer,
    IOptions<UploadOptions> options,
    IOptions<PeriodOptions> periods,
    PipelineMetrics metrics,
    TimeProvider time,
    ILogger<UploadSlotService> logger)
{
    public async Task<UploadSlotResult> RequestAsync(string? key, string? state, string? period, string? fileName, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["State"] = state ?? "", ["Period"] = period ?? "" });
        var result = await DecideAsync(key, state ?? "", period ?? "", fileName, cancellationToken);
        if (result.Slot is { } slot)
        {
            metrics.SlotIssued(state!);
            logger.UploadSlotIssued(state!, period!, slot.BlobName, slot.ExpiresAt);
        }
        else
        {
            metrics.SlotRefused(result.ReasonCode!);
            logger.UploadSlotRefused(state ?? "", period ?? "", result.ReasonCode!);
        }

        return result;
    }

    private async Task<UploadSlotResult> DecideAsync(string? key, string state, string period, string? fileName, CancellationToken cancellationToken)
    {
        // The credential is checked first, so an unauthenticated caller learns nothing about valid input.
        if (await credentials.AuthenticateAsync(key, cancellationToken) is not { } memberState || memberState.Iso3 != state)
        {
            return BadCredential(state);
        }

        if (!Period.TryParse(period, out var reportingPeriod))
        {
            return UploadSlotResult.Refused(ReasonCodes.BadPeriod, $"The period must be {Period.Rule}.");
        }

        if (!periods.Value.IsOpen(reportingPeriod))
        {
            return UploadSlotResult.Refused(ReasonCodes.PeriodClosed, periods.Value.ClosedMessage(reportingPeriod));
        }

        if (UploadSlotRules.ProblemWithFileName(fileName) is { } problem)
        {
            return UploadSlotResult.Refused(ReasonCodes.BadFileName, problem);
        }

        var now = time.GetUtcNow();
        var expires = now + TimeSpan.FromMinutes(options.Value.SlotMinutes);
        var path = UploadSlotRules.SlotPath(new SubmissionKey(reportingPeriod, memberState), fileName!, now);
        var url = await issuer.IssueCreateOnlyAsync(path, expires, cancellationToken);
        return new UploadSlotResult(new UploadSlot(path.BlobName, url, expires), null, null);
    }

    private static UploadSlotResult BadCredential(string state) =>
        UploadSlotResult.Refused(ReasonCodes.BadCredential, $"The key is not a valid, unrevoked upload key for '{Display(state)}'.");

    private static string Display(string text) => new([.. text.Where(char.IsAsciiLetterOrDigit).Take(8)]);
}
