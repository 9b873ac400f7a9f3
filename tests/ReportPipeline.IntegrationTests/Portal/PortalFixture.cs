using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReportPipeline.Cli.Serve;
using ReportPipeline.Core;
using ReportPipeline.Core.Staff;
using ReportPipeline.Core.Uploads;
using ReportPipeline.Functions;
using ReportPipeline.Functions.Ingestion;
using ReportPipeline.Infrastructure.Storage;
using ReportPipeline.Local;

namespace ReportPipeline.IntegrationTests.Portal;

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "Portal";
}

/// <summary>
/// <c>serve</c> as a person meets it: the HTTP functions and pages on Kestrel at 127.0.0.1, over an Azurite of its own, since
/// its watcher ingests every new blob it finds (on the shared Azurite it would race the other tests' own ingests).
/// </summary>
public sealed class PortalFixture : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "reportpipeline-portal-" + Guid.NewGuid().ToString("N"));
    private readonly List<IAsyncDisposable> _owned = [];
    private AzuriteEmulator? _azurite;

    /// <summary>What the watcher printed: a line per ingested blob.</summary>
    public ConcurrentQueue<string> ServerLines { get; } = new();

    public ServiceProvider Services { get; private set; } = null!;

    /// <summary>The server where the local user is staff, as <c>serve</c> runs by default.</summary>
    internal LocalServer Server { get; private set; } = null!;

    public Uri Url => Server.Url;

    /// <summary>
    /// Services where staff are who App Service Authentication's principal says, the platform saying that authentication is
    /// on (as in Azure with an app registration), logging to a fake collector.
    /// </summary>
    public ServiceProvider AppServiceServices { get; private set; } = null!;

    /// <summary>A second server over those services, leaving ingestion to <see cref="Server"/>.</summary>
    internal LocalServer AppServiceServer { get; private set; } = null!;

    /// <summary>The period the portal offers first: the first of <see cref="AzuriteFixture.OpenPeriods"/>. Browser tests use it, one state each.</summary>
    public static Period FirstOpenPeriod { get; } = Period.Parse(AzuriteFixture.OpenPeriods.Split(',')[0]);

    public async ValueTask InitializeAsync()
    {
        _azurite = await AzuriteEmulator.StartAsync(_data, TestContext.Current.CancellationToken);
        Services = CreateServices("LocalUser");
        await Services.GetRequiredService<StorageProvisioner>().EnsureCreatedAsync(TestContext.Current.CancellationToken);
        Server = await LocalServer.StartAsync(Services, 0, ingest: true, ServerLines.Enqueue, TestContext.Current.CancellationToken);
        _owned.Add(Server);
        AppServiceServices = CreateServices("AppService", s => s.AddLogging(logging => logging.AddFakeLogging()), AzureWithAuthentication);
        AppServiceServer = await LocalServer.StartAsync(AppServiceServices, 0, ingest: false, ServerLines.Enqueue, TestContext.Current.CancellationToken);
        _owned.Add(AppServiceServer);
    }

    /// <summary>What App Service sets when the app runs there with App Service Authentication on.</summary>
    public static IReadOnlyDictionary<string, string?> AzureWithAuthentication { get; } = new Dictionary<string, string?>
    {
        [StaffPlatform.AuthenticationEnabledSetting] = "True",
        [StaffPlatform.SiteNameSetting] = "func-reportpipeline",
    };

    /// <summary>
    /// The app's composition root over this fixture's Azurite, with staff signing in as <paramref name="staffAuthentication"/> says
    /// and the <paramref name="platform"/> settings App Service would set (none: not in Azure).
    /// </summary>
    public ServiceProvider CreateServices(string staffAuthentication, Action<IServiceCollection>? configure = null, IReadOnlyDictionary<string, string?>? platform = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [StorageNames.ConnectionName] = _azurite!.ConnectionString,
            ["Periods:Open"] = AzuriteFixture.OpenPeriods,
            ["Staff:Authentication"] = staffAuthentication,
        }.Concat(platform ?? new Dictionary<string, string?>())).Build();
        var services = new ServiceCollection().AddLogging().AddReportPipeline(configuration);
        configure?.Invoke(services);
        return services.BuildValidatedProvider();
    }

    /// <summary>Stores <paramref name="text"/> as <paramref name="iso3"/>'s report in a period of its own and ingests it as the blob trigger would; returns the period.</summary>
    public async Task<Period> IngestInNewPeriodAsync(string iso3, string text)
    {
        var period = AzuriteFixture.NewPeriod();
        var blob = AppServiceServices.GetRequiredService<StorageClientFactory>().Report($"{period}/{iso3}/report.txt");
        await blob.UploadAsync(BinaryData.FromString(text), overwrite: true, TestContext.Current.CancellationToken);
        await AppServiceServices.GetRequiredService<IngestReportFunction>().RunAsync(blob, TestContext.Current.CancellationToken);
        return period;
    }

    public async Task<string> IssueKeyAsync(string state) =>
        (await Services.GetRequiredService<CredentialService>().IssueAsync(state, TestContext.Current.CancellationToken)).Key;

    public HttpClient Client(string? key = null) => Client(Url, key);

    /// <summary>A client of <paramref name="server"/>, signed in with a state's <paramref name="key"/> when given.</summary>
    public static HttpClient Client(Uri server, string? key = null)
    {
        var client = new HttpClient { BaseAddress = server };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    /// <summary>What a state's script does: asks for a slot with its key and PUTs the file to it; returns the blob's name.</summary>
    public async Task<string> UploadAsync(string key, string state, Period period, string fileName, byte[] content)
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = Client(key);
        using var slot = await client.PostAsJsonAsync("api/uploads", new { state, period = period.Value, fileName }, ct);
        slot.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await slot.Content.ReadAsStringAsync(ct));
        using var put = new HttpRequestMessage(HttpMethod.Put, body.RootElement.GetProperty("url").GetString()) { Content = new ByteArrayContent(content) };
        put.Headers.Add("x-ms-blob-type", "BlockBlob");
        using var http = new HttpClient();
        (await http.SendAsync(put, ct)).EnsureSuccessStatusCode();
        return body.RootElement.GetProperty("blobName").GetString()!;
    }

    /// <summary>The key's uploads of <paramref name="period"/> once <paramref name="blobName"/> is settled (not Processing), as the portal polls them.</summary>
    public async Task<JsonElement> WaitForOutcomeAsync(string key, Period period, string blobName, TimeSpan limit)
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = Client(key);
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            using var document = JsonDocument.Parse(await client.GetStringAsync($"api/uploads?period={period}", ct));
            var upload = document.RootElement.GetProperty("uploads").EnumerateArray()
                .Where(u => u.GetProperty("upload").GetProperty("blobName").GetString() == blobName)
                .Select(u => u.Clone()).FirstOrDefault();
            if (upload.ValueKind == JsonValueKind.Object && upload.GetProperty("upload").GetProperty("status").GetString() != "Processing")
            {
                return document.RootElement.Clone();
            }

            Assert.True(TimeProvider.System.GetElapsedTime(started) < limit, $"{blobName} was not ingested within {limit}; the server said: {string.Join(" | ", ServerLines)}");
            await Task.Delay(200, ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            await owned.DisposeAsync();
        }

        await Services.DisposeAsync();
        await AppServiceServices.DisposeAsync();
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        Directory.Delete(_data, recursive: true);
    }
}
