using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using ReportPipeline.Core.Storage;
using ReportPipeline.Core.Telemetry;

namespace ReportPipeline.Core.Survey;

/// <summary>The outcome of compiling one period: the edition now current, and whether this run published it.</summary>
public sealed record CompilationResult(SurveyEdition Edition, bool Published);

/// <summary>Compiles a period's survey and publishes a new edition only when its content changed.</summary>
public sealed class SurveyPublisher(
    ISubmissionStore submissions,
    ISurveyStore surveys,
    SurveyCompiler compiler,
    IEnumerable<ISurveyRenderer> renderers,
    TimeProvider time,
    PipelineMetrics metrics,
    ILogger<SurveyPublisher> logger)
{
    public const string EditionFormat = "yyyyMMdd'T'HHmmss'Z'";
    private readonly ISurveyRenderer[] _renderers = [.. renderers];

    /// <summary>Compiles every period whose submissions changed since its latest edition.</summary>
    public async Task<IReadOnlyList<CompilationResult>> CompileChangedAsync(CancellationToken cancellationToken)
    {
        var results = new List<CompilationResult>();
        foreach (var activity in await submissions.ListPeriodActivityAsync(cancellationToken))
        {
            var latest = await surveys.GetLatestEditionAsync(activity.Period, cancellationToken);
            if (latest is null || latest.SourceChangedAt < activity.LastChangedAt)
            {
                results.Add(await CompileAsync(activity.Period, cancellationToken));
            }
        }

        return results;
    }

    public async Task<CompilationResult> CompileAsync(string period, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Period"] = period });
        var now = time.GetUtcNow();
        var stored = await submissions.ListSubmissionsAsync(period, cancellationToken);
        var answers = await submissions.ListCurrentAnswersAsync(period, cancellationToken);
        var sourceChangedAt = stored.Count == 0 ? DateTimeOffset.MinValue : stored.Max(s => s.ReceivedAt);

        // The hash covers content only, so recompiling unchanged submissions yields the same hash.
        var contentHash = Hash(compiler.Compile(period, stored, answers, "", DateTimeOffset.UnixEpoch));
        var latest = await surveys.GetLatestEditionAsync(period, cancellationToken);
        if (latest is not null && latest.ContentHash == contentHash)
        {
            logger.SurveyUnchanged(period, latest.Edition);
            metrics.SurveyCompiled(period, published: false);
            return new CompilationResult(latest, Published: false);
        }

        var editionName = now.UtcDateTime.ToString(EditionFormat, CultureInfo.InvariantCulture);
        var model = compiler.Compile(period, stored, answers, editionName, now);
        var files = _renderers.Select(r => new SurveyFile(r.FileName, r.ContentType, r.Render(model))).ToList();
        var edition = new SurveyEdition(period, editionName, contentHash, now, sourceChangedAt, model.Global.StatesReporting, [.. files.Select(f => f.Name)]);
        await surveys.PublishAsync(edition, files, cancellationToken);
        logger.SurveyPublished(period, editionName, edition.StatesReporting);
        metrics.SurveyCompiled(period, published: true);
        return new CompilationResult(edition, Published: true);
    }

    private static string Hash(SurveyModel model) =>
        Convert.ToHexStringLower(SHA256.HashData(new JsonSurveyRenderer().Render(model)));
}
