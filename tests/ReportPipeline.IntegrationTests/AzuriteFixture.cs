using System.Reflection;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReportPipeline.Core;
using ReportPipeline.Functions;
using ReportPipeline.Infrastructure;
using ReportPipeline.Infrastructure.Local;
using ReportPipeline.Infrastructure.Storage;

[assembly: AssemblyFixture(typeof(ReportPipeline.IntegrationTests.AzuriteFixture))]

namespace ReportPipeline.IntegrationTests;

/// <summary>One real Azurite for the test assembly, on free ports; each test works in a period of its own.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private static int s_nextYear = 2040;
    private readonly string _data = Path.Combine(Path.GetTempPath(), "reportpipeline-tests-" + Guid.NewGuid().ToString("N"));
    private AzuriteEmulator? _azurite;

    public static string RepoRoot { get; } = Metadata("RepoRoot");

    public static string Configuration { get; } = Metadata("Configuration");

    public string ConnectionString => _azurite!.ConnectionString;

    public ServiceProvider Services { get; private set; } = null!;

    public BlobContainerClient Reports => Services.GetRequiredService<StorageClientFactory>().Blobs.GetBlobContainerClient(StorageNames.ReportsContainer);

    /// <summary>A reporting period no other test uses, so tests share the emulator without sharing rows.</summary>
    public static string NewPeriod() => $"{Interlocked.Increment(ref s_nextYear)}-H1";

    public ServiceProvider CreateServices(Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [StorageNames.ConnectionName] = ConnectionString })
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddReportPipelineCore()
            .AddReportPipelineInfrastructure()
            .AddReportPipelineFunctions();
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
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
