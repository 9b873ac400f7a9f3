using Microsoft.Extensions.Options;
using ReportPipeline.Core.Storage;

namespace ReportPipeline.Core.Survey;

/// <summary>Issues short-lived read-only links to the files of a period's survey editions.</summary>
public sealed class SurveyLinkService(ISurveyStore surveys, IOptions<LinkOptions> options, TimeProvider time)
{
    /// <summary>Links to the latest edition; null when the period has none yet.</summary>
    public Task<SurveyLinks?> GetLatestAsync(Period period, int? minutes, CancellationToken cancellationToken) => GetAsync(period, null, minutes, cancellationToken);

    /// <summary>Links to <paramref name="edition"/> (the latest when null); null when the period has no such edition.</summary>
    public async Task<SurveyLinks?> GetAsync(Period period, string? edition, int? minutes, CancellationToken cancellationToken)
    {
        var editions = await surveys.ListEditionsAsync(period, cancellationToken);
        var chosen = edition is null ? editions.FirstOrDefault() : editions.FirstOrDefault(e => e.Edition == edition);
        if (chosen is null)
        {
            return null;
        }

        var lifetime = TimeSpan.FromMinutes(Math.Clamp(minutes ?? options.Value.DefaultMinutes, 1, options.Value.MaxMinutes));
        // A SAS expiry is signed in whole seconds: report the one the link carries.
        var expires = time.GetUtcNow() + lifetime;
        expires = expires.AddTicks(-(expires.UtcTicks % TimeSpan.TicksPerSecond));
        var links = await surveys.IssueReadLinksAsync(chosen, lifetime, cancellationToken);
        return new SurveyLinks(period, chosen.Edition, [.. links.Select(l => new SurveyLink(l.File, l.Url, expires))],
            [.. editions.Select(e => new EditionSummary(e.Edition, e.CompiledAt, e.StatesReporting))]);
    }
}
