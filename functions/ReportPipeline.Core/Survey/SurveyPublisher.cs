using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportPipeline.Core.Reports;
using ReportPipeline.Core.Review;
using ReportPipeline.Core.Storage;
using ReportPipeline.Core.Survey.Translation;
using ReportPipeline.Core.Telemetry;

namespace ReportPipeline.Core.Survey;

/// <summary>Compiles a period's survey and publishes a new edition only when its content changed.</summary>
public sealed class SurveyPublisher(
    ISubmissionStore submissions,
    ISurveyStore surveys,
    IReviewStore reviews,
    ThemeCatalog themes,
    SurveyCompiler compiler,
    ExcerptTranslator translator,
    IEnumerable<ISurveyRenderer> renderers,
    IOptions<ReviewOptions> review,
    TimeProvider time,
    PipelineMetrics metrics,
    ILogger<SurveyPublisher> logger)
{
    public const string EditionFormat = "yyyyMMdd'T'HHmmss'Z'";
    private readonly ISurveyRenderer[] _renderers = [.. renderers];

    /// <summary>Compiles every period whose submissions changed since its latest edition, and skips the rest.</summary>
    public async Task<IReadOnlyList<CompilationResult>> CompileChangedAsync(CancellationToken cancellationToken)
    {
        var results = new List<CompilationResult>();
        foreach (var activity in await submissions.ListPeriodActivityAsync(cancellationToken))
        {
            var latest = await surveys.GetLatestEditionAsync(activity.Period, cancellationToken);
            var lastChanged = Latest(activity.LastChangedAt, await reviews.ListAsync(activity.Period, cancellationToken));
            if (latest is null || latest.SourceChangedAt < lastChanged)
            {
                results.Add(await CompileAsync(activity.Period, cancellationToken));
            }
        }

        return results;
    }

    public async Task<CompilationResult> CompileAsync(Period period, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Period"] = period.Value });
        var now = time.GetUtcNow();
        var latest = await surveys.GetLatestEditionAsync(period, cancellationToken);
        var baseline = await LoadBaselineAsync(period, latest, cancellationToken);
        var editionName = now.UtcDateTime.ToString(EditionFormat, CultureInfo.InvariantCulture);
        var prepared = await PrepareAsync(period, editionName, now, baseline, cancellationToken);
        if (latest is not null && latest.ContentHash == prepared.ContentHash)
        {
            logger.SurveyUnchanged(period.Value, latest.Edition);
            metrics.SurveyCompiled(period.Value, published: false);
            return new CompilationResult(latest, Published: false);
        }

        var edition = new SurveyEdition(period, editionName, prepared.ContentHash, now, prepared.SourceChangedAt, prepared.Model.Global.StatesReporting,
            [.. prepared.Files.Select(f => f.Name)]);
        await surveys.PublishAsync(edition, prepared.Files, cancellationToken);
        logger.SurveyPublished(period.Value, editionName, edition.StatesReporting);
        metrics.SurveyCompiled(period.Value, published: true);
        return new CompilationResult(edition, Published: true);
    }

    /// <summary>Reads the period's current submissions and their answers, compiles the model and renders every file.</summary>
    public async Task<PreparedSurvey> PrepareAsync(Period period, string edition, DateTimeOffset compiledAt, SurveyBaseline? baseline, CancellationToken cancellationToken)
    {
        var stored = await submissions.ListSubmissionsAsync(period, cancellationToken);
        var machine = (await submissions.ListCurrentAnswersAsync(period, stored, cancellationToken)).ToLookup(a => a.State.Iso3, StringComparer.Ordinal);
        var logs = await reviews.ListAsync(period, cancellationToken);
        var reviewed = ReviewedPeriod.Build(stored, machine, logs, themes);
        var sourceChangedAt = Latest(stored.Count == 0 ? DateTimeOffset.MinValue : stored.Max(s => s.ReceivedAt), logs);
        var answers = ReviewedPeriod.Answers(reviewed, machine, review.Value.StateIndications);
        var model = compiler.Compile(period, ReviewedPeriod.Submissions(reviewed, answers, review.Value.StateIndications), answers, edition, compiledAt, baseline,
            reviewed.Where(r => r.Report.Counts).ToDictionary(r => r.Submission.Key.State.Iso3, r => r.Report.Log.LastDone!.At, StringComparer.Ordinal));

        // The hash covers the evidence only, so recompiling unchanged submissions yields the same hash whatever the edition and baseline.
        var contentHash = Hash(model with { Edition = "", CompiledAt = DateTimeOffset.UnixEpoch, Changes = null });
        model = model with { Translations = await translator.TranslateAsync(model, cancellationToken) };
        return new PreparedSurvey(model, [.. _renderers.Select(r => new SurveyFile(r.FileName, r.ContentType, r.Render(model)))], contentHash, sourceChangedAt);
    }

    /// <summary>The edition to compare with: this period's latest, else the latest of the period before.</summary>
    private async Task<SurveyBaseline?> LoadBaselineAsync(Period period, SurveyEdition? latest, CancellationToken cancellationToken)
    {
        var source = latest ?? (period.Previous() is { } previous
            ? await surveys.GetLatestEditionAsync(previous, cancellationToken)
            : null);
        if (source is null)
        {
            return null;
        }

        var json = await surveys.ReadFileAsync(source, JsonSurveyRenderer.Name, cancellationToken);
        var baseline = json is { } content ? SurveyBaseline.TryParse(content) : null;
        if (baseline is null)
        {
            logger.BaselineUnreadable(source.Period.Value, source.Edition);
        }

        return baseline;
    }

    /// <summary>A decision is a change of evidence as much as an upload: the later of the two decides whether a period needs a new edition.</summary>
    private static DateTimeOffset Latest(DateTimeOffset submissionsChangedAt, IReadOnlyList<ReviewLog> logs) =>
        logs.SelectMany(l => l.Decisions).Select(d => d.At).Append(submissionsChangedAt).Max();

    private static string Hash(SurveyModel model) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(model, JsonSurveyRenderer.Options)));
}
