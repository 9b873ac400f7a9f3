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

    public static Task<LocalHost> StartAsync(string? storage, CancellationToken cancellationToken) => StartAsync(storage, new Dictionary<string, string?>(), cancellationToken);

    /// <summary>Starts the host with <paramref name="settings"/> over the environment's (the storage setting aside).</summary>
    public static async Task<LocalHost> StartAsync(string? storage, IDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        storage = string.IsNullOrWhiteSpace(storage) ? Environment.GetEnvironmentVariable(StorageVariable) : storage;
        AzuriteEmulator? azurite = null;
        if (string.IsNullOrWhiteSpace(storage) && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(IdentityStorageVariable)))
        {
            Console.Error.WriteLine($"Starting Azurite ({AzuriteEmulator.Package}) with data in {RepoPaths.AzuriteData} …");
            azurite = await AzuriteEmulator.StartAsync(RepoPaths.AzuriteData, cancellationToken);
            storage = azurite.ConnectionString;
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

    /// <summary>The composition root over the environment's settings and <paramref name="overrides"/>, logging errors to stderr.</summary>
    public static ServiceProvider BuildServices(IDictionary<string, string?> overrides)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(overrides).Build();
        return new ServiceCollection()
            // Polly logs every failed attempt with its stack trace; a command reports the outcome itself (a reason code, a warning).
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Error).AddFilter("Polly", LogLevel.None)
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

/// <summary>Where the CLI finds the repository's seeds and keeps its local state.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string State => Path.Combine(Root, ".reportpipeline");

    public static string AzuriteData => Path.Combine(State, "azurite");

    public static string SeedReports => Path.Combine(Root, "seeds", "reports");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ReportPipeline.sln")))
            {
                return dir.FullName;
            }
        }

        return Environment.CurrentDirectory;
    }
}
