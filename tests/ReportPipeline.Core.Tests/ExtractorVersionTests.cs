using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ReportPipeline.Core.Reports;
using ReportPipeline.Documents;
using ReportPipeline.Extraction;

namespace ReportPipeline.Core.Tests;

/// <summary>
/// <see cref="AnswerExtractor.RulesVersion"/> names what the rules extract, so stored reports can be extracted again when it
/// changes: the extraction of the labelled and held-out statements, hashed, must be the one recorded with that version.
/// </summary>
public sealed class ExtractorVersionTests
{
    /// <summary>Raise the version with every change that alters this fingerprint, and record both here.</summary>
    private static readonly (string Version, string Fingerprint) s_recorded = ("rules-4", "b85dbb455e5092ad4ea6232ccaf9fb4ab6e87bb0374280f278d29d8e962234f5");

    [Fact]
    public async Task RulesVersion_ExtractionOfTheSeedStatements_MatchesTheFingerprintRecordedForIt()
    {
        var analyzer = new DocumentAnalyzer([new PlainTextAnalyzer()]);
        var extractor = new AnswerExtractor(ThemeCatalog.Default);
        var files = new[] { "corpus", "heldout" }.SelectMany(d => Directory.EnumerateFiles(TestPaths.Seeds(d), "*.txt"))
            .Order(StringComparer.Ordinal).ToList();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            var layout = await analyzer.AnalyzeAsync(await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken), Path.GetFileName(file), TestContext.Current.CancellationToken);
            var report = extractor.Extract(layout);
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\n" + JsonSerializer.Serialize(report) + "\n"));
        }

        var fingerprint = Convert.ToHexStringLower(hash.GetHashAndReset());

        Assert.True(files.Count > 50, "The seed statements were not found.");
        Assert.True(s_recorded == (AnswerExtractor.RulesVersion, fingerprint),
            $"What the rules extract is now {fingerprint}, recorded {s_recorded.Fingerprint} for {s_recorded.Version}. If the change is intended, "
            + $"raise AnswerExtractor.RulesVersion (now {AnswerExtractor.RulesVersion}) and record the new version and fingerprint in {nameof(ExtractorVersionTests)}.");
    }
}
