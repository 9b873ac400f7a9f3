namespace ReportPipeline.Core.Survey.Translation;

/// <summary>What became of the machine translation of a survey's excerpts into one language.</summary>
public enum TranslationStatus
{
    /// <summary>No translator is configured: the excerpts stand in their original language only.</summary>
    NotConfigured,

    /// <summary>Every excerpt not already in the language has a machine translation.</summary>
    Translated,

    /// <summary>The translator failed (after its retries): excerpts without a cached translation stand in the original only.</summary>
    Unavailable,
}
