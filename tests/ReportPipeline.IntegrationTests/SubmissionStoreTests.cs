using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Polly.Telemetry;
using ReportPipeline.Core;
using ReportPipeline.Core.Ingestion;
using ReportPipeline.Core.Reports;
using ReportPipeline.Core.Storage;
using ReportPipeline.Extraction;
using ReportPipeline.Infrastructure.Storage;

namespace ReportPipeline.IntegrationTests;

[Trait("Category", "Integration")]
public sealed class SubmissionStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset s_at = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    private ISubmissionStore CreateSut() => azurite.Services.GetRequiredService<ISubmissionStore>();

    private static string Hash(string content) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    private static (SubmissionRecord Submission, ExtractedReport Report) Report(Period period, string iso3, string content, params ExtractedAnswer[] answers)
    {
        answers = answers.Length > 0 ? answers : [new ExtractedAnswer(Question.A, content, 0.9, ExtractionMethods.Marker, [new Provenance(1, 2)], ["cft"])];
        var report = new ExtractedReport("en", 1, answers, ThemeCatalog.Summarise(answers), []) { ExtractorVersion = AnswerExtractor.ExtractorVersion };
        var submission = new SubmissionRecord(AzuriteFixture.Key(period, iso3), Hash(content), $"{period}/{iso3}/{Hash(content)[..8]}.txt", "text", "en", 1,
            report.Coverage, [], s_at, s_at, "rules-1");
        return (submission, report);
    }

    private async Task<List<TableEntity>> AnswerRowsAsync(Period period, string iso3)
    {
        var rows = new List<TableEntity>();
        var table = azurite.Storage.Tables.GetTableClient(StorageNames.AnswersTable);
        await foreach (var e in table.QueryAsync<TableEntity>(x => x.PartitionKey == period.Value, cancellationToken: TestContext.Current.CancellationToken))
        {
            if (e.GetString(Columns.State) == iso3)
            {
                rows.Add(e);
            }
        }

        return rows;
    }

    [Fact]
    public async Task SaveSubmissionAsync_NewReport_SupersedesAndKeepsOldAnswersReadable()
    {
        var ct = TestContext.Current.CancellationToken;
        var period = AzuriteFixture.NewPeriod();
        var sut = CreateSut();
        var first = Report(period, "KEN", "first report: borders");
        var second = Report(period, "KEN", "second report: financing");

        await sut.SaveSubmissionAsync(first.Submission, first.Report, ct);
        var saved = await sut.SaveSubmissionAsync(second.Submission with { UploadedAt = s_at.AddMinutes(1) }, second.Report, ct);

        Assert.True(saved.Changed);
        Assert.Equal(2, saved.Submission.Version);
        var versions = await sut.ListVersionsAsync(AzuriteFixture.Key(period, "KEN"), ct);
        Assert.Equal([(1, first.Submission.ContentHash), (2, second.Submission.ContentHash)], versions.Select(v => (v.Version, v.ContentHash)));
        Assert.Equal("first report: borders", Assert.Single(await sut.ListAnswersAsync(versions[0], ct)).Text);
        Assert.Equal("second report: financing", Assert.Single(await sut.ListCurrentAnswersAsync(period, ct)).Text);
        Assert.Equal(2, (await sut.GetSubmissionAsync(AzuriteFixture.Key(period, "KEN"), ct))!.Version);
        Assert.Single(await sut.ListSubmissionsAsync(period, ct));
    }

    [Fact]
    public async Task SaveSubmissionAsync_SameReportTwice_ChangesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var period = AzuriteFixture.NewPeriod();
        var sut = CreateSut();
        var report = Report(period, "PER", "the same report");

        await sut.SaveSubmissionAsync(report.Submission, report.Report, ct);
        var again = await sut.SaveSubmissionAsync(report.Submission with { ReceivedAt = s_at.AddHours(1) }, report.Report, ct);

        Assert.False(again.Changed);
        Assert.Equal(1, again.Submission.Version);
        Assert.Equal(s_at, again.Submission.ReceivedAt);
        Assert.Single(await sut.ListVersionsAsync(AzuriteFixture.Key(period, "PER"), ct));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public async Task SaveSubmissionAsync_RacingIngestsOfOneStateAndPeriod_OneConsistentWinnerAndNoOrphans(int racers)
    {
        var ct = TestContext.Current.CancellationToken;
        var retries = new RetryCounter();
        await using var services = azurite.CreateServices(s => s.Configure<TelemetryOptions>(o => o.TelemetryListeners.Add(retries)));
        var sut = services.GetRequiredService<ISubmissionStore>();

        // Whether racers overlap is the scheduler's choice; a busy one may run them one after another. Race five rounds,
        // and on until a save has met a conflict, so that the race is exercised however loaded the machine is.
        for (var round = 0; round < 5 || (retries.Count == 0 && round < 50); round++)
        {
            var period = AzuriteFixture.NewPeriod();
            var reports = Enumerable.Range(0, racers).Select(i => Report(period, "MAR", $"racer {i} of round {round}",
                [.. Enumerable.Range(0, 3).Select(q => new ExtractedAnswer(Question.FromIndex(q), $"racer {i} answer {q}", 0.8, ExtractionMethods.Marker, [new Provenance(1, q + 1)], []))])).ToList();
            var gate = new TaskCompletionSource();
            var saves = reports.Select(r => Task.Run(async () =>
            {
                await gate.Task;
                return await sut.SaveSubmissionAsync(r.Submission, r.Report, ct);
            }, ct)).ToList();
            gate.SetResult();
            var results = await Task.WhenAll(saves);

            Assert.All(results, r => Assert.True(r.Changed));
            Assert.Equal(Enumerable.Range(1, racers), results.Select(r => r.Submission.Version).Order());
            // All uploaded at one time, so the blob names order them: the last is current, whatever order the saves committed in.
            var versions = await sut.ListVersionsAsync(AzuriteFixture.Key(period, "MAR"), ct);
            Assert.Equal(Enumerable.Range(1, racers), versions.Select(v => v.Version).Order());
            Assert.Equal(versions.Select(v => v.BlobName).Order(StringComparer.Ordinal), versions.Select(v => v.BlobName));
            Assert.Equal(reports.Select(r => r.Submission.ContentHash).Order(), versions.Select(v => v.ContentHash).Order());

            var current = await sut.GetSubmissionAsync(AzuriteFixture.Key(period, "MAR"), ct);
            Assert.Equal(versions[^1].ContentHash, current!.ContentHash);
            var winner = reports.Single(r => r.Submission.ContentHash == current.ContentHash);
            Assert.Equal(winner.Report.Answers.Select(a => a.Text), (await sut.ListCurrentAnswersAsync(period, ct)).Select(a => a.Text));
            foreach (var version in versions)
            {
                var expected = reports.Single(r => r.Submission.ContentHash == version.ContentHash).Report.Answers.Select(a => a.Text);
                Assert.Equal(expected, (await sut.ListAnswersAsync(version, ct)).Select(a => a.Text));
            }

            // Every answer row belongs to a version the Submissions table knows: nothing is orphaned.
            var referenced = versions.Select(TableKeys.AnswerPrefix).ToHashSet();
            Assert.All(await AnswerRowsAsync(period, "MAR"), row => Assert.Contains(row.RowKey[.."MAR_0123456789abcdef.01234567_".Length], referenced));
            Assert.Equal(racers * 3, (await AnswerRowsAsync(period, "MAR")).Count);
        }

        Assert.True(retries.Count > 0, "No save ever met a conflict, so the race was not exercised.");
    }

    [Fact]
    public async Task SaveSubmissionAsync_SameReportRacing_StoresOneVersion()
    {
        var ct = TestContext.Current.CancellationToken;
        var period = AzuriteFixture.NewPeriod();
        var sut = CreateSut();
        var report = Report(period, "CHL", "delivered twice by Event Grid");

        // Each delivery is its own ingest, stored at its own instant.
        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(i =>
            Task.Run(() => sut.SaveSubmissionAsync(report.Submission with { ReceivedAt = s_at.AddTicks(i) }, report.Report, ct), ct)));

        Assert.Single(results, r => r.Changed);
        Assert.All(results, r => Assert.Equal(1, r.Submission.Version));
        Assert.Single(await sut.ListVersionsAsync(AzuriteFixture.Key(period, "CHL"), ct));
    }

    [Fact]
    public async Task SaveSubmissionAsync_AnswerLongerThanAProperty_ChunksAndReassemblesExactly()
    {
        var ct = TestContext.Current.CancellationToken;
        var period = AzuriteFixture.NewPeriod();
        var sut = CreateSut();
        // Surrogate pairs straddle every chunk boundary, and the provenance alone outgrows one property.
        var text = "xyz" + string.Concat(Enumerable.Range(0, 80_000 / 3).Select(i => i % 2 == 0 ? "a😀" : "b国"));
        Assert.True(char.IsHighSurrogate(text[AnswerRows.ChunkLength - 1]));
        var provenance = Enumerable.Range(1, 2_000).Select(i => new Provenance(i, i * 7)).ToList();
        var report = Report(period, "JPN", text, new ExtractedAnswer(Question.B, text, 0.7, ExtractionMethods.Heading, provenance, ["ict"]));

        await sut.SaveSubmissionAsync(report.Submission, report.Report, ct);

        var stored = Assert.Single(await sut.ListCurrentAnswersAsync(period, ct));
        Assert.Equal(text, stored.Text);
        Assert.Equal(provenance, stored.Provenance);
        Assert.Equal(["ict"], stored.Themes);
        var rows = await AnswerRowsAsync(period, "JPN");
        Assert.True(rows.Count >= 3);
        Assert.All(rows, r => Assert.InRange(r.GetString(Columns.Text).Length, 0, 32 * 1024));
        Assert.All(rows, r => Assert.InRange(r.GetString(Columns.Provenance).Length, 0, 32 * 1024));
    }

    [Fact]
    public async Task SaveSubmissionAsync_ManyLargeAnswers_WritesEveryRowInBoundedBatches()
    {
        var ct = TestContext.Current.CancellationToken;
        var period = AzuriteFixture.NewPeriod();
        var sut = CreateSut();
        var answers = Enumerable.Range(0, 240).Select(i => new ExtractedAnswer(Question.FromIndex(i % 4), new string((char)('A' + (i % 26)), 9_000 + i), 0.6,
            ExtractionMethods.Classifier, [new Provenance(i + 1, 1)], [])).ToArray();
        var report = Report(period, "BRA", "a long report", answers);

        var batches = AnswerRows.Batches(AnswerRows.Build(report.Submission, report.Report));
        await sut.SaveSubmissionAsync(report.Submission, report.Report, ct);

        Assert.True(batches.Count > 3);
        Assert.All(batches, b => Assert.InRange(b.Count, 1, AnswerRows.MaxBatchEntities));
        Assert.All(batches, b => Assert.InRange(b.Sum(AnswerRows.EstimateBytes), 1, AnswerRows.MaxBatchBytes));
        Assert.Equal(answers.Select(a => a.Text), (await sut.ListCurrentAnswersAsync(period, ct)).Select(a => a.Text));
    }

    [Fact]
    public void Batches_SmallRows_HundredPerTransaction()
    {
        var rows = Enumerable.Range(0, 250).Select(i => new TableEntity("2026", $"R{i:000}") { ["Text"] = "x" });

        var batches = AnswerRows.Batches(rows);

        Assert.Equal([100, 100, 50], batches.Select(b => b.Count));
    }

    [Theory]
    [InlineData("2026/H1")]
    [InlineData("2026\\H1")]
    [InlineData("FRA#1")]
    [InlineData("FRA?x")]
    [InlineData("FRA\tx")]
    [InlineData("FRA\u0000")]
    [InlineData("FRA\u007f")]
    [InlineData("FRA\u0085")]
    [InlineData("")]
    public void Checked_ForbiddenKey_Throws(string key) => Assert.Throws<ArgumentException>(() => TableKeys.Checked(key));

    [Fact]
    public void Checked_KeyOverOneKibibyte_Throws()
    {
        Assert.Equal(new string('x', 1024), TableKeys.Checked(new string('x', 1024)));
        Assert.Throws<ArgumentException>(() => TableKeys.Checked(new string('x', 1025)));
        Assert.Throws<ArgumentException>(() => TableKeys.Checked(new string('é', 513)));
    }

    [Theory]
    [InlineData("2026-H1")]
    [InlineData("FRA_v0001")]
    [InlineData("FRA_0123456789abcdef.01234567_a_007")]
    public void Checked_AllowedKey_ReturnsIt(string key) => Assert.Equal(key, TableKeys.Checked(key));

    [Fact]
    public void Answer_Keys_SpellTheExtractionAndSortInsideItsRange()
    {
        var version = Report(Period.Parse("2026-H1"), "FRA", "x").Submission;
        var hash = version.ContentHash;
        static bool Within(string row, (string From, string To) range) =>
            string.CompareOrdinal(row, range.From) >= 0 && string.CompareOrdinal(row, range.To) < 0;

        Assert.Matches($"^FRA_{hash[..16]}\\.[0-9a-f]{{8}}_c_012$", TableKeys.Answer(version, Question.C, 12));
        Assert.True(Within(TableKeys.Answer(version, Question.D, 999), TableKeys.AnswerRange(version)));
        Assert.False(Within(TableKeys.Answer(version with { ContentHash = Hash("y") }, Question.A, 0), TableKeys.AnswerRange(version)));
        Assert.False(Within(TableKeys.Answer(version with { ExtractorVersion = "rules-2" }, Question.A, 0), TableKeys.AnswerRange(version)));
        Assert.False(Within(TableKeys.Answer(version with { ExtractorVersion = "azure-openai/gpt_4o/2024-08-06" }, Question.A, 0), TableKeys.AnswerRange(version)));
        var legacy = version with { ExtractorVersion = "" };
        Assert.Equal($"FRA_{hash[..16]}_c_012", TableKeys.Answer(legacy, Question.C, 12));
        Assert.False(Within(TableKeys.Answer(version, Question.A, 0), TableKeys.AnswerRange(legacy)));
        Assert.False(Within(TableKeys.Answer(legacy, Question.A, 0), TableKeys.AnswerRange(version)));
        Assert.Throws<ArgumentException>(() => TableKeys.AnswerPrefix(version with { ContentHash = "not-a-hash-at-all!" }));
        var key = version.Key;
        Assert.True(string.CompareOrdinal(TableKeys.SubmissionHistory(key, 9), TableKeys.SubmissionHistory(key, 10)) < 0);
        Assert.True(Within(TableKeys.SubmissionHistory(key, 9999), TableKeys.SubmissionHistoryRange(key)));
        Assert.False(Within(TableKeys.Submission(key).Row, TableKeys.SubmissionHistoryRange(key)));
        var unfiled = TableKeys.Upload(new UploadKey(null, "FRA", "x/FRA/y"));
        Assert.Equal((UploadKey.Unfiled, "FRA_"), (unfiled.Partition, unfiled.Row[..4]));
        Assert.True(Within(TableKeys.Upload(new UploadKey(key.Period, "FRA", "2026-H1/FRA/y")).Row, TableKeys.UploadRange("FRA")));
        Assert.False(Within(TableKeys.Upload(new UploadKey(key.Period, "FRAX", "2026-H1/FRAX/y")).Row, TableKeys.UploadRange("FRA")));
    }

    [Fact]
    public void Split_TextAtSurrogateBoundary_NeverBreaksAPair()
    {
        var pieces = AnswerRows.Split("ab😀cd", 3);

        Assert.Equal(["ab", "😀c", "d"], pieces);
        Assert.Equal([""], AnswerRows.Split("", 3));
    }

    private sealed class RetryCounter : TelemetryListener
    {
        private int _count;

        public int Count => _count;

        public override void Write<TResult, TArgs>(in TelemetryEventArguments<TResult, TArgs> args)
        {
            if (args.Event.EventName == "OnRetry")
            {
                Interlocked.Increment(ref _count);
            }
        }
    }
}
