namespace ReportPipeline.Core.Languages;

/// <summary>How the language is told from the others: the characters of its script, and its commonest words.</summary>
public sealed record DetectionDocument
{
    /// <summary>The code points of its script as ranges of hexadecimal code points ("0600-06FF"); languages sharing a script list the same.</summary>
    public required IReadOnlyList<string> Characters { get; init; }

    /// <summary>What one character of the script counts for against the others (a Chinese character carries about a word).</summary>
    public required int Weight { get; init; }

    /// <summary>Its commonest words, to tell it from another language of the same script.</summary>
    public required IReadOnlyList<string> StopWords { get; init; }
}
