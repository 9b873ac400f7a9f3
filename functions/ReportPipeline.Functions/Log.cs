using Microsoft.Extensions.Logging;
using ReportPipeline.Core.Ingestion;

namespace ReportPipeline.Functions;

internal static partial class Log
{
    [LoggerMessage(1100, LogLevel.Information, "Ingested {BlobName}: {Status} {ReasonCode}")]
    public static partial void Ingested(this ILogger logger, string blobName, IngestionStatus status, string reasonCode);

    [LoggerMessage(3100, LogLevel.Information, "Compiled {Published} new survey edition(s); past due: {IsPastDue}")]
    public static partial void Compiled(this ILogger logger, int published, bool isPastDue);
}
