using System.Buffers;
using System.Collections.Concurrent;
using ReportPipeline.Core.Languages;

namespace ReportPipeline.Extraction;

/// <summary>A language's question vocabulary compiled into one matcher. Built once per language, then shared.</summary>
public sealed class Lexicon
{
    private static readonly ConcurrentDictionary<string, Lexicon> s_cache = new(StringComparer.Ordinal);

    /// <summary>
    /// What a recommendation addressed to the Council, its committees or CTED weighs for (c), whoever voices it ("the Council
    /// should", "delegates called on the Committee to", "pidieron al Comité que"): the question is about what they should do.
    /// </summary>
    internal const double AddressedDirective = 3.0;

    /// <summary>What two entities of the UN architecture named in one sentence weigh for (d), beside their context.</summary>
    internal const double BodyPair = 2.0;

    /// <summary>The longest ending a word marked <see cref="QuestionVocabulary.AnyEnding"/> takes ("-ими", "-ionales").</summary>
    private const int MaxEnding = 8;

    /// <summary>The longest span folded on the stack rather than in a pooled buffer: most sentences.</summary>
    private const int StackFolded = 512;

    [ThreadStatic]
    private static Scratch? t_scratch;

    /// <summary>
    /// Whether the language's words are separated by spaces (<see cref="QuestionVocabulary.IsSpaced"/>): an unspaced language's
    /// text is folded without them, since Arabic pages often run words together ("الاممالمتحدة") and a term must match either way.
    /// </summary>
    private readonly bool _spaced;
    /// <summary>
    /// How near (in folded characters) a directive must stand to its addressee to be asked of it: a few words in spaced
    /// languages ("call on the Council to"), a few characters in Chinese, where one character is a word, and a little more
    /// in Arabic, whose words lose their spaces when folded. Each profile gives its own.
    /// </summary>
    private readonly int _addressWindow;
    private readonly ScriptVariants _variants;
    private readonly VocabularyTerm[] _terms;
    private readonly Piece[] _pieces;
    private readonly TermMatcher _matcher;

    /// <summary>How far past its first letter a term found can end: its length, and room for the endings of a phrase's words.</summary>
    private readonly int _reach;

    private Lexicon(string language)
    {
        var profile = LanguageProfiles.Embedded.Get(language);
        _spaced = QuestionVocabulary.IsSpaced(language);
        _addressWindow = profile.Vocabulary.AddressWindow;
        _variants = profile.Variants;

        // Terms are read through the same variant map as text; two that become one count once, at the higher weight.
        _terms = [.. QuestionVocabulary.For(language).Select(t => t with { Text = _variants.Canonical(t.Text) })
            .GroupBy(t => (t.Text, t.Cue)).Select(g => g.MaxBy(t => t.Weight)!)];
        var words = _terms.Select(t => t.Text.Split(QuestionVocabulary.AnyEnding)).ToList();
        _pieces = [.. words.SelectMany((w, term) => w.Select((text, k) => new Piece(term, k, k == w.Length - 1, text.Length)))];
        _matcher = new TermMatcher([.. words.SelectMany(w => w)]);
        _reach = words.Max(w => w.Sum(text => text.Length) + (MaxEnding * (w.Length - 1)));
    }

    /// <summary>The lexicon of a language (English for one without a vocabulary).</summary>
    public static Lexicon For(string language) =>
        s_cache.GetOrAdd(LanguageProfiles.Embedded.GetOrReference(language).Code, l => new Lexicon(l));

    /// <summary>Scores a span of raw text; a term found inside a longer term found at the same place counts once, as the longer.</summary>
    public CueScores Score(ReadOnlySpan<char> text)
    {
        // Folded on the stack (a long span in a pooled buffer) and scanned as it is folded: scoring runs once per sentence of
        // every report. A text that holds a variant spelling is scanned again as the vocabulary spells it.
        var rented = text.Length <= StackFolded ? null : ArrayPool<char>.Shared.Rent(text.Length + 2);
        try
        {
            var buffer = rented ?? stackalloc char[StackFolded + 2];
            var scratch = t_scratch ??= new Scratch();
            scratch.Clear();
            ReadOnlySpan<char> folded = buffer[.._matcher.FoldAndScan(text, buffer, _spaced, _variants, scratch.Found)];
            if (_variants.Respelled(folded) is { } respelled)
            {
                folded = respelled;
                scratch.Found.Clear();
                _matcher.Scan(folded, scratch.Found);
            }

            return Score(folded, scratch);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Scores folded text from the term pieces found in it (<see cref="Scratch.Found"/>).</summary>
    private CueScores Score(ReadOnlySpan<char> folded, Scratch scratch)
    {
        var matches = scratch.Matches;
        Assemble(folded, scratch.Found, matches, scratch.Open);
        var scores = new CueScores();
        var seen = scratch.Seen;
        var addressees = scratch.Addressees;
        var directives = scratch.Directives;
        for (var i = 0; i < matches.Count; i++)
        {
            var (id, start, end) = matches[i];

            // Matches come in order of their end, so a longer term covering this one ends here or a little later.
            var inside = false;
            for (var j = i - 1; j >= 0 && matches[j].End == end && !inside; j--)
            {
                inside = Covers(matches[j], start, end);
            }

            for (var j = i + 1; j < matches.Count && matches[j].End - start <= _reach && !inside; j++)
            {
                inside = Covers(matches[j], start, end);
            }

            if (inside)
            {
                continue;
            }

            if (_terms[id].Cue is Cue.Addressee && _terms[id].Weight > 0)
            {
                addressees.Add((start, end));
            }
            else if (_terms[id].Cue is Cue.Directive && _terms[id].Weight > 0)
            {
                directives.Add((start, end));
            }

            if (seen.Add(id))
            {
                scores.Add(_terms[id].Cue, _terms[id].Weight);
            }
        }

        // Entities of the architecture are context for (d). Two of them in one sentence speak of how they relate; the Council's
        // own committees and CTED weigh half, as they are named together often ("the Committee and its Executive Directorate"),
        // so they need a word that relates them ("between", "jointly").
        var bodies = scores[Cue.Body];
        scores.AddContext(Cue.D, bodies);
        if (bodies >= 2 || (bodies >= 1 && scores[Cue.Relation] > 0))
        {
            scores.Add(Cue.D, BodyPair);
        }

        if (Addressed(addressees, directives))
        {
            scores.Add(Cue.C, AddressedDirective);
        }

        return scores;
    }

    /// <summary>Whether a directive stands within the address window of an addressee.</summary>
    private bool Addressed(List<(int Start, int End)> addressees, List<(int Start, int End)> directives)
    {
        foreach (var a in addressees)
        {
            foreach (var d in directives)
            {
                if (Math.Max(a.Start, d.Start) - Math.Min(a.End, d.End) <= _addressWindow)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool Covers(Match other, int start, int end) => other.Start <= start && other.End >= end && other.End - other.Start > end - start;

    /// <summary>
    /// The terms found, in order of their end, from the pieces the matcher found: a whole term, or the words of a phrase whose
    /// words take any ending, each piece starting the word after the one before it ended in.
    /// </summary>
    private void Assemble(ReadOnlySpan<char> folded, List<(int Id, int End)> found, List<Match> matches, List<(Piece Piece, int Start, int Next)> open)
    {
        foreach (var (id, end) in found)
        {
            var piece = _pieces[id];
            var start = end - piece.Length;
            if (piece.Index > 0)
            {
                var before = -1;
                for (var k = 0; k < open.Count && before < 0; k++)
                {
                    before = open[k].Piece.Term == piece.Term && open[k].Piece.Index == piece.Index - 1 && open[k].Next == start ? k : -1;
                }

                if (before < 0)
                {
                    continue;
                }

                start = open[before].Start;
            }

            if (piece.Last)
            {
                matches.Add(new Match(piece.Term, start, end));
            }
            else
            {
                var space = folded[end..].IndexOf(' ');
                open.Add((piece, start, space < 0 ? -1 : end + space));
            }
        }
    }

    /// <summary>The lists one scoring fills, kept per thread: scoring allocates only its result.</summary>
    private sealed class Scratch
    {
        public List<(int Id, int End)> Found { get; } = [];

        public List<Match> Matches { get; } = [];

        public List<(Piece Piece, int Start, int Next)> Open { get; } = [];

        public HashSet<int> Seen { get; } = [];

        public List<(int Start, int End)> Addressees { get; } = [];

        public List<(int Start, int End)> Directives { get; } = [];

        public void Clear()
        {
            Found.Clear();
            Matches.Clear();
            Open.Clear();
            Seen.Clear();
            Addressees.Clear();
            Directives.Clear();
        }
    }

    /// <summary>What the matcher looks for: a whole term, or the <paramref name="Index"/>th word of a phrase.</summary>
    private readonly record struct Piece(int Term, int Index, bool Last, int Length);

    private readonly record struct Match(int Term, int Start, int End);
}
