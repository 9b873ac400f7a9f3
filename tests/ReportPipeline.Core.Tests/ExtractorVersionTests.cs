using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ReportPipeline.Core.Reports;
using ReportPipeline.Documents;
using ReportPipeline.Extraction;

namespace ReportPipeline.Core.Tests;

/// <summary>
/// <see cref="AnswerExtractor.ExtractorVersion"/> names what the rules extract, so stored reports can be extracted again when it
/// changes: the extraction of the labelled and held-out statements, hashed, must be the one recorded with that version.
/// </summary>
public sealed class ExtractorVersionTests
{
    /// <summary>Raise the version with every change that alters this fingerprint, and record both here.</summary>
    private static readonly (string Version, string Fingerprint) s_recorded = ("rules-5", "4eb015fc27b642f20a59fa974a2ed59f70a60601bd58dee8a39c7e1c8711d841");

    [Fact]
    public async Task ExtractorVersion_ExtractionOfTheSeedStatements_MatchesTheFingerprintRecordedForIt()
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
        Assert.True(s_recorded == (AnswerExtractor.ExtractorVersion, fingerprint),
            $"What the rules extract is now {fingerprint}, recorded {s_recorded.Fingerprint} for {s_recorded.Version}. If the change is intended, "
            + $"raise AnswerExtractor.ExtractorVersion (now {AnswerExtractor.ExtractorVersion}) and record the new version and fingerprint in {nameof(ExtractorVersionTests)}.");
    }
}
