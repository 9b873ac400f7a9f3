namespace ReportPipeline.Core.Languages;

/// <summary>The language's sentence and heading rules: its punctuation, abbreviations, forms of address and heading numbers.</summary>
public sealed record SentenceDocument
{
    /// <summary>Characters that end a sentence wherever they stand ("。", "؟"), beside '.', '!' and '?' followed by a space.</summary>
    public required string Terminators { get; init; }

    /// <summary>Characters, beyond the common ones, that a heading never ends with ("，", "؛").</summary>
    public required string HeadingEnds { get; init; }

    /// <summary>Characters, beyond the common ones, after which a paragraph has ended a sentence or clause ("。", "،").</summary>
    public required string ClauseEnds { get; init; }

    /// <summary>Ranges of code points ("0600-06FF") whose letters, having no case, may start a sentence.</summary>
    public required IReadOnlyList<string> UncasedStarts { get; init; }

    /// <summary>Words that a full stop follows without ending the sentence ("mr", "mme", "ст"), in lower case, without the stop.</summary>
    public required IReadOnlyList<string> Abbreviations { get; init; }

    /// <summary>The longest heading in characters when its text is mostly of this script, or 0 for the common limit.</summary>
    public required int HeadingMaxLength { get; init; }

    /// <summary>Regular expressions, anchored where they are used, for a heading's numbering in this language ("一、", "ثانياً:").</summary>
    public required IReadOnlyList<string> HeadingNumbers { get; init; }

    /// <summary>How a speaker addresses the presidency ("Mr. President", "主席先生").</summary>
    public required AddressDocument Address { get; init; }
}
