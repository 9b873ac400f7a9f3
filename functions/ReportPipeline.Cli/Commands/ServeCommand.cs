using System.CommandLine;
using Microsoft.Extensions.Options;
using ReportPipeline.Cli.Serve;
using ReportPipeline.Core.Staff;

namespace ReportPipeline.Cli.Commands;

/// <summary>
/// <c>serve [--port 7071]</c>: the HTTP functions and the two pages on 127.0.0.1 over the embedded Azurite (or --storage), with
/// new blobs ingested as Event Grid would deliver them in Azure, until Ctrl+C.
/// </summary>
internal static class ServeCommand
{
    public const int DefaultPort = 7071;
    private const string StaffAuthenticationVariable = "Staff__Authentication";

    public static Option<int> PortOption() => new("--port") { Description = "Port on 127.0.0.1 to serve on.", DefaultValueFactory = _ => DefaultPort };

    /// <summary>
    /// The local user is staff, and principal headers are ignored, unless <c>Staff__Authentication</c> says otherwise (set it to
    /// AppService to try the refusals that App Service Authentication's absence would bring).
    /// </summary>
    public static Dictionary<string, string?> Settings() =>
        Environment.GetEnvironmentVariable(StaffAuthenticationVariable) is null ? new() { ["Staff:Authentication"] = nameof(StaffAuthentication.LocalUser) } : [];

    public static Command Create(Option<string?> storage)
    {
        var port = PortOption();
        var command = new Command("serve", "Serve the member-state portal (/), the staff desk (/staff) and the HTTP API on 127.0.0.1, ingesting new uploads.") { port };
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var host = await LocalHost.StartAsync(result.GetValue(storage), RepoPaths.AzuriteData, Settings(), cancellationToken, serves: true);
            await RunAsync(host, result.GetValue(port), cancellationToken);
            return 0;
        });
        return command;
    }

    /// <summary>Serves until <paramref name="cancellationToken"/> (Ctrl+C) stops it.</summary>
    public static async Task RunAsync(LocalHost host, int port, CancellationToken cancellationToken)
    {
        await using var server = await LocalServer.StartAsync(host.Services, port, ingest: true, Console.WriteLine, cancellationToken);
        host.Announce(server.Url);
        Console.WriteLine($"Member-state portal: {server.Url}");
        var local = host.Get<IOptions<StaffOptions>>().Value.Authentication == StaffAuthentication.LocalUser;
        Console.WriteLine($"Staff desk:          {server.StaffUrl}{(local ? " (you are staff here, as the local user)" : " (closed here: staff sign in through App Service Authentication, in Azure)")}");
        Console.WriteLine($"API:                 {server.Url}api/… (the same functions and routes as in Azure)");
        Console.WriteLine($"New blobs under reports/ are ingested within {2 * LocalServer.PollInterval.TotalSeconds:0} s, standing in for Event Grid (which Azure uses).");
        Console.Error.WriteLine(host.IsEmbedded ? "Azurite keeps running, and other reportpipeline commands here use it; press Ctrl+C to stop." : "Press Ctrl+C to stop.");
        await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }
}
