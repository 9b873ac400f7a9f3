namespace ReportPipeline.Core.Languages;

/// <summary>
/// How the language's letters are folded for matching, beyond case and Latin accents: marks dropped (Arabic diacritics,
/// tatweel) and variants of a letter written as one (Arabic alef forms, Cyrillic ё).
/// </summary>
public sealed record FoldingDocument
{
    /// <summary>Ranges of code points ("064B-065F") that folding removes.</summary>
    public required IReadOnlyList<string> Drop { get; init; }

    /// <summary>Letters folded into one: the key holds the variants, the value the one letter they become ("ёЁ": "е").</summary>
    public required IReadOnlyDictionary<string, string> Letters { get; init; }
}
