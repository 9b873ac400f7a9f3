using System.Collections.Concurrent;
using ReportPipeline.Core.Languages;

namespace ReportPipeline.Core.Extraction;

/// <summary>The evidence one span of text carries: a weight per cue, each term counted once.</summary>
public sealed class CueScores
{
    private readonly double[] _weights = new double[8];

    public double this[Cue cue] => _weights[(int)cue];

    public double Question(char question) => _weights[question - 'a'];

    /// <summary>The question with the most evidence, and its weight and lead over the runner-up.</summary>
    public (char Question, double Score, double Margin) Best()
    {
        var best = 0;
        for (var i = 1; i < 4; i++)
        {
            if (_weights[i] > _weights[best])
            {
                best = i;
            }
        }

        var second = 0.0;
        for (var i = 0; i < 4; i++)
        {
            if (i != best)
            {
                second = Math.Max(second, _weights[i]);
            }
        }

        return ((char)('a' + best), _weights[best], _weights[best] - second);
    }

    public double MaxQuestion => Math.Max(Math.Max(_weights[0], _weights[1]), Math.Max(_weights[2], _weights[3]));

    internal void Add(Cue cue, double weight) => _weights[(int)cue] += weight;

    internal void AddQuestions(CueScores other, double factor = 1)
    {
        for (var i = 0; i < 4; i++)
        {
            _weights[i] += other._weights[i] * factor;
        }
    }
}

/// <summary>A language's vocabulary compiled into one matcher; built once per language and shared.</summary>
public sealed class Lexicon
{
    private static readonly ConcurrentDictionary<string, Lexicon> s_cache = new(StringComparer.Ordinal);

    private readonly VocabularyTerm[] _terms;
    private readonly TermMatcher _matcher;

    private Lexicon(IReadOnlyList<VocabularyTerm> terms)
    {
        _terms = [.. terms];
        _matcher = new TermMatcher([.. _terms.Select(t => t.Text)]);
    }

    public static Lexicon For(string language) =>
        s_cache.GetOrAdd(QuestionVocabulary.Languages.Contains(language) ? language : "en", l => new Lexicon(QuestionVocabulary.For(l)));

    /// <summary>Scores a span of raw text; a term found inside a longer term found at the same place counts once, as the longer.</summary>
    public CueScores Score(ReadOnlySpan<char> text)
    {
        var folded = TextNormalizer.Normalize(text);
        var state = new ScanState(new List<(int Id, int End)>(), _terms);
        _matcher.Scan(folded, ref state, static (ref ScanState s, int id, int end) => s.Matches.Add((id, end)));
        var scores = new CueScores();
        var seen = new HashSet<int>();
        var matches = state.Matches;
        for (var i = 0; i < matches.Count; i++)
        {
            var (id, end) = matches[i];
            var start = end - _terms[id].Text.Length;
            var inside = false;
            for (var j = 0; j < matches.Count && !inside; j++)
            {
                var (other, otherEnd) = matches[j];
                var otherStart = otherEnd - _terms[other].Text.Length;
                inside = j != i && otherStart <= start && otherEnd >= end && otherEnd - otherStart > end - start;
            }

            if (!inside && seen.Add(id))
            {
                scores.Add(_terms[id].Cue, _terms[id].Weight);
            }
        }

        return scores;
    }

    private readonly struct ScanState(List<(int Id, int End)> matches, VocabularyTerm[] terms)
    {
        public readonly List<(int Id, int End)> Matches = matches;
        public readonly VocabularyTerm[] Terms = terms;
    }
}
