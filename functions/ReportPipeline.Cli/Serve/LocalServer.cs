using System.Net;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReportPipeline.Cli.Commands;
using ReportPipeline.Core.Ingestion;
using ReportPipeline.Infrastructure.Storage;

namespace ReportPipeline.Cli.Serve;

/// <summary>
/// <c>serve</c>: the HTTP functions and the two pages on Kestrel at 127.0.0.1, over the pipeline's services; and, standing in
/// for Event Grid, the reconciliation that ingests every blob under <c>reports/</c> with no outcome recorded, once a second.
/// On a local storage emulator it also lets the browser PUT reports to their slots (CORS, as Bicep sets it in Azure).
/// </summary>
internal sealed class LocalServer : IAsyncDisposable
{
    /// <summary>How often new blobs are looked for: a report is ingested within two seconds of its upload (Azure's Event Grid takes about one).</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private const int MaxOrigins = 64;
    private static readonly TimeSpan s_budget = TimeSpan.FromMinutes(5);
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _watcher;

    private LocalServer(WebApplication app, Uri url, IServiceProvider services, bool ingest, Action<string> report)
    {
        _app = app;
        Url = url;
        _watcher = ingest ? WatchAsync(services.GetRequiredService<UploadReconciler>(), services.GetRequiredService<TimeProvider>(), report, _stop.Token) : Task.CompletedTask;
    }

    /// <summary>The portal; the staff desk is <c>staff</c> under it.</summary>
    public Uri Url { get; }

    public Uri StaffUrl => new(Url, "staff");

    /// <summary>
    /// Starts serving on 127.0.0.1:<paramref name="port"/> (0 for any free port); <paramref name="report"/> receives a line per
    /// ingested blob. With <paramref name="ingest"/> false it leaves new blobs to another server over the same storage: two
    /// watchers would race for each blob, and the loser's attempt would be recorded as a failure.
    /// </summary>
    public static async Task<LocalServer> StartAsync(IServiceProvider services, int port, bool ingest, Action<string> report, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.Use(RefuseForeignHosts);
        HttpFunctionRoutes.Map(app, services);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var url = new Uri(new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)).GetLeftPart(UriPartial.Authority) + "/");
        var server = new LocalServer(app, url, services, ingest, report);
        try
        {
            await AllowBrowserUploadsAsync(services.GetRequiredService<StorageClientFactory>(), url, report, cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Answers only requests addressed to a loopback name: a web page elsewhere can point its own host name at 127.0.0.1 (DNS
    /// rebinding) and would otherwise read the staff API, and the links it returns, as the local user.
    /// </summary>
    private static Task RefuseForeignHosts(HttpContext context, RequestDelegate next)
    {
        var host = context.Request.Host.Host;
        if (host is "127.0.0.1" or "[::1]" || host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status421MisdirectedRequest;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync("This local server answers only to 127.0.0.1 and localhost.", context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _watcher;
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        _stop.Dispose();
    }

    /// <summary>The portal's page PUTs a report straight to its slot: the emulator must allow that origin, method and headers.</summary>
    private static async Task AllowBrowserUploadsAsync(StorageClientFactory storage, Uri url, Action<string> report, CancellationToken cancellationToken)
    {
        if (!storage.Blobs.Uri.IsLoopback)
        {
            report($"The storage account is not local: allow PUT from {url.GetLeftPart(UriPartial.Authority)} in its CORS rules (Bicep does so in Azure).");
            return;
        }

        // Added beside the origins of other servers over the same emulator, not in their place: all in one rule, since the
        // service keeps at most five rules but up to 64 origins in one.
        var origin = url.GetLeftPart(UriPartial.Authority);
        BlobServiceProperties properties = await storage.Blobs.GetPropertiesAsync(cancellationToken);
        var others = properties.Cors.SelectMany(r => r.AllowedOrigins.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(o => o != origin).Distinct().TakeLast(MaxOrigins - 1);
        properties.Cors = [BrowserUploads.Rule(string.Join(',', [.. others, origin]))];
        await storage.Blobs.SetPropertiesAsync(properties, cancellationToken);
    }

    private static async Task WatchAsync(UploadReconciler reconciler, TimeProvider time, Action<string> report, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(PollInterval, time);
        string? lastProblem = null;
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    foreach (var outcome in (await reconciler.ReconcileAsync(s_budget, cancellationToken)).Outcomes)
                    {
                        report($"{outcome.Upload.BlobName}: {DemoCommand.Describe(outcome)}");
                    }

                    lastProblem = null;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Said once, not every second; the next tick tries again.
                    var problem = CliFailure.Describe(e) ?? $"reportpipeline: looking for new reports failed: {e.GetType().Name}: {e.Message}";
                    if (problem != lastProblem)
                    {
                        report(problem);
                        lastProblem = problem;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped with the server.
        }
    }
}
