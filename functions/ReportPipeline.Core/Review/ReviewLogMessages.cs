using Microsoft.Extensions.Logging;

namespace ReportPipeline.Core.Review;

internal static partial class ReviewLogMessages
{
    [LoggerMessage(8001, LogLevel.Information, "Review of {State} {Period}: {ByName} ({ById}) recorded {Action} {Target} as revision {Revision}")]
    public static partial void ReviewDecided(this ILogger logger, string state, string period, string byName, string byId, ReviewAction action, string target, int revision);

    [LoggerMessage(8002, LogLevel.Warning, "Review of {State} {Period}: {ByName} ({ById}) was too late to record {Action}; revision {Revision} came first")]
    public static partial void ReviewConflict(this ILogger logger, string state, string period, string byName, string byId, ReviewAction action, int revision);

    [LoggerMessage(8003, LogLevel.Information, "Review of {State} {Period}: the state's upload key {KeyId} recorded {Action} {Target} as revision {Revision}")]
    public static partial void StateIndicated(this ILogger logger, string state, string period, string keyId, ReviewAction action, string target, int revision);

    [LoggerMessage(8004, LogLevel.Warning, "Review of {State} {Period}: the state's upload key {KeyId} was too late to record {Action}; revision {Revision} came first")]
    public static partial void StateIndicationConflict(this ILogger logger, string state, string period, string keyId, ReviewAction action, int revision);
}
