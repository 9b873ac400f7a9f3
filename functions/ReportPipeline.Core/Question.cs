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
