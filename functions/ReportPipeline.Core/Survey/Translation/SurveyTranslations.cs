namespace ReportPipeline.Core.Survey.Translation;

/// <summary>
/// The machine translations of a survey's excerpts: per edition language, its status and the translation of each excerpt
/// (by excerpt id) that is not already in that language. Never evidence: the original always stays beside it.
/// </summary>
public sealed record SurveyTranslations(
    IReadOnlyDictionary<string, TranslationStatus> Status,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Texts)
{
    public static SurveyTranslations NotConfigured { get; } = new(new Dictionary<string, TranslationStatus>(), new Dictionary<string, IReadOnlyDictionary<string, string>>());

    public TranslationStatus StatusOf(string language) => Status.GetValueOrDefault(language, TranslationStatus.NotConfigured);

    /// <summary>The machine translation of an excerpt into <paramref name="language"/>, or null.</summary>
    public string? Of(string language, string excerptId) =>
        Texts.TryGetValue(language, out var texts) && texts.TryGetValue(excerptId, out var text) ? text : null;
}
