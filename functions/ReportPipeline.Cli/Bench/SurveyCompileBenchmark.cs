using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using ReportPipeline.Core;
using ReportPipeline.Core.Languages;
using ReportPipeline.Core.MemberStates;
using ReportPipeline.Core.Reports;
using ReportPipeline.Core.Storage;
using ReportPipeline.Core.Survey;
using ReportPipeline.Extraction;
using ReportPipeline.Infrastructure.Storage;

namespace ReportPipeline.Cli.Bench;

/// <summary>
/// Compiling the survey (read both partitions through the store, compile, render HTML, JSON and CSV) against
/// its floor, the bare read of the same two Table partitions; first for 193 states × 4 questions in one period,
/// then with states × periods grown tenfold (193 × 10 periods). Seeds synthetic rows into Azurite.
/// </summary>
internal sealed class SurveyCompileBenchmark : IBenchmark
{
    private const int Periods = 10;
    private const double MaxRatio = 3.0;

    /// <summary>Compilation may grow at most this much faster than the data: linear, with room for noise.</summary>
    private const double MaxGrowthOverLinear = 1.5;

    private static readonly string[] s_sentences =
    [
        "Our border agencies lack biometric equipment and trained staff at remote crossings.",
        "Technical assistance from CTED and UNODC helped us draft terrorist financing legislation.",
        "Mutual legal assistance and extradition requests still take many months to answer.",
        "The Committee should prioritise the misuse of the Internet and social media by terrorists.",
        "Civil society and women's organisations take part in our prevention programmes.",
        "Links between organized crime and terrorism remain a concern along our coast.",
        "Human rights safeguards are built into every counter-terrorism law we adopt.",
        "CTED and UNOCT should coordinate their assistance so that States are not asked twice.",
    ];

    /// <summary>The language the sentences are written in, as the pipeline tells it.</summary>
    private static readonly string s_language = LanguageDetector.Detect(string.Join(' ', s_sentences));

    public string Name => "survey-compile";

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var azuriteData = Path.Combine(context.ScratchDirectory, "azurite-survey-" + Guid.NewGuid().ToString("N")[..8]);
        await using var host = await LocalHost.StartAsync(context.Storage, azuriteData, new Dictionary<string, string?>(), cancellationToken);
        var store = host.Get<ISubmissionStore>();
        var publisher = host.Get<SurveyPublisher>();
        var tables = host.Get<StorageClientFactory>().Tables;
        var states = host.Get<MemberStateRegistry>().All;

        // Periods of their own (the 2090s), so a reused account's other rows stay out of the measurement.
        var periods = Enumerable.Range(0, Periods).Select(i => Period.Parse($"{2090 + i}-H1")).ToList();
        Console.Error.WriteLine($"bench: seeding {states.Count} states × 4 questions × {Periods} periods …");
        var rows = 0;
        await Parallel.ForEachAsync(periods.SelectMany(p => states.Select(s => (Period: p, State: s))),
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (item, token) =>
            {
                var (submission, report) = Synthetic(item.Period, item.State);
                await store.SaveSubmissionAsync(submission, report, token);
                Interlocked.Add(ref rows, report.Answers.Count);
            });
        Console.Error.WriteLine($"bench: {rows} answer rows in place");

        async Task<int> ReadFloorAsync(IEnumerable<Period> ps)
        {
            var count = 0;
            foreach (var period in ps)
            {
                foreach (var table in new[] { StorageNames.SubmissionsTable, StorageNames.AnswersTable })
                {
                    var partition = TableKeys.Partition(period);
                    await foreach (var _ in tables.GetTableClient(table).QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
                    {
                        count++;
                    }
                }
            }

            return count;
        }

        async Task CompileAsync(IEnumerable<Period> ps)
        {
            foreach (var period in ps)
            {
                var prepared = await publisher.PrepareAsync(period, "bench", DateTimeOffset.UnixEpoch, null, cancellationToken);
                if (prepared.Model.Global.StatesReporting != states.Count)
                {
                    throw new InvalidOperationException($"Expected {states.Count} states reporting in {period}, found {prepared.Model.Global.StatesReporting}.");
                }
            }
        }

        // Warm every path (JIT tiers, connection pool, Azurite's caches) before anything is timed, then
        // alternate floor and compile within each run so that both see the same machine noise.
        await ReadFloorAsync(periods);
        await CompileAsync(periods);
        var one = periods.Skip(Periods - 1).ToList();
        var (floor1, compile1) = await PairedAsync(context.Runs, () => ReadFloorAsync(one), () => CompileAsync(one));
        var (floor10, compile10) = await PairedAsync(context.Runs, () => ReadFloorAsync(periods), () => CompileAsync(periods));
        var (_, storeRead1) = await PairedAsync(context.Runs, () => Task.CompletedTask, async () =>
        {
            var current = await store.ListSubmissionsAsync(one[0], cancellationToken);
            await store.ListCurrentAnswersAsync(one[0], current, cancellationToken);
        });
        var (_, oneAmongTen) = await PairedAsync(context.Runs, () => Task.CompletedTask, () => CompileAsync(periods.Skip(Periods - 1)));

        var floorGrowth = floor10.Median / floor1.Median;
        var compileGrowth = compile10.Median / compile1.Median;
        return
        [
            new(Name, "compile 193 states × 4 questions (1 period)", compile1, "ms", floor1, "read 2 partitions", MaxRatio),
            new(Name, $"compile 193 × {Periods} periods (10× states × periods)", compile10, "ms", floor10, $"read {2 * Periods} partitions", MaxRatio),
            new(Name, "read through the store (1 period)", storeRead1, "ms", floor1, "read 2 partitions", MaxRatio),
            new(Name, "compile 1 period among 10 stored", oneAmongTen, "ms", compile1, "same, 1 period stored", MaxRatio),
            new(Name, "floor growth at 10×", Stats.Single(floorGrowth), "×", Stats.Single(Periods), "linear", MaxGrowthOverLinear),
            new(Name, "compile growth at 10×", Stats.Single(compileGrowth), "×", Stats.Single(Periods), "linear", MaxGrowthOverLinear),
        ];
    }

    /// <summary>
    /// Times both in every run, in alternating order and each after a full collection, so that neither pays for
    /// the other's garbage or always runs first.
    /// </summary>
    private static async Task<(Stats Floor, Stats Value)> PairedAsync(int runs, Func<Task> floor, Func<Task> value)
    {
        var floors = new List<double>();
        var values = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            foreach (var (action, samples) in i % 2 == 0 ? [(floor, floors), (value, values)] : new[] { (value, values), (floor, floors) })
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var watch = Stopwatch.StartNew();
                await action();
                samples.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        return (Stats.Of(floors), Stats.Of(values));
    }

    /// <summary>A deterministic report: four answers of a few sentences each, so the themes vary across states.</summary>
    private static (SubmissionRecord Submission, ExtractedReport Report) Synthetic(Period period, MemberState state)
    {
        var seed = BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(period + state.Iso3)));
        var random = new Random(seed);
        var answers = Question.All.Select((q, i) =>
        {
            var text = string.Join(' ', Enumerable.Range(0, 6).Select(_ => s_sentences[random.Next(s_sentences.Length)]));
            return new ExtractedAnswer(q, text, 0.5 + (random.NextDouble() / 2), ExtractionMethods.Marker, [new Provenance(1 + i, 1 + random.Next(40))], ThemeCatalog.Default.Match(text));
        }).ToList();
        var report = new ExtractedReport(s_language, 4, answers, ThemeCatalog.Summarise(answers), []) { ExtractorVersion = AnswerExtractor.ExtractorVersion };
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(period + state.Iso3 + string.Concat(answers.Select(a => a.Text)))));
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var submission = new SubmissionRecord(new SubmissionKey(period, state), hash, $"{period}/{state.Iso3}/report.pdf", "pdf", s_language, 4, report.Coverage, [],
            at, at, AnswerExtractor.ExtractorVersion);
        return (submission, report);
    }
}
