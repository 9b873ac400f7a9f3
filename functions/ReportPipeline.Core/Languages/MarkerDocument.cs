namespace ReportPipeline.Core.Languages;

/// <summary>How the language marks a guiding question: its letters, its word for "question", and its ordinals.</summary>
public sealed record MarkerDocument
{
    /// <summary>The labels of each question (keys <c>a</c>–<c>d</c>) as the language writes them: "a", "А", "一", "أ".</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Labels { get; init; }

    /// <summary>The labels that open a list item with a closing parenthesis alone ("b)"); none in a language that does not.</summary>
    public required IReadOnlyList<string> BareLabels { get; init; }

    /// <summary>The language's own parentheses, beside '(' and ')', as pairs of an opening and a closing one ("（）").</summary>
    public required string Parentheses { get; init; }

    /// <summary>Punctuation, beside the common, that may stand between a marker and its text ("：", "、").</summary>
    public required string Separators { get; init; }

    /// <summary>A word for "question" whose presence near the start of a paragraph makes an ordinal worth looking for.</summary>
    public required IReadOnlyList<string> QuestionWords { get; init; }

    /// <summary>Regular expressions for the word "question" before a label ("(?:по\s+)?вопрос[уа]?"), in a marker such as "Question (b)".</summary>
    public required IReadOnlyList<string> LabelledBy { get; init; }

    /// <summary>Regular expressions for a marker of the language's own shape, its label captured as <c>label</c> ("问题(三)").</summary>
    public required IReadOnlyList<string> Patterns { get; init; }

    /// <summary>The ordinal words of each question (keys <c>a</c>–<c>d</c>), in lower case: "third", "третьему", "三", "الثالث".</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Ordinals { get; init; }

    /// <summary>Regular expressions for a reference to a question by its ordinal, the ordinal captured as <c>ord</c>.</summary>
    public required IReadOnlyList<string> OrdinalPatterns { get; init; }
}
