using ReportPipeline.Core;
using System.Text.RegularExpressions;

namespace ReportPipeline.Extraction.Learned;

/// <summary>
/// What the model sees of one sentence and one question: the vocabulary's cue categories as amounts rather than rules,
/// the sentence's neighbours and the paragraph it sits in, where it stands in the document, the statement's own markers and
/// headings, and signs of framing (quoted Council text, dates, headings, quotation marks).
/// Every feature is language-neutral or names a language; none is a word of any text. The names are the model file's
/// contract: <see cref="ExtractionModel"/> refuses a file whose names differ from <see cref="Names"/>. The rules' own
/// decision (their classifier) is not a feature: the rules were tuned on the real texts the model learns from, where it is
/// nearly always right, so the model would trust it more than it deserves on new text.
/// </summary>
public static partial class PassageFeatures
{
    private static readonly string[] s_shared =
    [
        "own", "own.core", "other.max", "lead", "prev.own", "next.own", "unit.own", "unit.lead", "unit.share", "doc.max", "doc.best",
        "rule.marker", "rule.heading", "section.same", "section.other", "section.closed",
        "procedural", "deflected", "closing", "preamble", "closing.unit", "standalone", "first", "last", "position", "doc.start",
        "length", "short", "unit.sentences", "council.text", "digits", "heading.like", "quote.marks", "date",
        "addressee", "directive", "body", "relation", "meets", "procedural.weight", "addressed", "prev.procedural",
    ];

    /// <summary>How many of <see cref="s_shared"/> come first and depend on the question: <c>own</c> to <c>section.other</c>.</summary>
    private static readonly int s_questionDependent = Array.IndexOf(s_shared, "section.closed");

    private static readonly string[] s_perQuestion =
    [
        "bias", "own", "unit.own", "own.core", "addressee", "directive", "body", "relation", "meets", "rule.marker",
        "section.same", "procedural", "addressed", "lead", "doc.max",
    ];

    private static readonly string[] s_languages = ["ar", "en", "es", "fr", "ru", "zh"];

    /// <summary>The feature names, in the order of the vector.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        .. s_shared,
        .. Question.All.SelectMany(q => s_perQuestion.Select(f => $"{q}:{f}")),
        .. s_languages.Select(l => $"lang:{l}"),
    ];

    /// <summary>Where each feature of a question's block after its bias takes its value: the shared feature of the same name.</summary>
    private static readonly int[] s_blockSources = [.. s_perQuestion.Skip(1).Select(f => Array.IndexOf(s_shared, f))];

    public static int Count => Names.Count;

    /// <summary>Where the questions' blocks lie in the vector: for any one question, the other questions' blocks are zero.</summary>
    internal static Range Blocks { get; } = s_shared.Length..(s_shared.Length + (Question.Count * s_perQuestion.Length));

    /// <summary>Where the block of question <paramref name="q"/> lies in the vector.</summary>
    internal static Range Block(Question q) => (s_shared.Length + (q.Index * s_perQuestion.Length))..(s_shared.Length + ((q.Index + 1) * s_perQuestion.Length));

    /// <summary>Fills <paramref name="x"/> with the features of sentence <paramref name="s"/> of unit <paramref name="u"/> for question <paramref name="q"/>.</summary>
    internal static void Compute(ReadDocument doc, int u, int s, Question q, Span<double> x)
    {
        x.Clear();
        ComputeSentence(doc, u, s, x);
        ComputeQuestion(doc, u, s, q, x);
    }

    /// <summary>
    /// Fills the features of a sentence that are the same for every question, so that scoring computes them once per
    /// sentence rather than once per question; <see cref="ComputeQuestion"/> completes the vector.
    /// </summary>
    internal static void ComputeSentence(ReadDocument doc, int u, int s, Span<double> x)
    {
        var unit = doc.Units[u];
        var sentences = unit.Sentences;
        var sentence = sentences[s];
        var scores = sentence.Scores;
        var length = sentence.Length;
        var k = s_questionDependent;
        x[k++] = unit.Section == AnswerExtractor.Section.Closed ? 1 : 0;
        x[k++] = sentence.Procedural ? 1 : 0;
        x[k++] = unit.Deflected ? 1 : 0;
        x[k++] = scores[Cue.Closing] > 0 ? 1 : 0;
        x[k++] = unit.Unit.Preamble ? 1 : 0;
        x[k++] = unit.Unit.Closing ? 1 : 0;
        x[k++] = unit.Unit.Standalone ? 1 : 0;
        x[k++] = s == 0 ? 1 : 0;
        x[k++] = s == sentences.Count - 1 ? 1 : 0;
        x[k++] = doc.Units.Count > 1 ? (double)u / (doc.Units.Count - 1) : 0;
        x[k++] = u == 0 ? 1 : 0;
        x[k++] = Math.Log(1 + length) / 6;
        x[k++] = length < 60 ? 1 : 0;
        x[k++] = Log(sentences.Count) / 3;
        var signals = doc.Signals[u][s];
        for (var i = 0; i < TextSignals; i++)
        {
            x[k++] = (signals & (1 << i)) != 0 ? 1 : 0;
        }

        x[k++] = Log(scores[Cue.Addressee]);
        x[k++] = Log(scores[Cue.Directive]);
        x[k++] = Log(scores[Cue.Body]);
        x[k++] = Log(scores[Cue.Relation]);
        x[k++] = Log(scores[Cue.Meets]);
        x[k++] = Log(scores[Cue.Procedural]);
        x[k++] = scores[Cue.Addressee] > 0 && scores[Cue.Directive] > 0 ? 1 : 0;
        x[k] = s > 0 && sentences[s - 1].Procedural ? 1 : 0;

        var languages = x[Blocks.End..];
        languages.Clear();
        var language = Array.IndexOf(s_languages, doc.Language);
        if (language >= 0)
        {
            languages[language] = 1;
        }
    }

    /// <summary>
    /// Fills the features of question <paramref name="q"/> over those <see cref="ComputeSentence"/> filled: the shared ones
    /// that depend on the question, and its block; the other questions' blocks are left zero.
    /// </summary>
    internal static void ComputeQuestion(ReadDocument doc, int u, int s, Question q, Span<double> x)
    {
        var unit = doc.Units[u];
        var sentences = unit.Sentences;
        var scores = sentences[s].Scores;
        var qi = q.Index;
        var own = scores.Question(q);
        var otherMax = Other(scores, qi);
        var total = unit.Total;
        var unitOwn = total.Question(q);
        var unitOther = Other(total, qi);
        var rule = doc.Rules[u][s];
        var section = unit.Section;
        var k = 0;
        x[k++] = doc.LogOwn[u][(s * Question.Count) + qi];
        x[k++] = Log(scores[(Cue)qi]);
        x[k++] = Log(otherMax);
        x[k++] = Math.Clamp((own - otherMax) / 4, -1, 1);
        x[k++] = s > 0 ? doc.LogOwn[u][((s - 1) * Question.Count) + qi] : 0;
        x[k++] = s + 1 < sentences.Count ? doc.LogOwn[u][((s + 1) * Question.Count) + qi] : 0;
        x[k++] = doc.LogUnitOwn[u][qi];
        x[k++] = Math.Clamp((unitOwn - unitOther) / 6, -1, 1);
        x[k++] = total.MaxQuestion > 0 ? unitOwn / total.MaxQuestion : 0;
        x[k++] = doc.LogMax[qi];
        x[k++] = own > 0 && own >= doc.Max[qi] ? 1 : 0;
        x[k++] = rule.Marker(qi) ? 1 : 0;
        x[k++] = rule.Heading(qi) ? 1 : 0;
        x[k++] = section.Question == q ? 1 : 0;
        x[k] = section.Question is { } sq && sq != q ? 1 : 0;

        // The same signals once more for this question alone: what marks (c) (an addressee and a directive) is not what marks (d).
        x[Blocks].Clear();
        var block = x[Block(q)];
        block[0] = 1;
        for (var i = 0; i < s_blockSources.Length; i++)
        {
            block[i + 1] = x[s_blockSources[i]];
        }
    }

    /// <summary>How many of <see cref="Signals"/> there are.</summary>
    internal const int TextSignals = 5;

    /// <summary>
    /// What a sentence's text shows whatever the question, one bit each (bit 0 first): quoted Council text, many digits, a
    /// heading, quotation marks, a dateline. Bits, not an array, because every sentence has them.
    /// </summary>
    internal static byte Signals(ReadOnlySpan<char> text)
    {
        // Both patterns need a digit (or, for the Council, its symbol "S/"): most sentences have none and skip the regexes.
        var (digits, anyDigit) = Digits(text);
        return (byte)(Bit(0, (anyDigit || text.Contains("S/", StringComparison.Ordinal)) && CouncilText().IsMatch(text))
            | Bit(1, digits > 0.04)
            | Bit(2, TextUnits.LooksLikeHeading(text))
            | Bit(3, text.IndexOfAny("«»“”„\"「」『』") >= 0)
            | Bit(4, anyDigit && DatePattern().IsMatch(text)));
    }

    private static int Bit(int index, bool set) => set ? 1 << index : 0;

    internal static double Log(double value) => Math.Log(1 + Math.Max(0, value));

    private static double Other(CueScores scores, int question)
    {
        var max = 0.0;
        for (var i = 0; i < Question.Count; i++)
        {
            if (i != question)
            {
                max = Math.Max(max, scores.Question(Question.FromIndex(i)));
            }
        }

        return max;
    }

    /// <summary>The share of ASCII digits, and whether there is a digit of any script (what <c>\d</c> matches).</summary>
    private static (double Share, bool Any) Digits(ReadOnlySpan<char> text)
    {
        // Most sentences have no ASCII digit, and most have no character outside ASCII: vectorised searches skip the loops.
        var digits = 0;
        if (text.ContainsAnyInRange('0', '9'))
        {
            foreach (var c in text)
            {
                digits += char.IsAsciiDigit(c) ? 1 : 0;
            }
        }

        var any = digits > 0;
        var wide = text.IndexOfAnyExceptInRange('\0', '\u007F');
        for (var i = wide; !any && i >= 0 && i < text.Length; i++)
        {
            any = text[i] >= 128 && char.IsDigit(text[i]);
        }

        return (text.Length == 0 ? 0 : (double)digits / text.Length, any);
    }

    /// <summary>A Council document cited by its symbol or a resolution by number and year: the text quotes the Council.</summary>
    [GeneratedRegex(@"S/PRST|S/RES|\b\d{3,4}\s*\(\s*(19|20)\d\d\s*\)", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex CouncilText();

    /// <summary>A dateline: a day and a year around a month name, an ISO date, or a Chinese date.</summary>
    [GeneratedRegex(@"\b\d{1,2}\s+\p{L}{3,}\.?,?\s+(19|20)\d\d\b|\b(19|20)\d\d-\d\d-\d\d\b|(19|20)\d\d\s*年|\d{1,2}\s*月\s*\d{1,2}\s*日", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex DatePattern();
}
