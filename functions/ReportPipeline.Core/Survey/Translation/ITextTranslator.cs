namespace ReportPipeline.Core.Survey.Translation;

/// <summary>A machine translation service (Azure AI Translator); idle when not configured.</summary>
public interface ITextTranslator
{
    /// <summary>False when no endpoint is set: the survey then quotes originals only and says so.</summary>
    bool IsConfigured { get; }

    /// <summary>
    /// Translates <paramref name="texts"/> into <paramref name="to"/>, one result per text in the same order; <paramref name="from"/>
    /// is the texts' language, or null to let the service detect it. Throws when the service cannot answer.
    /// </summary>
    Task<IReadOnlyList<string>> TranslateAsync(IReadOnlyList<string> texts, string? from, string to, CancellationToken cancellationToken);
}
