using ReportPipeline.Core.Reports;
using ReportPipeline.Core.Storage;

namespace ReportPipeline.Core.Review;

/// <summary>
/// One report's answers with its review applied: the machine's passages, then every decision of the log in order (a later
/// decision on a passage overrides an earlier one; nothing is removed from the log). Pure.
/// </summary>
public sealed class ReviewedReport
{
    private ReviewedReport(ReviewLog log, IReadOnlyList<ReviewedPassage> passages, IReadOnlyDictionary<Question, string> notes)
    {
        Log = log;
        Passages = passages;
        Notes = notes;
    }

    public ReviewLog Log { get; }

    /// <summary>Every passage under every question, by question then in the order the machine and the analysts gave them.</summary>
    public IReadOnlyList<ReviewedPassage> Passages { get; }

    public IReadOnlyDictionary<Question, string> Notes { get; }

    /// <summary><see cref="ReviewStatus.Machine"/>, <see cref="ReviewStatus.InReview"/> or <see cref="ReviewStatus.Reviewed"/>; staleness is the caller's to tell.</summary>
    public string Status => Log.Decisions.Count == 0 ? ReviewStatus.Machine
        : Log.Decisions[^1].Action == ReviewAction.Done ? ReviewStatus.Reviewed : ReviewStatus.InReview;

    /// <summary>Whether the survey takes this report's answers from the review: it was marked done at least once.</summary>
    public bool Counts => Log.LastDone is not null;

    public IEnumerable<ReviewedPassage> Accepted => Passages.Where(p => p.Decision == PassageDecisions.Accepted);

    public static ReviewedReport Build(IReadOnlyList<StoredAnswer> machine, ReviewLog log, ThemeCatalog themes)
    {
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(themes);
        var passages = new List<ReviewedPassage>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        void Put(ReviewedPassage p)
        {
            if (index.TryGetValue(p.Id, out var at))
            {
                passages[at] = p;
                return;
            }

            index[p.Id] = passages.Count;
            passages.Add(p);
        }

        foreach (var a in machine.OrderBy(a => a.Question).ThenBy(a => a.Sequence))
        {
            var (page, paragraph) = a.Provenance.Count > 0 ? (a.Provenance[0].Page, a.Provenance[0].Paragraph) : (0, a.Sequence);
            var id = PassageIds.Passage(a.Question, page, paragraph);
            if (!index.ContainsKey(id))
            {
                Put(new ReviewedPassage(id, a.Question, a.Text, page, paragraph, a.Provenance, PassageSources.Machine, PassageDecisions.Pending,
                    Decided: false, New: false, Found: true, a.Confidence, a.Themes));
            }
        }

        ReviewedPassage Find(ReviewDecision d) => index.TryGetValue(d.Passage, out var at) ? passages[at] : FromDecision(d, themes);
        var notes = new Dictionary<Question, string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in log.Decisions)
        {
            seen.UnionWith(d.Seen);
            switch (d.Action)
            {
                case ReviewAction.Accept or ReviewAction.Reject:
                    Put(Find(d) with { Decision = d.Action == ReviewAction.Accept ? PassageDecisions.Accepted : PassageDecisions.Rejected, Decided = true });
                    break;
                case ReviewAction.Move or ReviewAction.Copy when d.Question is { } target:
                    var source = Find(d);
                    Put(source with { Decision = d.Action == ReviewAction.Move ? PassageDecisions.Rejected : PassageDecisions.Accepted, Decided = true });
                    var id = PassageIds.Passage(target, source.Page, source.Paragraph);
                    Put(index.TryGetValue(id, out var at)
                        ? passages[at] with { Decision = PassageDecisions.Accepted, Decided = true }
                        : source with { Id = id, Question = target, Decision = PassageDecisions.Accepted, Decided = true, Found = false });
                    break;
                case ReviewAction.Add when d.Question is { } question && PassageIds.TryParseParagraph(d.Paragraph, out var page, out var paragraph):
                    var added = PassageIds.Passage(question, page, paragraph);
                    Put(index.TryGetValue(added, out var existing)
                        ? passages[existing] with { Decision = PassageDecisions.Accepted, Decided = true }
                        : new ReviewedPassage(added, question, d.Text, page, paragraph, [new Provenance(page, paragraph)], PassageSources.Analyst,
                            PassageDecisions.Accepted, Decided: true, New: false, Found: false, 1.0, themes.Match(d.Text)));
                    break;
                case ReviewAction.Note when d.Question is { } question:
                    notes[question] = d.Text;
                    break;
                case ReviewAction.Done:
                    var confirmed = new HashSet<string>(d.Seen, StringComparer.Ordinal);
                    for (var i = 0; i < passages.Count; i++)
                    {
                        if (passages[i].Decision == PassageDecisions.Pending && confirmed.Contains(passages[i].Id))
                        {
                            passages[i] = passages[i] with { Decision = PassageDecisions.Accepted };
                        }
                    }

                    break;
            }
        }

        var started = log.Decisions.Count > 0;
        return new ReviewedReport(log,
            [.. passages.Select(p => p with { New = started && p.Decision == PassageDecisions.Pending && p.Source == PassageSources.Machine && !seen.Contains(p.Id) })
                .OrderBy(p => p.Question)],
            notes);
    }

    /// <summary>A passage the current extraction no longer holds, rebuilt from the words the decision kept.</summary>
    private static ReviewedPassage FromDecision(ReviewDecision d, ThemeCatalog themes)
    {
        PassageIds.TryParsePassage(d.Passage, out var question, out var page, out var paragraph);
        return new ReviewedPassage(d.Passage, question, d.Text, page, paragraph, [new Provenance(page, paragraph)], PassageSources.Machine,
            PassageDecisions.Pending, Decided: false, New: false, Found: true, 1.0, themes.Match(d.Text));
    }
}
