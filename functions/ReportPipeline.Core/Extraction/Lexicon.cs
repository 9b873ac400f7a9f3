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

    /// <summary>Scores a span of raw text.</summary>
    public CueScores Score(ReadOnlySpan<char> text)
    {
        var folded = TextNormalizer.Normalize(text);
        var state = new ScanState(new CueScores(), new HashSet<int>(), _terms);
        _matcher.Scan(folded, ref state, static (ref ScanState s, int id) =>
        {
            if (s.Seen.Add(id))
            {
                s.Scores.Add(s.Terms[id].Cue, s.Terms[id].Weight);
            }
        });
        return state.Scores;
    }

    private struct ScanState(CueScores scores, HashSet<int> seen, VocabularyTerm[] terms)
    {
        public readonly CueScores Scores = scores;
        public readonly HashSet<int> Seen = seen;
        public readonly VocabularyTerm[] Terms = terms;
    }
}
