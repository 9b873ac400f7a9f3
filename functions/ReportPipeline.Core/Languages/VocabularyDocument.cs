namespace ReportPipeline.Core.Languages;

/// <summary>How the language's vocabulary (<c>cues/*.txt</c>, <c>themes/*.txt</c>) is matched in its text.</summary>
public sealed record VocabularyDocument
{
    /// <summary>
    /// Whether terms match anywhere, spaces ignored, and not at word starts: Arabic attaches articles and conjunctions to
    /// words and its pages often run words together; Chinese has no spaces.
    /// </summary>
    public required bool MatchAnywhere { get; init; }

    /// <summary>How near, in folded characters, a directive must stand to whom it addresses ("call on the Council to").</summary>
    public required int AddressWindow { get; init; }
}
