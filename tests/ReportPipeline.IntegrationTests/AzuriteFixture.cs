using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReportPipeline.Core;
using ReportPipeline.Core.Ingestion;
using ReportPipeline.Core.MemberStates;
using ReportPipeline.Functions;
using ReportPipeline.Functions.Ingestion;
using ReportPipeline.Infrastructure.Storage;
using ReportPipeline.Local;

[assembly: AssemblyFixture(typeof(ReportPipeline.IntegrationTests.AzuriteFixture))]

namespace ReportPipeline.IntegrationTests;

/// <summary>One real Azurite for the test assembly, on free ports; each test works in a period of its own.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>
    /// The index of the last period handed out. The first open period is never handed out: it is the one the portal offers
    /// first, which the portal's browser tests share (<see cref="Portal.PortalFixture.FirstOpenPeriod"/>).
    /// </summary>
    private static int s_nextPeriod = 1;
    private readonly string _data = Path.Combine(Path.GetTempPath(), "reportpipeline-tests-" + Guid.NewGuid().ToString("N"));
    private AzuriteEmulator? _azurite;

    public static string RepoRoot { get; } = Metadata("RepoRoot");

    public static string Configuration { get; } = Metadata("Configuration");

    /// <summary>The built CLI (<c>dotnet reportpipeline.dll</c>), for tests that run it as a child process.</summary>
    public static string CliAssembly { get; } = Metadata("CliAssembly");

    public string ConnectionString => _azurite!.ConnectionString;

    /// <summary>The emulator's process, for the test that proves it ends with the fixture.</summary>
    public int EmulatorProcessId => _azurite!.ProcessId;

    public ServiceProvider Services { get; private set; } = null!;

    public StorageClientFactory Storage => Services.GetRequiredService<StorageClientFactory>();

    public static MemberStateRegistry States { get; } = MemberStateRegistry.LoadEmbedded();

    public static SubmissionKey Key(Period period, string iso3) =>
        new(period, States.TryGet(iso3, out var state) ? state : throw new ArgumentException($"{iso3} is no Member State.", nameof(iso3)));

    /// <summary>How many periods are open: the second quarter of 1902 to 2099, then the first half of every other year; <see cref="NewPeriod"/> hands out all but the first.</summary>
    private const int Quarters = 198;
    private const int PeriodCount = Quarters + 99;

    /// <summary>
    /// A period no other test uses, so tests share the emulator without sharing rows. None is "the period before" another,
    /// nor the period after one (which a test may derive): a second quarter's neighbours are first and third quarters, and
    /// years of halves step by two, so 2031-H1 follows 2030-H2 and 2031-H2 precedes 2032-H1, which no test is given.
    /// </summary>
    public static Period NewPeriod() => Period.Parse(PeriodAt(Interlocked.Increment(ref s_nextPeriod)));

    /// <summary>Every period <see cref="NewPeriod"/> can hand out, open for the app the fixture composes (<c>Periods:Open</c>).</summary>
    public static string OpenPeriods { get; } = string.Join(',', Enumerable.Range(1, PeriodCount).Select(PeriodAt));

    private static string PeriodAt(int i) => i <= Quarters
        ? string.Create(CultureInfo.InvariantCulture, $"{1901 + i}-Q2")
        : string.Create(CultureInfo.InvariantCulture, $"{1901 + (2 * (i - Quarters))}-H1");

    /// <summary>Uploads a report to <c>reports/{blobName}</c> and runs IngestReport on the stored blob, as the blob trigger would.</summary>
    public async Task<IngestionOutcome> UploadAndIngestAsync(string blobName, BinaryData content, IServiceProvider? services = null)
    {
        var blob = Storage.Report(blobName);
        await blob.UploadAsync(content, overwrite: true, TestContext.Current.CancellationToken);
        return await IngestAsync(blobName, services);
    }

    /// <summary>
    /// Uploads and ingests <paramref name="text"/> as <paramref name="iso3"/>'s report, in a new period unless <paramref name="period"/>
    /// is given, and asserts it was accepted; returns the report's key.
    /// </summary>
    public async Task<SubmissionKey> IngestAcceptedAsync(string iso3, string text, IServiceProvider services, string file = "report.txt", Period? period = null)
    {
        period ??= NewPeriod();
        var outcome = await UploadAndIngestAsync($"{period}/{iso3}/{file}", BinaryData.FromString(text), services);
        Assert.Equal(IngestionStatus.Accepted, outcome.Status);
        return Key(period, iso3);
    }

    /// <summary>Runs IngestReport on a stored blob, as the blob trigger would.</summary>
    public Task<IngestionOutcome> IngestAsync(string blobName, IServiceProvider? services = null) =>
        (services ?? Services).GetRequiredService<IngestReportFunction>().RunAsync(Storage.Report(blobName), TestContext.Current.CancellationToken);

    /// <summary>The app's composition root over this Azurite, with <paramref name="settings"/> on top and <paramref name="configure"/> after it.</summary>
    public ServiceProvider CreateServices(Action<IServiceCollection>? configure = null, IDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [StorageNames.ConnectionName] = ConnectionString, ["Periods:Open"] = OpenPeriods })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection().AddLogging().AddReportPipeline(configuration);
        configure?.Invoke(services);
        return services.BuildValidatedProvider();
    }

    public async ValueTask InitializeAsync()
    {
        _azurite = await AzuriteEmulator.StartAsync(_data, TestContext.Current.CancellationToken);
        Services = CreateServices();
        await Services.GetRequiredService<StorageProvisioner>().EnsureCreatedAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        Directory.Delete(_data, recursive: true);
    }

    private static string Metadata(string key) =>
        typeof(AzuriteFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
