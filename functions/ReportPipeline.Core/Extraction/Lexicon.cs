using System.Collections.Concurrent;
using ReportPipeline.Core.Languages;

namespace ReportPipeline.Core.Extraction;

/// <summary>The evidence one span of text carries: a weight per cue, each term counted once.</summary>
public sealed class CueScores
{
    private readonly double[] _weights = new double[8];

    /// <summary>The themes mentioned, as bits indexed like <see cref="ThemeCatalog.Themes"/>.</summary>
    public ulong Themes { get; private set; }

    public double this[Cue cue] => _weights[(int)cue];

    public double Question(Question question) => _weights[question.Index];

    /// <summary>The question with the most evidence, and its weight and lead over the runner-up.</summary>
    public (Question Question, double Score, double Margin) Best()
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

        return (Core.Question.FromIndex(best), _weights[best], _weights[best] - second);
    }

    public double MaxQuestion => Math.Max(Math.Max(_weights[0], _weights[1]), Math.Max(_weights[2], _weights[3]));

    internal void Add(Cue cue, double weight) => _weights[(int)cue] += weight;

    internal void AddTheme(int theme) => Themes |= 1UL << theme;

    internal void AddQuestions(CueScores other, double factor = 1)
    {
        for (var i = 0; i < 4; i++)
        {
            _weights[i] += other._weights[i] * factor;
        }
    }
}

/// <summary>
/// A language's question vocabulary and the theme terms written in its script, compiled into one matcher so that
/// a sentence is read once for both. Built once per language and catalogue, then shared.
/// </summary>
public sealed class Lexicon
{
    private static readonly ConditionalWeakTableCache s_cache = new();

    private readonly VocabularyTerm[] _terms;
    private readonly int[] _themeOfTerm;
    private readonly TermMatcher _matcher;
    private readonly int _longest;

    private Lexicon(string language, ThemeCatalog themes)
    {
        _terms = [.. QuestionVocabulary.For(language)];
        var themeTerms = themes.Themes
            .SelectMany((t, i) => t.Terms.Select(term => (Text: TextNormalizer.Normalize(term).Trim(), Theme: i)))
            .Where(x => x.Text.Length > 0 && x.Text.All(c => Fits(language, c)))
            .ToList();
        _themeOfTerm = [.. Enumerable.Repeat(-1, _terms.Length), .. themeTerms.Select(t => t.Theme)];
        _matcher = new TermMatcher([.. _terms.Select(t => t.Text), .. themeTerms.Select(t => t.Text)]);
        _longest = _terms.Max(t => t.Text.Length);
    }

    /// <summary>The lexicon of a language (English for one without a vocabulary) with the default theme catalogue.</summary>
    public static Lexicon For(string language) => For(language, ThemeCatalog.Default);

    public static Lexicon For(string language, ThemeCatalog themes) =>
        s_cache.Get(themes).GetOrAdd(QuestionVocabulary.Languages.Contains(language) ? language : "en", l => new Lexicon(l, themes));

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
            if (id >= _terms.Length)
            {
                scores.AddTheme(_themeOfTerm[id]);
                continue;
            }

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
        if (other.Id >= _terms.Length)
        {
            return false;
        }

        var otherStart = other.End - _terms[other.Id].Text.Length;
        return otherStart <= start && other.End >= end && other.End - otherStart > end - start;
    }

    /// <summary>Theme terms join a language's lexicon when written in Latin letters, digits or that language's script.</summary>
    private static bool Fits(string language, char c) =>
        c < 0x250 || language switch
        {
            "ru" => c is >= '\u0400' and <= '\u04FF',
            "ar" => c is >= '\u0600' and <= '\u06FF',
            "zh" => c >= '\u2E80',
            _ => false,
        };

    /// <summary>One lexicon per language for each theme catalogue in use (normally only the default).</summary>
    private sealed class ConditionalWeakTableCache
    {
        private readonly System.Runtime.CompilerServices.ConditionalWeakTable<ThemeCatalog, ConcurrentDictionary<string, Lexicon>> _table = [];

        public ConcurrentDictionary<string, Lexicon> Get(ThemeCatalog themes) => _table.GetValue(themes, _ => new ConcurrentDictionary<string, Lexicon>(StringComparer.Ordinal));
    }
}
