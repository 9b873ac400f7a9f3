using System.Text.Json.Serialization;

namespace ReportPipeline.Core.Languages;

/// <summary>A language's <c>profile.json</c> as written: who the language is and how its text behaves.</summary>
internal sealed record ProfileDocument
{
    /// <summary>The ISO 639-1 code, the name of the language's folder.</summary>
    public required string Code { get; init; }

    /// <summary>The language's name in English, by which the languages are ordered (the order the UN lists them in).</summary>
    public required string Name { get; init; }

    /// <summary>The language's name in itself, as a language picker shows it.</summary>
    public required string NativeName { get; init; }

    /// <summary><c>ltr</c> or <c>rtl</c>.</summary>
    public required string Direction { get; init; }

    /// <summary>The ISO 15924 code of the script the language is written in.</summary>
    public required string Script { get; init; }

    public required DetectionDocument Detection { get; init; }

    public required VocabularyDocument Vocabulary { get; init; }

    public required SentenceDocument Sentences { get; init; }

    public required MarkerDocument Markers { get; init; }

    [JsonIgnore]
    public bool RightToLeft => Direction == "rtl";
}
