using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReportPipeline.Functions;
using ReportPipeline.Infrastructure.Storage;
using ReportPipeline.Local;

namespace ReportPipeline.Cli;

/// <summary>
/// The CLI's stand-in for the Functions host: the same composition root as Program.cs, over the storage named by
/// --storage or ReportPipeline__Storage, or over an Azurite it starts (data kept under .reportpipeline/azurite).
/// </summary>
internal sealed class LocalHost : IAsyncDisposable
{
    public const string StorageVariable = "ReportPipeline__Storage";

    /// <summary>Set (with <c>PipelineStorage__tableServiceUri</c>) to work on an Azure account as the signed-in user, since shared keys are off there.</summary>
    public const string IdentityStorageVariable = "PipelineStorage__blobServiceUri";

    private readonly ServiceProvider _services;
    private readonly AzuriteEmulator? _azurite;

    private LocalHost(ServiceProvider services, AzuriteEmulator? azurite)
    {
        _services = services;
        _azurite = azurite;
    }

    public IServiceProvider Services => _services;

    public bool IsEmbedded => _azurite is not null;

    /// <summary>The Azurite this host started, or null when it works on the storage it was given.</summary>
    public AzuriteEmulator? Azurite => _azurite;

    /// <summary>Whether a host given <paramref name="storage"/> starts an Azurite of its own: neither it nor the environment names storage.</summary>
    public static bool StartsAzurite(string? storage) =>
        string.IsNullOrWhiteSpace(storage) && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(StorageVariable))
        && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(IdentityStorageVariable));

    public static Task<LocalHost> StartAsync(string? storage, CancellationToken cancellationToken) =>
        StartAsync(storage, RepoPaths.AzuriteData, new Dictionary<string, string?>(), cancellationToken);

    /// <summary>A host whose Azurite, if it starts one, keeps its data in <paramref name="azuriteData"/>, with <paramref name="settings"/> over the environment's.</summary>
    public static async Task<LocalHost> StartAsync(string? storage, string azuriteData, IDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        AzuriteEmulator? azurite = null;
        if (StartsAzurite(storage))
        {
            Console.Error.WriteLine($"Starting Azurite ({AzuriteEmulator.Package}) with data in {azuriteData} …");
            azurite = await AzuriteEmulator.StartAsync(azuriteData, cancellationToken);
            storage = azurite.ConnectionString;
        }
        else if (string.IsNullOrWhiteSpace(storage))
        {
            storage = Environment.GetEnvironmentVariable(StorageVariable);
        }

        LocalHost? host = null;
        try
        {
            host = new LocalHost(BuildServices(new Dictionary<string, string?>(settings) { [StorageNames.ConnectionName] = storage }), azurite);
            await host.Get<StorageProvisioner>().EnsureCreatedAsync(cancellationToken);
            return host;
        }
        catch
        {
            // A bad setting, unreachable storage or Ctrl+C while provisioning must not leave the emulator running.
            await (host?.DisposeAsync() ?? azurite?.DisposeAsync() ?? ValueTask.CompletedTask);
            throw;
        }
    }

    /// <summary>
    /// The composition root over the environment's settings and <paramref name="overrides"/>, logging errors to stderr
    /// (or what <c>Logging__LogLevel__Default</c> and the like ask for).
    /// </summary>
    public static ServiceProvider BuildServices(IDictionary<string, string?> overrides)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(overrides).Build();
        return new ServiceCollection()
            // Polly logs every failed attempt with its stack trace; a command reports the outcome itself (a reason code, a warning).
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Error).AddFilter("Polly", LogLevel.None)
                .AddConfiguration(configuration.GetSection("Logging"))
                .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace))
            .AddReportPipeline(configuration)
            .BuildValidatedProvider();
    }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
