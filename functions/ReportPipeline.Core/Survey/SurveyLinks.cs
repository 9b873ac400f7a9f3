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

/// <summary>A read-only link to one file of a survey edition.</summary>
public sealed record SurveyLink(string File, Uri Url, DateTimeOffset ExpiresAt);

/// <summary>The latest edition of a period and its links.</summary>
public sealed record SurveyLinks(Period Period, string Edition, IReadOnlyList<SurveyLink> Links);

/// <summary>Issues short-lived read-only links to the files of a period's latest survey edition.</summary>
public sealed class SurveyLinkService(ISurveyStore surveys, IOptions<LinkOptions> options, TimeProvider time)
{
    /// <summary>Returns null when the period has no edition yet.</summary>
    public async Task<SurveyLinks?> GetLatestAsync(Period period, int? minutes, CancellationToken cancellationToken)
    {
        var edition = await surveys.GetLatestEditionAsync(period, cancellationToken);
        if (edition is null)
        {
            return null;
        }

        var lifetime = TimeSpan.FromMinutes(Math.Clamp(minutes ?? options.Value.DefaultMinutes, 1, options.Value.MaxMinutes));
        // A SAS expiry is signed in whole seconds: report the one the link carries.
        var expires = time.GetUtcNow() + lifetime;
        expires = expires.AddTicks(-(expires.UtcTicks % TimeSpan.TicksPerSecond));
        var links = await surveys.IssueReadLinksAsync(edition, lifetime, cancellationToken);
        return new SurveyLinks(period, edition.Edition, [.. links.Select(l => new SurveyLink(l.File, l.Url, expires))]);
    }
}
