namespace ReportPipeline.Core.Survey.Translation;

/// <summary>Machine translations already made, by the SHA-256 of the passage and the target language.</summary>
public interface ITranslationCache
{
    /// <summary>The cached translations into <paramref name="to"/> of the passages with these hashes, by hash; absent ones are missing.</summary>
    Task<IReadOnlyDictionary<string, string>> GetAsync(string to, IReadOnlyCollection<string> hashes, CancellationToken cancellationToken);

    /// <summary>Stores translations into <paramref name="to"/>, by passage hash.</summary>
    Task PutAsync(string to, IReadOnlyDictionary<string, string> translations, CancellationToken cancellationToken);
}
