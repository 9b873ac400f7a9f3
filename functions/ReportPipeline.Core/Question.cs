using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReportPipeline.Core;

/// <summary>One of the four guiding questions of paragraph 9, written as its letter a–d wherever it is shown or stored.</summary>
[JsonConverter(typeof(QuestionJsonConverter))]
public readonly record struct Question : IComparable<Question>
{
    private readonly byte _index;

    private Question(int index) => _index = (byte)index;

    public static Question A { get; } = new(0);

    public static Question B { get; } = new(1);

    public static Question C { get; } = new(2);

    public static Question D { get; } = new(3);

    /// <summary>The four questions in order.</summary>
    public static IReadOnlyList<Question> All { get; } = [A, B, C, D];

    public const int Count = 4;

    /// <summary>0 for (a) to 3 for (d), for arrays indexed by question.</summary>
    public int Index => _index;

    public char Letter => (char)('a' + _index);

    public static Question FromIndex(int index) =>
        index is >= 0 and < Count ? new(index) : throw new ArgumentOutOfRangeException(nameof(index), index, "Questions are a to d.");

    public static bool TryParse(char letter, out Question question)
    {
        question = default;
        if (letter is < 'a' or > 'd')
        {
            return false;
        }

        question = new(letter - 'a');
        return true;
    }

    public static Question Parse(string letter) =>
        letter.Length == 1 && TryParse(letter[0], out var question) ? question : throw new FormatException($"'{letter}' is not a guiding question (a to d).");

    public int CompareTo(Question other) => _index.CompareTo(other._index);

    public override string ToString() => Letter.ToString();

    public static bool operator <(Question left, Question right) => left.CompareTo(right) < 0;

    public static bool operator >(Question left, Question right) => left.CompareTo(right) > 0;

    public static bool operator <=(Question left, Question right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Question left, Question right) => left.CompareTo(right) >= 0;
}

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

/// <summary>A question is the string of its letter in every JSON the pipeline writes, and as a property name.</summary>
internal sealed class QuestionJsonConverter : JsonConverter<Question>
{
    public override Question Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Question.Parse(reader.GetString() ?? "");

    public override void Write(Utf8JsonWriter writer, Question value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());

    public override Question ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Read(ref reader, typeToConvert, options);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, Question value, JsonSerializerOptions options) => writer.WritePropertyName(value.ToString());
}

/// <summary>A set of questions is the string of its letters in JSON, as wherever it is stored.</summary>
internal sealed class QuestionSetJsonConverter : JsonConverter<QuestionSet>
{
    public override QuestionSet Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => QuestionSet.Parse(reader.GetString() ?? "");

    public override void Write(Utf8JsonWriter writer, QuestionSet value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
