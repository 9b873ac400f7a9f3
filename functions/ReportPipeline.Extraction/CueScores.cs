using System.Runtime.CompilerServices;
using ReportPipeline.Core;

namespace ReportPipeline.Extraction;

/// <summary>
/// The evidence one span of text carries: a weight per cue, each term counted once. A question's light terms (weight under
/// <see cref="CoreWeight"/>: "capacity", "should", "United Nations") are context: they count only beside a term that names
/// the question's topic, so that a sentence about the threat or a country's resolve does not answer a question by its
/// incidental words.
/// </summary>
public sealed class CueScores
{
    /// <summary>The least weight of a term that names a question's topic on its own.</summary>
    public const double CoreWeight = 1.5;

    private const int Questions = Core.Question.Count;

    /// <summary>How many cues <see cref="Weights"/> holds: <see cref="Cue.Meets"/> is the last, which the type's initialiser checks.</summary>
    private const int Cues = (int)Cue.Meets + 1;

    // Held inline rather than in arrays of their own: a report scores every sentence, and each score sheet is then one allocation, not three.
    private Weights _weights;
    private Context _context;

    /// <summary>Whether evidence of (a) was added from a span that named who meets the obstacle.</summary>
    private bool _meets;

    static CueScores()
    {
        // An inline array's length must be a constant; a cue added after Cue.Meets would fall outside it, so fail at once.
        if (Enum.GetValues<Cue>().Any(c => (int)c is < 0 or >= Cues))
        {
            throw new InvalidOperationException($"{nameof(CueScores)} holds {Cues} cues, up to {Cue.Meets}; a cue outside them needs its place in the weights.");
        }
    }

    public double this[Cue cue] => _weights[(int)cue];

    public double Question(Question question) => Question(question.Index);

    /// <summary>The question with the most evidence, and its weight and lead over the runner-up.</summary>
    public (Question Question, double Score, double Margin) Best() => Best(mentions: false);

    /// <summary>
    /// As <see cref="Best()"/>, counting every term whether or not it names the topic: a heading is a short label
    /// ("Cooperation and assistance"), not a sentence whose incidental words could mislead.
    /// </summary>
    public (Question Question, double Score, double Margin) BestMention() => Best(mentions: true);

    /// <summary>Names that belong to a question without being its evidence: who (c) addresses, the entities of (d).</summary>
    private double Mentions(int question) => question switch
    {
        2 => this[Cue.Addressee] + this[Cue.Directive],
        3 => this[Cue.Body],
        _ => 0,
    };

    private double Score(int question, bool mentions) => mentions ? _weights[question] + _context[question] + Mentions(question) : Question(question);

    private (Question Question, double Score, double Margin) Best(bool mentions)
    {
        double score(int i) => Score(i, mentions);

        var best = 0;
        for (var i = 1; i < Questions; i++)
        {
            if (score(i) > score(best))
            {
                best = i;
            }
        }

        var second = 0.0;
        for (var i = 0; i < Questions; i++)
        {
            if (i != best)
            {
                second = Math.Max(second, score(i));
            }
        }

        return (Core.Question.FromIndex(best), score(best), score(best) - second);
    }

    public double MaxQuestion => Math.Max(Math.Max(Question(0), Question(1)), Math.Max(Question(2), Question(3)));

    internal void Add(Cue cue, double weight)
    {
        if ((int)cue < Questions && weight < CoreWeight)
        {
            _context[(int)cue] += weight;
        }
        else
        {
            _weights[(int)cue] += weight;
        }
    }

    /// <summary>Empties the scores, so that one instance can add up span after span.</summary>
    internal void Clear()
    {
        ((Span<double>)_weights).Clear();
        ((Span<double>)_context).Clear();
        _meets = false;
    }

    /// <summary>Adds context to a question: it counts only beside the question's topic words.</summary>
    internal void AddContext(Cue question, double weight) => _context[(int)question] += weight;

    /// <summary>Adds the evidence of another span for each question that span gives any.</summary>
    internal void AddQuestions(CueScores other, double factor = 1)
    {
        for (var i = 0; i < Questions; i++)
        {
            if (other.Question(i) > 0)
            {
                _weights[i] += other._weights[i] * factor;
                _context[i] += other._context[i] * factor;
                _meets |= i == 0;
            }
        }
    }

    /// <summary>
    /// Core evidence plus its context. An obstacle of (a) also needs a word for who meets it or what is implemented
    /// (<see cref="Cue.Meets"/>): an obstacle word beside the threat alone describes the threat, not a State's difficulty.
    /// </summary>
    private double Question(int i) => _weights[i] > 0 && (i != 0 || _meets || this[Cue.Meets] > 0) ? _weights[i] + _context[i] : 0;

    /// <summary>A weight per cue.</summary>
    [InlineArray(Cues)]
    private struct Weights
    {
        private double _first;
    }

    /// <summary>Context per question.</summary>
    [InlineArray(Questions)]
    private struct Context
    {
        private double _first;
    }
}
