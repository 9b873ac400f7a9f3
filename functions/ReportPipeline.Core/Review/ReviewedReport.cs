using ReportPipeline.Core.Reports;
using ReportPipeline.Core.Storage;

namespace ReportPipeline.Core.Review;

/// <summary>
/// One report's answers with its review applied: the machine's passages, then every decision of the log in order (a later
/// decision on a passage overrides an earlier one; nothing is removed from the log). The state's own indications (pointing to a
/// paragraph, withdrawing a passage) are rows of the same log; an analyst's later decision on the passage decides each. Pure.
/// </summary>
public sealed class ReviewedReport
{
    private ReviewedReport(ReviewLog log, IReadOnlyList<ReviewedPassage> passages, IReadOnlyDictionary<Question, string> notes, IReadOnlyList<StateIndication> indications)
    {
        Log = log;
        Passages = passages;
        Notes = notes;
        Indications = indications;
    }

    public ReviewLog Log { get; }

    /// <summary>Every passage under every question, by question then in the order the machine and the analysts gave them.</summary>
    public IReadOnlyList<ReviewedPassage> Passages { get; }

    public IReadOnlyDictionary<Question, string> Notes { get; }

    /// <summary>The state's indications, in the order it sent them, each with what an analyst made of it.</summary>
    public IReadOnlyList<StateIndication> Indications { get; }

    /// <summary><see cref="ReviewStatus.Machine"/>, <see cref="ReviewStatus.InReview"/> or <see cref="ReviewStatus.Reviewed"/>; staleness is the caller's to tell.</summary>
    /// <summary>
    /// <see cref="ReviewStatus.Machine"/> until an analyst decides something, <see cref="ReviewStatus.Reviewed"/> while the last row is
    /// "done", else <see cref="ReviewStatus.InReview"/>, so a state's indication after "done" reopens the review. Staleness is the caller's to tell.
    /// </summary>
    public string Status => !Log.Decisions.Any(d => !IsState(d.Action)) ? ReviewStatus.Machine
        : Log.Decisions[^1].Action == ReviewAction.Done ? ReviewStatus.Reviewed : ReviewStatus.InReview;

    /// <summary>Whether the survey takes this report's answers from the review: it was marked done at least once.</summary>
    public bool Counts => Log.LastDone is not null;

    public IEnumerable<ReviewedPassage> Accepted => Passages.Where(p => p.Decision == PassageDecisions.Accepted);

    /// <summary>Whether the row is the state's own (sent through the portal with its upload key) rather than an analyst's.</summary>
    public static bool IsState(ReviewAction action) => action is ReviewAction.Point or ReviewAction.Withdraw;

    /// <summary>
    /// The passages the survey counts once the review was marked done: the accepted ones, less those a state's withdrawal in effect
    /// takes out, with the paragraphs a state's indication in effect points to (see <see cref="InEffect"/>).
    /// </summary>
    public IEnumerable<ReviewedPassage> Counted(StateIndicationCounting counting)
    {
        var withdrawn = InEffect(IndicationKinds.Withdraw, counting);
        var pointed = InEffect(IndicationKinds.Point, counting);
        return Passages.Where(p => !withdrawn.Contains(p.Id) && (p.Decision == PassageDecisions.Accepted || pointed.Contains(p.Id)));
    }

    /// <summary>
    /// The passages named by the state's indications of <paramref name="kind"/> that count: those an analyst accepted, and with
    /// <see cref="StateIndicationCounting.UntilDecided"/> those still pending.
    /// </summary>
    public IReadOnlySet<string> InEffect(string kind, StateIndicationCounting counting) =>
        Indications.Where(i => i.Kind == kind && (i.Decision == PassageDecisions.Accepted || (i.Decision == PassageDecisions.Pending && counting == StateIndicationCounting.UntilDecided)))
            .Select(i => i.Passage).ToHashSet(StringComparer.Ordinal);

    /// <summary>The id of a machine answer: its question and the first paragraph it came from.</summary>
    public static string MachineId(StoredAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var (page, paragraph) = Place(answer);
        return PassageIds.Passage(answer.Question, page, paragraph);
    }

    /// <summary>Where a machine answer stands: the first paragraph it came from, or its sequence when it has no provenance.</summary>
    private static (int Page, int Paragraph) Place(StoredAnswer answer) =>
        answer.Provenance.Count > 0 ? (answer.Provenance[0].Page, answer.Provenance[0].Paragraph) : (0, answer.Sequence);

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
            var id = MachineId(a);
            var (page, paragraph) = Place(a);
            if (!index.ContainsKey(id))
            {
                Put(new ReviewedPassage(id, a.Question, a.Text, page, paragraph, a.Provenance, PassageSources.Machine, PassageDecisions.Pending,
                    Decided: false, New: false, Found: true, a.Confidence, a.Themes));
            }
        }

        ReviewedPassage Find(ReviewDecision d) => index.TryGetValue(d.Passage, out var at) ? passages[at] : FromDecision(d, themes);
        var notes = new Dictionary<Question, string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var indications = new List<StateIndication>();

        // An analyst's decision on a passage decides the state's pending indications on it: a pointed paragraph is accepted with
        // the passage, a withdrawal is accepted when the passage is not.
        void Decide(string id, bool passageAccepted, ReviewDecision d)
        {
            for (var i = 0; i < indications.Count; i++)
            {
                if (indications[i].Passage == id && indications[i].Decision == PassageDecisions.Pending)
                {
                    var agreed = (indications[i].Kind == IndicationKinds.Point) == passageAccepted;
                    indications[i] = indications[i] with { Decision = agreed ? PassageDecisions.Accepted : PassageDecisions.Rejected, DecidedBy = d.ByName, DecidedAt = d.At };
                }
            }
        }

        foreach (var d in log.Decisions)
        {
            seen.UnionWith(d.Seen);
            switch (d.Action)
            {
                case ReviewAction.Accept or ReviewAction.Reject:
                    Put(Find(d) with { Decision = d.Action == ReviewAction.Accept ? PassageDecisions.Accepted : PassageDecisions.Rejected, Decided = true });
                    Decide(d.Passage, d.Action == ReviewAction.Accept, d);
                    break;
                case ReviewAction.Move or ReviewAction.Copy when d.Question is { } target:
                    var source = Find(d);
                    Put(source with { Decision = d.Action == ReviewAction.Move ? PassageDecisions.Rejected : PassageDecisions.Accepted, Decided = true });
                    var id = PassageIds.Passage(target, source.Page, source.Paragraph);
                    Put(index.TryGetValue(id, out var at)
                        ? passages[at] with { Decision = PassageDecisions.Accepted, Decided = true }
                        : source with { Id = id, Question = target, Decision = PassageDecisions.Accepted, Decided = true, Found = false });
                    Decide(source.Id, d.Action == ReviewAction.Copy, d);
                    Decide(id, passageAccepted: true, d);
                    break;
                case ReviewAction.Add when d.Question is { } question && PassageIds.TryParseParagraph(d.Paragraph, out var page, out var paragraph):
                    var added = PassageIds.Passage(question, page, paragraph);
                    Put(index.TryGetValue(added, out var existing)
                        ? passages[existing] with { Decision = PassageDecisions.Accepted, Decided = true }
                        : new ReviewedPassage(added, question, d.Text, page, paragraph, [new Provenance(page, paragraph)], PassageSources.Analyst,
                            PassageDecisions.Accepted, Decided: true, New: false, Found: false, 1.0, themes.Match(d.Text)));
                    Decide(added, passageAccepted: true, d);
                    break;
                case ReviewAction.Point when d.Question is { } question && PassageIds.TryParseParagraph(d.Paragraph, out var page, out var paragraph):
                    var pointed = PassageIds.Passage(question, page, paragraph);
                    if (!index.ContainsKey(pointed))
                    {
                        Put(new ReviewedPassage(pointed, question, d.Text, page, paragraph, [new Provenance(page, paragraph)], PassageSources.State,
                            PassageDecisions.Pending, Decided: false, New: false, Found: false, 1.0, themes.Match(d.Text)));
                    }

                    indications.Add(new StateIndication(IndicationKinds.Point, pointed, question, page, paragraph, d.Text, d.Revision, d.ById, d.ByName, d.At,
                        PassageDecisions.Pending, null, null));
                    break;
                case ReviewAction.Withdraw when PassageIds.TryParsePassage(d.Passage, out var question, out var page, out var paragraph):
                    indications.Add(new StateIndication(IndicationKinds.Withdraw, d.Passage, question, page, paragraph, d.Text, d.Revision, d.ById, d.ByName, d.At,
                        PassageDecisions.Pending, null, null));
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

        var started = log.Decisions.Any(d => !IsState(d.Action));
        return new ReviewedReport(log,
            [.. passages.Select(p => p with { New = started && p.Decision == PassageDecisions.Pending && p.Source == PassageSources.Machine && !seen.Contains(p.Id) })
                .OrderBy(p => p.Question)],
            notes,
            indications);
    }

    /// <summary>A passage the current extraction no longer holds, rebuilt from the words the decision kept.</summary>
    private static ReviewedPassage FromDecision(ReviewDecision d, ThemeCatalog themes)
    {
        PassageIds.TryParsePassage(d.Passage, out var question, out var page, out var paragraph);
        return new ReviewedPassage(d.Passage, question, d.Text, page, paragraph, [new Provenance(page, paragraph)], PassageSources.Machine,
            PassageDecisions.Pending, Decided: false, New: false, Found: true, 1.0, themes.Match(d.Text));
    }
}
