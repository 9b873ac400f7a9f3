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

/// <summary>A language's question vocabulary compiled into one matcher. Built once per language, then shared.</summary>
public sealed class Lexicon
{
    private static readonly ConcurrentDictionary<string, Lexicon> s_cache = new(StringComparer.Ordinal);

    private readonly VocabularyTerm[] _terms;
    private readonly TermMatcher _matcher;
    private readonly int _longest;

    private Lexicon(string language)
    {
        _terms = [.. QuestionVocabulary.For(language)];
        _matcher = new TermMatcher([.. _terms.Select(t => t.Text)]);
        _longest = _terms.Max(t => t.Text.Length);
    }

    /// <summary>The lexicon of a language (English for one without a vocabulary).</summary>
    public static Lexicon For(string language) =>
        s_cache.GetOrAdd(QuestionVocabulary.Languages.Contains(language) ? language : "en", l => new Lexicon(l));

    /// <summary>Scores a span of raw text; a term found inside a longer term found at the same place counts once, as the longer.</summary>
    public CueScores Score(ReadOnlySpan<char> text)
    {
        var folded = TextNormalizer.Normalize(text);
        var matches = new List<(int Id, int End)>();
        _matcher.Scan(folded, ref matches, static (ref List<(int Id, int End)> m, int id, int end) => m.Add((id, end)));
        var scores = new CueScores();
        HashSet<int>? seen = null;
        for (var i = 0; i < matches.Count; i++)
        {
            var (id, end) = matches[i];

            // Matches come in order of their end, so a longer term covering this one ends here or a little later.
            var start = end - _terms[id].Text.Length;
            var inside = false;
            for (var j = i - 1; j >= 0 && matches[j].End == end && !inside; j--)
            {
                inside = Covers(matches[j], start, end);
            }

            for (var j = i + 1; j < matches.Count && matches[j].End - start <= _longest && !inside; j++)
            {
                inside = Covers(matches[j], start, end);
            }

            if (!inside && (seen ??= []).Add(id))
            {
                scores.Add(_terms[id].Cue, _terms[id].Weight);
            }
        }

        return scores;
    }

    private bool Covers((int Id, int End) other, int start, int end)
    {
        var otherStart = other.End - _terms[other.Id].Text.Length;
        return otherStart <= start && other.End >= end && other.End - otherStart > end - start;
    }
}
