using Microsoft.Extensions.Logging;

namespace ReportPipeline.Extraction;

internal static partial class Log
{
    [LoggerMessage(7001, LogLevel.Warning, "Azure OpenAI gave no usable answer ({ReasonCode}: {Reason}); the local extractor answers instead")]
    public static partial void ExtractionFellBack(this ILogger logger, string reasonCode, string reason);

    [LoggerMessage(7002, LogLevel.Information, "{Extractor} answered with {Answers} verified quote(s); {Rejected} proposed quote(s) not in the document were dropped")]
    public static partial void QuotesVerified(this ILogger logger, string extractor, int answers, int rejected);
}
