using Microsoft.Extensions.Logging;

namespace ReportPipeline.Infrastructure.DocumentIntelligence;

internal static partial class DocumentIntelligenceLog
{
    [LoggerMessage(4001, LogLevel.Warning, "Document Intelligence operation {Operation} expired or failed inside the service; submitting again ({Attempt})")]
    public static partial void Resubmitting(this ILogger logger, Uri operation, int attempt);
}
