using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using ReportPipeline.Core.Survey;

namespace ReportPipeline.Functions.Surveys;

/// <summary>Timer <c>%SurveySchedule%</c> (6-field CRON, UTC): publishes a new edition for every period whose submissions changed.</summary>
public sealed class CompileSurveyFunction(SurveyPublisher publisher, ILogger<CompileSurveyFunction> logger)
{
    [Function(FunctionNames.CompileSurvey)]
    [ExponentialBackoffRetry(3, "00:00:30", "00:10:00")]
    public async Task<IReadOnlyList<CompilationResult>> RunAsync(
        [TimerTrigger("%SurveySchedule%", RunOnStartup = false, UseMonitor = true)] TimerInfo timer,
        CancellationToken cancellationToken)
    {
        var results = await publisher.CompileChangedAsync(cancellationToken);
        logger.Compiled(results.Count(r => r.Published), timer.IsPastDue);
        return results;
    }
}
