using Microsoft.Extensions.Options;
using ReportPipeline.Core.MemberStates;
using ReportPipeline.Core.Storage;

namespace ReportPipeline.Core.Staff;

/// <summary>The periods staff look at (the open ones and any holding reports), newest first, with their coverage now.</summary>
public sealed class CoverageQuery(ISubmissionStore store, ISurveyStore surveys, MemberStateRegistry states, IOptions<PeriodOptions> periods)
{
    public async Task<IReadOnlyList<PeriodCoverage>> ListAsync(CancellationToken cancellationToken)
    {
        var names = (await store.ListPeriodActivityAsync(cancellationToken)).Select(a => a.Period.Value)
            .Union(periods.Value.OpenNames, StringComparer.Ordinal)
            .OrderDescending(StringComparer.Ordinal);
        var result = new List<PeriodCoverage>();
        foreach (var name in names)
        {
            var period = Period.Parse(name);
            var submissions = await store.ListSubmissionsAsync(period, cancellationToken);
            var coverage = submissions.ToDictionary(s => s.Key.State.Iso3, s => s.Coverage, StringComparer.Ordinal);
            var latest = await surveys.GetLatestEditionAsync(period, cancellationToken);
            result.Add(new PeriodCoverage(period, periods.Value.IsOpen(period), Count("World", states.All, coverage),
                [.. states.All.GroupBy(s => s.Region).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Count(g.Key, [.. g], coverage))], latest?.Edition));
        }

        return result;
    }

    private static Coverage Count(string name, IReadOnlyList<MemberState> group, Dictionary<string, QuestionSet> coverage)
    {
        var reported = group.Where(s => coverage.ContainsKey(s.Iso3)).Select(s => coverage[s.Iso3]).ToList();
        return new Coverage(name, group.Count, reported.Count, [.. Question.All.Select(q => reported.Count(c => c.Contains(q)))]);
    }
}
