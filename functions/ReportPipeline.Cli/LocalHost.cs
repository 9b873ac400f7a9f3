using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReportPipeline.Functions;
using ReportPipeline.Infrastructure.Storage;
using ReportPipeline.Local;

namespace ReportPipeline.Cli;

/// <summary>
/// The CLI's stand-in for the Functions host: the same composition root as Program.cs, over the storage named by
/// --storage or ReportPipeline__Storage, or over the embedded Azurite (data kept under .reportpipeline/azurite), which
/// <see cref="EmbeddedStorage"/> starts or finds running under a <c>serve</c>.
/// </summary>
internal sealed class LocalHost : IAsyncDisposable
{
    public const string StorageVariable = "ReportPipeline__Storage";

    /// <summary>Set (with <c>PipelineStorage__tableServiceUri</c>) to work on an Azure account as the signed-in user, since shared keys are off there.</summary>
    public const string IdentityStorageVariable = "PipelineStorage__blobServiceUri";

    private readonly ServiceProvider _services;
    private readonly EmbeddedStorage? _embedded;

    private LocalHost(ServiceProvider services, EmbeddedStorage? embedded)
    {
        _services = services;
        _embedded = embedded;
    }

    public IServiceProvider Services => _services;

    /// <summary>Whether this host started the Azurite it works on (and stops it when it ends).</summary>
    public bool IsEmbedded => Azurite is not null;

    /// <summary>The Azurite this host started, or null when it works on the storage it was given or on a running <c>serve</c>'s.</summary>
    public AzuriteEmulator? Azurite => _embedded?.Azurite;

    /// <summary>Names the address this host serves on, for the commands that use its Azurite meanwhile.</summary>
    public void Announce(Uri url) => _embedded?.Announce(url);

    /// <summary>Whether a host given <paramref name="storage"/> uses the embedded Azurite: neither it nor the environment names storage.</summary>
    public static bool StartsAzurite(string? storage) =>
        string.IsNullOrWhiteSpace(storage) && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(StorageVariable))
        && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(IdentityStorageVariable));

    public static Task<LocalHost> StartAsync(string? storage, CancellationToken cancellationToken) =>
        StartAsync(storage, RepoPaths.AzuriteData, new Dictionary<string, string?>(), cancellationToken);

    /// <summary>
    /// A host whose embedded Azurite keeps its data in <paramref name="azuriteData"/>, with <paramref name="settings"/> over the
    /// environment's. A host that <paramref name="serves"/> lets other commands use its Azurite while it runs.
    /// </summary>
    public static async Task<LocalHost> StartAsync(
        string? storage, string azuriteData, IDictionary<string, string?> settings, CancellationToken cancellationToken, bool serves = false)
    {
        EmbeddedStorage? embedded = null;
        if (StartsAzurite(storage))
        {
            embedded = await EmbeddedStorage.OpenAsync(azuriteData, serves, cancellationToken);
            storage = embedded.ConnectionString;
        }
        else if (string.IsNullOrWhiteSpace(storage))
        {
            storage = Environment.GetEnvironmentVariable(StorageVariable);
        }

        LocalHost? host = null;
        try
        {
            host = new LocalHost(BuildServices(new Dictionary<string, string?>(settings) { [StorageNames.ConnectionName] = storage }), embedded);
            await host.Get<StorageProvisioner>().EnsureCreatedAsync(cancellationToken);
            return host;
        }
        catch
        {
            // A bad setting, unreachable storage or Ctrl+C while provisioning must not leave the emulator running.
            await (host?.DisposeAsync() ?? embedded?.DisposeAsync() ?? ValueTask.CompletedTask);
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
        if (_embedded is not null)
        {
            await _embedded.DisposeAsync();
        }
    }
}
