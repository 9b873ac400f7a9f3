using ReportPipeline.Core;
using ReportPipeline.Core.Languages;
using ReportPipeline.Core.Reports;

namespace ReportPipeline.Extraction;

/// <summary>
/// Finds the answers to the four guiding questions, strongest evidence first: explicit markers, then headings that
/// paraphrase a question, then a vocabulary classifier over sentences for free prose. Procedural speech (greetings,
/// thanks, condolences, condemnation, history, closing formulas) and deflected questions answer nothing.
/// </summary>
public sealed class AnswerExtractor(ThemeCatalog themes) : IAnswerExtractor
{
    /// <summary>
    /// The version of these rules. Raise it with every change that alters what is extracted, so stored reports are
    /// extracted again (<c>reprocess --stale</c>); ExtractorVersionTests fails until it is raised.
    /// </summary>
    public const string ExtractorVersion = "rules-5";

    /// <summary>Least evidence for a free-prose paragraph to answer a question.</summary>
    internal const double ParagraphThreshold = 3.0;

    /// <summary>Least evidence for one sentence to answer a question other than its paragraph's.</summary>
    internal const double SentenceThreshold = 2.5;

    /// <summary>How much more the paragraph's first substantive sentence counts.</summary>
    internal const double TopicWeight = 1.5;

    /// <summary>How far a sentence must lead its runner-up to be set apart for a second question.</summary>
    internal const double SentenceMargin = 1.0;

    /// <summary>How much more evidence prose needs where the speaker is not answering (see <see cref="Threshold"/>).</summary>
    internal const double Wariness = 2.0;

    /// <summary>A line this short that ends no sentence is page furniture (a menu, "SHARE", a date, a byline), never half a sentence.</summary>
    internal const int ShortLine = 40;

    /// <summary>Least evidence for a prose paragraph to join a question that another paragraph answers.</summary>
    internal const double IncludeThreshold = 2.0;

    /// <summary>A paragraph answers a second question when that question has at least this share of its leading one's evidence.</summary>
    internal const double DetectShare = 0.5;

    /// <summary>
    /// A paragraph joins a second question's answer, once some paragraph has answered it, when that question has at least this
    /// share of its leading one's evidence: a passage about one question often names another's words in passing ("we need training").
    /// </summary>
    internal const double CoLabelShare = 0.7;

    /// <summary>Evidence enough for a question in its own right, however much more another question has in the same paragraph.</summary>
    internal const double OwnRight = 2 * ParagraphThreshold;

    /// <summary>Least evidence for a sentence of a long paragraph to count as speaking to a question.</summary>
    internal const double SentenceFloor = 1.0;

    /// <summary>Paragraphs longer than this (a whole press article in one block) give each question only its own sentences.</summary>
    internal const int LongParagraphSentences = 6;

    /// <summary>The state itself put the passage under the question, and the passage has words for it: the surest evidence.</summary>
    internal const double MarkerConfidence = 0.95;

    /// <summary>A marker alone, or a heading that paraphrases the question over words for it: placed by the text's structure.</summary>
    internal const double StructureConfidence = 0.85;

    /// <summary>A heading over a passage with no word for its question: the heading may have stopped governing.</summary>
    internal const double HeadingOnlyConfidence = 0.7;

    /// <summary>What the classifier's confidence starts from, and its floor: prose placed by vocabulary alone.</summary>
    internal const double ClassifierBase = 0.35;

    /// <summary>How much each unit of evidence for the question adds to the classifier's confidence.</summary>
    internal const double ClassifierPerEvidence = 0.06;

    /// <summary>How much each unit of lead over the runner-up question adds: a clear winner is surer than a close call.</summary>
    internal const double ClassifierPerMargin = 0.05;

    /// <summary>The classifier's ceiling: vocabulary never counts for as much as a marker the state wrote.</summary>
    internal const double ClassifierCeiling = 0.9;

    /// <summary>Headings, or the sections they open, organise a statement only when they name at least this many questions.</summary>
    internal const int StructuringQuestions = 2;

    /// <summary>A bare marker ("(a)" on its own) opens a section only when the statement has at least this many of them.</summary>
    internal const int BareMarkersNeeded = 2;

    /// <summary>How many of an addressed statement's last paragraphs may be its closing courtesies.</summary>
    internal const int ClosingParagraphs = 2;

    /// <summary>Longest body line, in characters, that can be read as an undecorated heading.</summary>
    internal const int HeadingMaxLength = 80;

    /// <summary>The share of the previous sentence's evidence a sentence carries on.</summary>
    internal const double CarriedContext = 0.5;

    string IAnswerExtractor.ExtractorVersion => ExtractorVersion;

    public Task<ExtractedReport> ExtractAsync(LayoutDocument document, CancellationToken cancellationToken) => Task.FromResult(Extract(document));

    public ExtractedReport Extract(LayoutDocument document)
    {
        var analysis = Analyse(document);
        var answers = Merge(analysis.Assignments);
        return new ExtractedReport(analysis.Language, analysis.Pages, answers, ThemeCatalog.Summarise(answers), answers.Count == 0 ? [ExtractionWarnings.NoAnswers] : [])
        {
            ExtractorVersion = ExtractorVersion,
        };
    }

    /// <summary>What the rules read on the way to their answers: the units, their sentences and evidence, and the passages each question took.</summary>
    internal Analysis Analyse(LayoutDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var paragraphs = document.ContentParagraphs.Where(p => p.Role != ParagraphRole.Footnote && p.Text.Length > 0).ToList();
        var language = document.Language is { Length: > 0 } and not LanguageDetector.Undetermined
            ? document.Language
            : LanguageDetector.Detect(string.Join('\n', paragraphs.Select(p => p.Text)));
        var lexicon = Lexicon.For(language);

        var units = Structure(paragraphs, lexicon).Select(u => Read(u, lexicon)).ToList();
        var detected = Detect(units);
        var assignments = new List<Assignment>();
        foreach (var unit in units)
        {
            Classify(unit, detected, assignments);
        }

        return new Analysis(language, document.Pages, units, assignments);
    }

    /// <summary>Walks the paragraphs once, tracking the question the latest marker or heading put in force.</summary>
    private static List<Unit> Structure(List<LayoutParagraph> paragraphs, Lexicon lexicon)
    {
        var texts = paragraphs.Select(p => TextUnits.StripDecoration(p.Text)).ToList();
        var markers = texts.Select(t => (Found: QuestionMarkers.TryMatch(t, out var q, out var rest, out var bare), Question: q, Remainder: rest, Bare: bare)).ToList();
        var bareMarkers = markers.Where(m => m.Found && m.Bare).Select(m => m.Question).Distinct().Count();
        var headings = paragraphs
            .Select((p, i) => !IsHeading(paragraphs, texts, i) ? null : p.Role == ParagraphRole.Title ? Section.None : HeadingSection(TextUnits.HeadingWords(texts[i]), lexicon))
            .ToList();

        // Headings organise a statement only when they name at least two questions; otherwise (a press release's title and
        // subtitle, a page's navigation) they are lines of the text, read like any other.
        var structured = headings.Where(h => h?.Question is not null).Select(h => h!.Question).Distinct().Count() >= StructuringQuestions;
        var units = new List<Unit>();
        Section section = Section.None;
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var paragraph = paragraphs[i];
            var text = texts[i];
            var isLast = i == paragraphs.Count - 1;
            var (found, question, rest, bare) = markers[i];
            if (found && (!bare || bareMarkers >= BareMarkersNeeded))
            {
                section = new Section(question, ExtractionMethods.Marker);
                if (rest.Length == 0 || (TextUnits.LooksLikeHeading(rest) && !isLast))
                {
                    continue;
                }

                units.Add(new Unit(paragraph, rest, section, SectionStart: true));
                continue;
            }

            if (headings[i] is { } heading)
            {
                if (structured || heading == Section.Closed)
                {
                    section = heading;
                    continue;
                }

                units.Add(new Unit(paragraph, text, section, SectionStart: false) { Standalone = true });
                continue;
            }

            if (QuestionMarkers.TryMatchOrdinal(text, out var ordinal))
            {
                section = new Section(ordinal, ExtractionMethods.Marker);
                units.Add(new Unit(paragraph, text, section, SectionStart: true));
                continue;
            }

            var address = TextUnits.OpensWithAddress(text);
            if (address)
            {
                // "Mr. President, …" turns a page: the marker or heading above no longer speaks for what follows.
                section = Section.None;
            }

            // A body paragraph that continues an unfinished sentence (a PDF line, a page break) joins the one before; a short
            // line before it ("SHARE", a date, a byline) is no sentence to continue.
            if (units.Count > 0 && units[^1] is { Standalone: false } prior && prior.Section == section && prior.Last.Index == paragraphs[i - 1].Index
                && prior.Last.Role == ParagraphRole.Body && paragraph.Role == ParagraphRole.Body && !TextUnits.EndsSentence(prior.Text)
                && texts[i - 1].Length > ShortLine)
            {
                units[^1] = prior with { Text = prior.Text + " " + text, More = [.. prior.More, paragraph] };
                continue;
            }

            units.Add(new Unit(paragraph, text, section, SectionStart: false) { Closing = address && paragraphs.Count - i <= ClosingParagraphs });
        }

        var sections = units.Select(u => u.Section).Where(x => x.Question is not null).Distinct().Count();
        if (sections >= StructuringQuestions)
        {
            var first = units.FindIndex(u => u.Section.Question is not null);
            for (var i = 0; i < first; i++)
            {
                units[i] = units[i] with { Preamble = units[i].Section == Section.None };
            }
        }

        return units;
    }

    private static bool IsHeading(List<LayoutParagraph> paragraphs, List<string> texts, int i) =>
        paragraphs[i].IsHeading || (paragraphs[i].Role == ParagraphRole.Body && i < paragraphs.Count - 1 && TextUnits.LooksLikeHeading(texts[i])
            && (TextUnits.IsDecoratedHeading(paragraphs[i].Text)
                || ((i == 0 || TextUnits.EndsSentence(texts[i - 1]) || paragraphs[i - 1].IsHeading) && texts[i].Length <= HeadingMaxLength && !TextUnits.StartsLower(texts[i + 1]))));

    private static Section HeadingSection(string heading, Lexicon lexicon)
    {
        if (QuestionMarkers.TryMatch(heading, out var marked, out _))
        {
            return new Section(marked, ExtractionMethods.Marker);
        }

        var scores = lexicon.Score(heading);
        var (question, score, margin) = scores.BestMention();
        if (scores[Cue.NullHeading] > 0)
        {
            return Section.Closed;
        }

        // A heading that names no question ("Statement by the Minister", "Our national experience") leaves prose to the classifier.
        if (scores[Cue.Procedural] >= score || score < 1 || margin <= 0)
        {
            return Section.None;
        }

        return new Section(question, ExtractionMethods.Heading);
    }

    /// <summary>Scores every sentence of a unit; the first substantive sentence usually states the paragraph's topic.</summary>
    private static ReadUnit Read(Unit unit, Lexicon lexicon)
    {
        var bounds = TextUnits.Sentences(unit.Text);
        var sentences = new List<Sentence>(bounds.Count);
        var total = new CueScores();
        var closing = false;
        var deflected = false;
        var topic = true;
        foreach (var (start, length) in bounds)
        {
            var scores = lexicon.Score(unit.Text.AsSpan(start, length));
            closing |= scores[Cue.Closing] > 0;
            deflected |= scores[Cue.Deflection] > 0;
            var procedural = scores[Cue.Deflection] > 0 || (scores[Cue.Procedural] > 0 && scores[Cue.Procedural] > scores.MaxQuestion);
            if (!procedural)
            {
                total.AddQuestions(scores, topic ? TopicWeight : 1);
                topic = false;
            }

            sentences.Add(new Sentence(start, length, scores, procedural));
        }

        // "In conclusion…": the marker or heading above no longer speaks for this paragraph.
        var section = closing && !unit.SectionStart ? Section.Closed : unit.Section;
        return new ReadUnit(unit, section, sentences, total, deflected);
    }

    /// <summary>
    /// The questions that free prose answers somewhere: some paragraph gives the question enough evidence, and no less
    /// than a share of its leading question's. Only then do weaker paragraphs join the question's answer.
    /// </summary>
    private static bool[] Detect(List<ReadUnit> units)
    {
        var detected = new bool[Question.Count];
        foreach (var u in units.Where(u => u.Section.Question is null && !u.Deflected && u.Sentences.Any(s => !s.Procedural)))
        {
            for (var q = 0; q < detected.Length; q++)
            {
                detected[q] |= Answers(u, Question.All[q]);
            }
        }

        return detected;
    }

    /// <summary>Whether a prose paragraph answers a question by itself: enough evidence, and no less than a share of its leading question's.</summary>
    private static bool Answers(ReadUnit read, Question question) =>
        read.Total.Question(question) is var score && score >= Threshold(read) && score >= DetectShare * read.Total.MaxQuestion;

    private static void Classify(ReadUnit read, bool[] detected, List<Assignment> assignments)
    {
        var (unit, section, sentences, total, deflected) = read;
        var substantive = sentences.Where(s => !s.Procedural).ToList();
        if (substantive.Count == 0)
        {
            return;
        }

        if (section.Question is null)
        {
            Prose(read, detected, substantive, assignments);
            return;
        }

        var sq = section.Question.Value;
        if (deflected && total.Question(sq) < ParagraphThreshold)
        {
            return;
        }

        var (best, bestScore, bestMargin) = total.Best();
        var primary = sq;
        var method = section.Method;

        // A paragraph with no word for its section's question but plenty for another has drifted off it.
        if (total.Question(sq) == 0 && bestScore >= ParagraphThreshold + 1 && best != sq)
        {
            primary = best;
            method = ExtractionMethods.Classifier;
        }

        var confidence = method switch
        {
            ExtractionMethods.Marker => total.Question(primary) > 0 ? MarkerConfidence : StructureConfidence,
            ExtractionMethods.Heading => total.Question(primary) > 0 ? StructureConfidence : HeadingOnlyConfidence,
            _ => ClassifierConfidence(bestScore, bestMargin),
        };

        var secondary = SetApart(substantive, primary);
        var taken = secondary.Values.SelectMany(l => l).ToHashSet();
        var rest = substantive.Where(s => !taken.Contains(s)).ToList();
        if (rest.Count > 0 && (method != ExtractionMethods.Classifier || rest.Sum(s => s.Scores.Question(primary)) >= SentenceThreshold))
        {
            assignments.Add(new Assignment(primary, unit, Join(unit.Text, rest, sentences, taken), method, confidence));
        }

        foreach (var (q, list) in secondary)
        {
            var score = list.Sum(s => s.Scores.Question(q));
            var margin = score - list.Sum(s => s.Scores.Question(primary));
            assignments.Add(new Assignment(q, unit, Join(unit.Text, list, sentences, [.. substantive.Where(x => !list.Contains(x))]), ExtractionMethods.Classifier,
                ClassifierConfidence(score, margin)));
        }
    }

    /// <summary>
    /// The sentences that clearly serve another question than the paragraph's. A sentence leans towards its neighbour's topic
    /// ("Challenges remain. The first is…"), so half the previous sentence's evidence is added before deciding.
    /// </summary>
    private static Dictionary<Question, List<Sentence>> SetApart(List<Sentence> substantive, Question primary)
    {
        var secondary = new Dictionary<Question, List<Sentence>>();
        CueScores? previous = null;
        var scores = new CueScores();
        foreach (var s in substantive)
        {
            scores.Clear();
            scores.AddQuestions(s.Scores);
            if (previous is not null)
            {
                scores.AddQuestions(previous, CarriedContext);
            }

            previous = s.Scores;
            var (q, score, margin) = scores.Best();
            var own = scores.Question(primary);
            var separate = score >= SentenceThreshold && margin >= SentenceMargin && score - own >= 1.5 * SentenceMargin;
            if (q != primary && separate)
            {
                (secondary.TryGetValue(q, out var list) ? list : secondary[q] = []).Add(s);
            }
        }

        return secondary;
    }

    /// <summary>
    /// Free prose: the paragraph goes to every detected question it gives enough evidence, so that a passage serving two
    /// questions answers both: whole to the question it leads, as the stretch of sentences that speak to it to any other
    /// (and to every question when the paragraph is long, a whole press article in one block).
    /// </summary>
    private static void Prose(ReadUnit read, bool[] detected, List<Sentence> substantive, List<Assignment> assignments)
    {
        if (read.Deflected)
        {
            return;
        }

        var best = read.Total.MaxQuestion;
        var setApart = SetApart(substantive, read.Total.Best().Question);
        for (var q = 0; q < detected.Length; q++)
        {
            if (!detected[q])
            {
                continue;
            }

            var question = Question.All[q];
            var score = read.Total.Question(question);
            var joins = score >= IncludeThreshold + Caution(read) && (score >= CoLabelShare * best || score >= OwnRight);
            if (!joins && !Answers(read, question))
            {
                if (setApart.TryGetValue(question, out var apart))
                {
                    // One sentence of a paragraph about something else speaks clearly to the question: it alone answers.
                    var own = apart.Sum(s => s.Scores.Question(question));
                    assignments.Add(new Assignment(question, read.Unit, Join(read.Unit.Text, apart, read.Sentences, [.. substantive.Except(apart)]),
                        ExtractionMethods.Classifier, ClassifierConfidence(own, own - apart.Sum(s => s.Scores.MaxQuestion - s.Scores.Question(question)))));
                }

                continue;
            }

            // The paragraph's leading question takes it whole; another takes the stretch of sentences that speak to it.
            var serving = substantive.Where(s => s.Scores.Question(question) >= SentenceFloor).ToList();
            var whole = serving.Count == 0 || (score >= best && substantive.Count <= LongParagraphSentences);
            var text = whole ? read.Unit.Text : read.Unit.Text[serving[0].Start..(serving[^1].Start + serving[^1].Length)];
            var runnerUp = Question.All.Where(k => k != question).Max(k => read.Total.Question(k));
            assignments.Add(new Assignment(question, read.Unit, text, ExtractionMethods.Classifier, ClassifierConfidence(score, score - runnerUp)));
        }
    }

    /// <summary>
    /// Prose needs stronger evidence where the speaker is not answering: before the first marker or heading of a
    /// structured statement, after a heading such as "Conclusion", and in a closing "Mr. President, …" paragraph.
    /// </summary>
    private static double Threshold(ReadUnit read) => ParagraphThreshold + Caution(read);

    private static double Caution(ReadUnit read) =>
        read.Unit.Preamble || read.Unit.Closing || read.Section.Method == ExtractionMethods.Heading ? Wariness : 0;

    private static double ClassifierConfidence(double score, double margin) =>
        Math.Round(Math.Clamp(ClassifierBase + (ClassifierPerEvidence * score) + (ClassifierPerMargin * margin), ClassifierBase, ClassifierCeiling), 2);

    /// <summary>
    /// The text of the chosen sentences: everything from the first to the last when nothing between them went to another
    /// question (a procedural aside inside an answer stays with it), else the chosen sentences alone.
    /// </summary>
    private static string Join(string text, List<Sentence> chosen, List<Sentence> all, HashSet<Sentence> taken)
    {
        var first = all.IndexOf(chosen[0]);
        var last = all.IndexOf(chosen[^1]);
        return all.Skip(first).Take(last - first + 1).Any(taken.Contains)
            ? string.Join(" ", chosen.Select(s => text.Substring(s.Start, s.Length)))
            : text[chosen[0].Start..(chosen[^1].Start + chosen[^1].Length)];
    }

    /// <summary>Consecutive paragraphs given to the same question by the same evidence become one answer.</summary>
    private List<ExtractedAnswer> Merge(List<Assignment> assignments)
    {
        var answers = new List<ExtractedAnswer>();
        foreach (var group in assignments.GroupBy(a => a.Question).OrderBy(g => g.Key))
        {
            var run = new List<Assignment>();
            foreach (var a in group)
            {
                if (run.Count > 0 && (a.Method != run[^1].Method || a.Unit.Paragraph.Index != NextIndex(run[^1]) || a.Unit.Section != run[^1].Unit.Section))
                {
                    answers.Add(Build(run));
                    run.Clear();
                }

                run.Add(a);
            }

            if (run.Count > 0)
            {
                answers.Add(Build(run));
            }
        }

        return [.. answers.OrderBy(a => a.Provenance[0].Page).ThenBy(a => a.Provenance[0].Paragraph).ThenBy(a => a.Question)];
    }

    private static int NextIndex(Assignment a) => a.Unit.Last.Index + 1;

    private ExtractedAnswer Build(List<Assignment> run)
    {
        var text = string.Join("\n\n", run.Select(r => r.Text));
        return new ExtractedAnswer(run[0].Question, text, Math.Round(run.Average(r => r.Confidence), 2), run[0].Method,
            [.. run.SelectMany(r => r.Unit.Paragraphs).Select(p => new Provenance(p.Page, p.Index)).Distinct()], themes.Match(text));
    }

    internal sealed record Section(Question? Question, string Method)
    {
        public static Section None { get; } = new(null, "");

        public static Section Closed { get; } = new(null, ExtractionMethods.Heading);
    }

    internal sealed record Unit(LayoutParagraph Paragraph, string Text, Section Section, bool SectionStart)
    {
        public bool Preamble { get; init; }

        /// <summary>Paragraphs after the first that continue its sentence.</summary>
        public IReadOnlyList<LayoutParagraph> More { get; init; } = [];

        public LayoutParagraph Last => More.Count > 0 ? More[^1] : Paragraph;

        public IEnumerable<LayoutParagraph> Paragraphs => [Paragraph, .. More];

        /// <summary>One of the last paragraphs, opening with an address to the presidency: the speaker is closing.</summary>
        public bool Closing { get; init; }

        /// <summary>A heading-like line read as text: it stands alone and no following line joins it.</summary>
        public bool Standalone { get; init; }
    }

    internal sealed record ReadUnit(Unit Unit, Section Section, List<Sentence> Sentences, CueScores Total, bool Deflected);

    internal sealed record Sentence(int Start, int Length, CueScores Scores, bool Procedural);

    internal sealed record Assignment(Question Question, Unit Unit, string Text, string Method, double Confidence);

    internal sealed record Analysis(string Language, int Pages, List<ReadUnit> Units, List<Assignment> Assignments);
}
