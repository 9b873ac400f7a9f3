using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace ReportPipeline.Core.Survey.Translation;

/// <summary>
/// Gives every excerpt of a survey a machine translation into each edition language it is not written in. A translation
/// made once is kept (by passage hash and target language), so a recompile asks the translator only for what is new; a
/// translator that fails after its retries leaves the originals alone, with a warning, and never fails the compile.
/// </summary>
public sealed class ExcerptTranslator(ITextTranslator translator, ITranslationCache cache, SurveyLanguages languages, ILogger<ExcerptTranslator> logger)
{
    /// <summary>Passages sent in one request; the service takes up to 1,000 elements and 50,000 characters, excerpts are at most 600.</summary>
    private const int BatchSize = 25;

    public async Task<SurveyTranslations> TranslateAsync(SurveyModel survey, CancellationToken cancellationToken)
    {
        if (!translator.IsConfigured)
        {
            return SurveyTranslations.NotConfigured;
        }

        var excerpts = survey.Regions.SelectMany(r => r.Subregions).SelectMany(a => a.Excerpts).Where(x => x.Text.Length > 0).ToList();
        var status = new Dictionary<string, TranslationStatus>(StringComparer.Ordinal);
        var texts = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var to in languages.All.Select(l => l.Code))
        {
            var needed = excerpts.Where(x => BaseLanguage(x.Language) != to).ToList();
            var hashes = needed.ToDictionary(x => x.Id, x => Hash(x.Text), StringComparer.Ordinal);
            var known = new Dictionary<string, string>(await cache.GetAsync(to, [.. hashes.Values.Distinct(StringComparer.Ordinal)], cancellationToken), StringComparer.Ordinal);
            status[to] = TranslationStatus.Translated;
            foreach (var group in needed.Where(x => !known.ContainsKey(hashes[x.Id])).DistinctBy(x => hashes[x.Id]).GroupBy(x => BaseLanguage(x.Language)))
            {
                foreach (var batch in group.Chunk(BatchSize))
                {
                    try
                    {
                        var translated = await translator.TranslateAsync([.. batch.Select(x => x.Text)], group.Key.Length > 0 ? group.Key : null, to, cancellationToken);
                        var made = batch.Zip(translated).ToDictionary(p => hashes[p.First.Id], p => p.Second, StringComparer.Ordinal);
                        await cache.PutAsync(to, made, cancellationToken);
                        foreach (var (hash, text) in made)
                        {
                            known[hash] = text;
                        }
                    }
                    catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                    {
                        logger.TranslationUnavailable(e, to, batch.Length);
                        status[to] = TranslationStatus.Unavailable;
                    }
                }
            }

            texts[to] = needed.Where(x => known.ContainsKey(hashes[x.Id])).ToDictionary(x => x.Id, x => known[hashes[x.Id]], StringComparer.Ordinal);
        }

        return new SurveyTranslations(status, texts);
    }

    /// <summary>The SHA-256 of a passage's text, lower-case hex: the cache key beside the target language.</summary>
    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string BaseLanguage(string tag) => tag.Split('-')[0].ToLowerInvariant() is var code && code != "und" ? code : "";
}
