using System.Collections;
using System.Text.Json.Serialization;

namespace ReportPipeline.Core;

/// <summary>The questions a report answers, written as their letters in order ("abd").</summary>
[JsonConverter(typeof(QuestionSetJsonConverter))]
public readonly record struct QuestionSet : IEnumerable<Question>
{
    private readonly byte _bits;

    private QuestionSet(int bits) => _bits = (byte)bits;

    public static QuestionSet Empty { get; }

    public bool IsEmpty => _bits == 0;

    public int Count => System.Numerics.BitOperations.PopCount(_bits);

    public static QuestionSet Of(IEnumerable<Question> questions) => new(questions.Aggregate(0, (bits, q) => bits | (1 << q.Index)));

    public bool Contains(Question question) => (_bits & (1 << question.Index)) != 0;

    public static bool TryParse(string? letters, out QuestionSet set)
    {
        set = Empty;
        var bits = 0;
        foreach (var letter in letters ?? "")
        {
            if (!Question.TryParse(letter, out var question))
            {
                return false;
            }

            bits |= 1 << question.Index;
        }

        set = new(bits);
        return true;
    }

    public static QuestionSet Parse(string letters) =>
        TryParse(letters, out var set) ? set : throw new FormatException($"'{letters}' is not a set of guiding questions (letters a to d).");

    public IEnumerator<Question> GetEnumerator()
    {
        foreach (var question in Question.All)
        {
            if (Contains(question))
            {
                yield return question;
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => new([.. this.Select(q => q.Letter)]);
}
