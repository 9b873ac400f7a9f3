using Microsoft.Extensions.Logging;
using ReportPipeline.Core.Ingestion;

namespace ReportPipeline.Functions;

internal static partial class Log
{
    [LoggerMessage(1100, LogLevel.Information, "Ingested {BlobName}: {Status} {ReasonCode}")]
    public static partial void Ingested(this ILogger logger, string blobName, IngestionStatus status, string reasonCode);

    [LoggerMessage(1101, LogLevel.Warning, "Ignored a poison-queue message that is not IngestReport's on the reports container: {Message}")]
    public static partial void PoisonMessageIgnored(this ILogger logger, string message);

    [LoggerMessage(1102, LogLevel.Information, "Reconciled uploads: {Found} found, {Ingested} ingested; past due: {IsPastDue}")]
    public static partial void Reconciled(this ILogger logger, int found, int ingested, bool isPastDue);

    [LoggerMessage(3100, LogLevel.Information, "Compiled {Published} new survey edition(s); past due: {IsPastDue}")]
    public static partial void Compiled(this ILogger logger, int published, bool isPastDue);

    [LoggerMessage(8001, LogLevel.Information, "Staff {User} ({UserId}): {Action}")]
    public static partial void StaffActed(this ILogger logger, string user, string userId, string action);

    [LoggerMessage(8002, LogLevel.Warning, "Staff {User} ({UserId}) refused: {Action} needs {Role}")]
    public static partial void StaffRefused(this ILogger logger, string user, string userId, string action, string role);
}
