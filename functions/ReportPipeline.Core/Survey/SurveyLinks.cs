using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using ReportPipeline.Core.Storage;

namespace ReportPipeline.Core.Survey;

/// <summary>Lifetimes of staff links (app settings <c>Links__*</c>).</summary>
public sealed class LinkOptions
{
    public const string SectionName = "Links";

    [Range(1, 24 * 60)]
    public int DefaultMinutes { get; set; } = 60;

    /// <summary>The longest lifetime anyone may ask for.</summary>
    [Range(1, 24 * 60)]
    public int MaxMinutes { get; set; } = 240;
}

/// <summary>A read-only link to one file of a survey edition, with the file's language (null for the language-neutral JSON and CSV).</summary>
public sealed record SurveyLink(string File, Uri Url, DateTimeOffset ExpiresAt, string? Language);

/// <summary>An edition as listed: its name, when it was compiled and how many states it counts.</summary>
public sealed record EditionSummary(string Edition, DateTimeOffset CompiledAt, int StatesReporting);

/// <summary>One edition of a period (the latest unless another was asked for), its links, and every edition of the period, newest first.</summary>
public sealed record SurveyLinks(Period Period, string Edition, IReadOnlyList<SurveyLink> Links, IReadOnlyList<EditionSummary> Editions);

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
        return new SurveyLinks(period, chosen.Edition, [.. links.Select(l => new SurveyLink(l.File, l.Url, expires, SurveyLanguages.LanguageOfFile(l.File)))],
            [.. editions.Select(e => new EditionSummary(e.Edition, e.CompiledAt, e.StatesReporting))]);
    }
}
